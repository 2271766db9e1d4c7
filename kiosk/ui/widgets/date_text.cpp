// Calendar arithmetic kept to what a stepper needs; the range matches core::isCalendarDate.
#include "ui/widgets/date_text.hpp"

#include <algorithm>
#include <cstdio>

#include "core/nav/field_check.hpp"
#include "ui/widgets/placeholders.hpp"

namespace kiosk::ui {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2199;

int wrap(int value, int first, int last) {
    const int span = last - first + 1;
    return first + ((value - first) % span + span) % span;
}

}  // namespace

std::optional<core::CalendarDate> parseFieldDate(std::string_view value) {
    if (!core::isCalendarDate(value)) return std::nullopt;
    auto number = [&](std::size_t at, std::size_t length) {
        int out = 0;
        for (char c : value.substr(at, length)) out = out * 10 + (c - '0');
        return out;
    };
    return core::CalendarDate{number(0, 4), number(5, 2), number(8, 2)};
}

std::string fieldDateValue(const core::CalendarDate& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[std::clamp(month, 1, 12) - 1] + (month == 2 && leap ? 1 : 0);
}

core::CalendarDate stepDate(core::CalendarDate date, DatePart part, int delta) {
    switch (part) {
        case DatePart::Day: date.day = wrap(date.day + delta, 1, daysInMonth(date.year, date.month)); break;
        case DatePart::Month: date.month = wrap(date.month + delta, 1, 12); break;
        case DatePart::Year: date.year = std::clamp(date.year + delta, kFirstYear, kLastYear); break;
    }
    date.year = std::clamp(date.year, kFirstYear, kLastYear);
    date.month = std::clamp(date.month, 1, 12);
    date.day = std::clamp(date.day, 1, daysInMonth(date.year, date.month));
    return date;
}

std::string formatDate(const FlowStrings& words, const core::CalendarDate& date) {
    return fillPlaceholders(words.dateFormat, {{"day", std::to_string(date.day)},
                                               {"month", words.monthsInDate[static_cast<std::size_t>(std::clamp(date.month, 1, 12) - 1)]},
                                               {"year", std::to_string(date.year)}});
}

}  // namespace kiosk::ui
