#include "core/ops/opening_hours.hpp"

#include <algorithm>

namespace kiosk::core {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::size_t kMaxRangesPerDay = 4;

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(' ');
    return text.substr(first, last - first + 1);
}

// "HH:MM" → minutes; 24:00 only where `allowEndOfDay`.
std::optional<int> parseClock(const std::string& text, bool allowEndOfDay) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (const std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59) return std::nullopt;
    if (hours == 24 && minutes == 0 && allowEndOfDay) return kMinutesPerDay;
    if (hours > 23) return std::nullopt;
    return hours * 60 + minutes;
}

std::string clockText(int minutes) {
    const auto twoDigits = [](int n) { return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10); };
    return twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60);
}

}  // namespace

bool OpeningHours::isOpen(const CivilTime& at) const {
    if (always) return true;
    const CivilDate today{at.year, at.month, at.day};
    if (std::find(closedDates.begin(), closedDates.end(), today) != closedDates.end()) return false;
    const auto& ranges = week.at(static_cast<std::size_t>(at.weekday));
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const OpenRange& r) { return at.minuteOfDay >= r.from && at.minuteOfDay < r.to; });
}

ParsedDay parseDayHours(const std::string& text) {
    const std::string whole = trimmed(text);
    if (whole == "closed") return {std::vector<OpenRange>{}, {}};
    std::vector<OpenRange> ranges;
    std::size_t start = 0;
    while (start <= whole.size()) {
        const std::size_t comma = whole.find(',', start);
        const std::string part = trimmed(whole.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        const std::size_t dash = part.find('-');
        const auto from = dash == std::string::npos ? std::nullopt : parseClock(trimmed(part.substr(0, dash)), false);
        const auto to = dash == std::string::npos ? std::nullopt : parseClock(trimmed(part.substr(dash + 1)), true);
        if (!from || !to) return {std::nullopt, "'" + part + "' is not a time range like 09:00-18:00"};
        if (*to <= *from) {
            return {std::nullopt, "'" + part + "' ends before it starts (a range past midnight is two: \"22:00-24:00\" and the next day's \"00:00-02:00\")"};
        }
        if (!ranges.empty() && *from < ranges.back().to) {
            return {std::nullopt, "'" + part + "' overlaps or comes before the range before it (list them in order)"};
        }
        ranges.push_back({*from, *to});
        if (ranges.size() > kMaxRangesPerDay) return {std::nullopt, "more than 4 ranges in one day"};
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return {ranges, {}};
}

std::string describe(const std::vector<OpenRange>& day) {
    if (day.empty()) return "closed";
    std::string text;
    for (const OpenRange& range : day) {
        if (!text.empty()) text += ", ";
        text += clockText(range.from) + "-" + clockText(range.to);
    }
    return text;
}

}  // namespace kiosk::core
