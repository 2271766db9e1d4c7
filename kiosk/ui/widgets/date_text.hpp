// Dates of flow fields: the "YYYY-MM-DD" values of SetFieldValue, stepping, and words per language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/pack/blocks.hpp"
#include "ui/ui_strings.hpp"

namespace kiosk::ui {

// Only real days that core::checkField accepts (1900 to 2199); anything else is "no date yet".
std::optional<core::CalendarDate> parseFieldDate(std::string_view value);
std::string fieldDateValue(const core::CalendarDate& date);  // "2025-03-14"

int daysInMonth(int year, int month);

enum class DatePart { Day, Month, Year };

// One stepper tap: days and months wrap around (31 → 1, December → January) like a dial, years
// stop at the range core accepts; the day shrinks to fit a shorter month (31 March → 30 April).
core::CalendarDate stepDate(core::CalendarDate date, DatePart part, int delta);

// "14. März 2025", "14 March 2025", "14 березня 2025".
std::string formatDate(const FlowStrings& words, const core::CalendarDate& date);

}  // namespace kiosk::ui
