// The showroom's opening hours: when the kiosk shows itself and when its screen stays dark.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

// A moment in the kiosk's local time (its TZ), as the opening hours speak of it.
struct CivilTime {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    int weekday = 0;  // 0 Monday … 6 Sunday
    int minuteOfDay = 0;  // 0..1439
    int secondOfMinute = 0;
};

struct CivilDate {
    int year;
    int month;
    int day;
    bool operator==(const CivilDate&) const = default;
};

// Minutes since midnight, from inclusive, to exclusive; "24:00" is 1440.
struct OpenRange {
    int from;
    int to;
    bool operator==(const OpenRange&) const = default;
};

struct OpeningHours {
    bool always = true;  // no [schedule]: the kiosk never sleeps
    std::array<std::vector<OpenRange>, 7> week;  // Monday first; empty: closed all day
    std::vector<CivilDate> closedDates;           // holidays: closed whatever the weekday says

    bool isOpen(const CivilTime& at) const;
};

// "09:00-18:00", "09:00-12:00, 13:00-17:30", "00:00-24:00" or "closed" → ranges in order;
// nullopt and a reason for anything else (ranges that overlap, end before they start or cross midnight).
struct ParsedDay {
    std::optional<std::vector<OpenRange>> ranges;
    std::string problem;
};
ParsedDay parseDayHours(const std::string& text);

// "09:00-12:00, 13:00-17:30" or "closed": one day's hours as the config writes them.
std::string describe(const std::vector<OpenRange>& day);

}  // namespace kiosk::core
