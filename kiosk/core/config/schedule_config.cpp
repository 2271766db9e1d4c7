#include "core/config/schedule_config.hpp"

#include <array>
#include <string_view>

#include "core/util/toml_reader.hpp"

namespace kiosk::core {

using namespace std::string_view_literals;

namespace {

constexpr std::array kDayKeys{"monday"sv, "tuesday"sv, "wednesday"sv, "thursday"sv, "friday"sv, "saturday"sv, "sunday"sv};
constexpr std::size_t kMaxClosedDates = 400;  // a year of holidays and then some

void readClosedDates(const TableReader& table, OpeningHours& hours) {
    const toml::array* list = table.array("closed_dates");
    if (list == nullptr) return;
    if (list->size() > kMaxClosedDates) {
        table.fail(ErrorCode::InvalidValue, "closed_dates", "more than 400 closed dates", "list only this year's and next year's");
        return;
    }
    for (const toml::node& entry : *list) {
        const auto* date = entry.as_date();
        if (date == nullptr) {
            table.fail(ErrorCode::WrongType, "closed_dates", "'schedule.closed_dates' holds something that is not a date",
                       "write dates without quotes, like [2026-12-24, 2026-12-25]");
            return;
        }
        const toml::date d = date->get();
        hours.closedDates.push_back({d.year, d.month, d.day});
    }
}

}  // namespace

void readScheduleConfig(const TableReader& root, ScheduleConfig& schedule) {
    auto table = root.table("schedule", false);
    if (!table) return;
    static constexpr std::array known{"monday"sv, "tuesday"sv, "wednesday"sv, "thursday"sv, "friday"sv,
                                      "saturday"sv, "sunday"sv, "closed_dates"sv, "wake_on_touch_minutes"sv};
    table->rejectUnknownKeys(known);
    // With a [schedule], a day it does not name is closed: nobody expects a forgotten Sunday to be open all night.
    schedule.hours.always = false;
    bool anyDay = false;
    for (std::size_t day = 0; day < kDayKeys.size(); ++day) {
        const auto text = table->string(kDayKeys[day], false);
        if (!text) continue;
        anyDay = true;
        ParsedDay parsed = parseDayHours(*text);
        if (!parsed.ranges) {
            table->fail(ErrorCode::InvalidValue, kDayKeys[day], "'schedule." + std::string(kDayKeys[day]) + "': " + parsed.problem,
                        "write \"09:00-18:00\", \"09:00-12:00, 13:00-17:00\", \"00:00-24:00\" or \"closed\"");
            continue;
        }
        schedule.hours.week.at(day) = std::move(*parsed.ranges);
    }
    // A [schedule] that names no day would keep the screen dark for good: surely a half-done edit.
    if (!anyDay) {
        root.fail(ErrorCode::MissingKey, "schedule", "[schedule] names no day, so the kiosk would never be on",
                  "add the opening hours, like monday = \"09:00-18:00\", or remove [schedule] to stay on day and night");
    }
    readClosedDates(*table, schedule.hours);
    // Two hours covers a long evening event; the screen goes dark again by itself after that.
    if (auto minutes = table->integer("wake_on_touch_minutes", 0, 120)) schedule.wakeOnTouch = std::chrono::minutes(*minutes);
}

}  // namespace kiosk::core
