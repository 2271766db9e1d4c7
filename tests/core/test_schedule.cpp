// Opening hours (issue 8): the config's [schedule], when the screen is on, and how a touch wakes it.
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "core/config/kiosk_config.hpp"
#include "core/ops/screen_schedule.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using kiosk::test::allMessages;
using kiosk::test::hasError;

namespace {

// The schedule speaks local time; the tests fix the zone so that a UTC instant is a known weekday and hour.
struct UtcZone {
    UtcZone() {
        setenv("TZ", "UTC", 1);
        tzset();
    }
};

// 2026-11-30 was a Monday.
core::WallTime utc(int day, int hour, int minute) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 30} + days(day - 30) + hours(hour) + minutes(minute);
}

core::OpeningHours weekdays9to18() {
    core::OpeningHours hours;
    hours.always = false;
    for (int day = 0; day < 5; ++day) hours.week.at(static_cast<std::size_t>(day)) = {{9 * 60, 18 * 60}};
    return hours;
}

}  // namespace

TEST_CASE("schedule: a day's hours are read from the forms the config documents") {
    CHECK(core::parseDayHours("09:00-18:00").ranges == std::vector<core::OpenRange>{{540, 1080}});
    CHECK(core::parseDayHours(" 09:00 - 12:00 , 13:00-17:30 ").ranges == std::vector<core::OpenRange>{{540, 720}, {780, 1050}});
    CHECK(core::parseDayHours("00:00-24:00").ranges == std::vector<core::OpenRange>{{0, 1440}});
    CHECK(core::parseDayHours("closed").ranges == std::vector<core::OpenRange>{});
    CHECK(core::describe({{540, 720}, {780, 1050}}) == "09:00-12:00, 13:00-17:30");
    CHECK(core::describe({}) == "closed");
}

TEST_CASE("schedule: hours that cannot be meant are refused with the reason") {
    CHECK(core::parseDayHours("9-18").problem.find("not a time range") != std::string::npos);
    CHECK(core::parseDayHours("09:00-25:00").problem.find("not a time range") != std::string::npos);
    CHECK(core::parseDayHours("24:00-24:00").problem.find("not a time range") != std::string::npos);
    CHECK(core::parseDayHours("22:00-02:00").problem.find("past midnight is two") != std::string::npos);
    CHECK(core::parseDayHours("09:00-13:00, 12:00-17:00").problem.find("overlaps") != std::string::npos);
    CHECK(core::parseDayHours("").problem.find("not a time range") != std::string::npos);
    CHECK(!core::parseDayHours("08:00-09:00,10:00-11:00,12:00-13:00,14:00-15:00,16:00-17:00").ranges);
}

TEST_CASE("schedule: open within the ranges, closed outside, on closed dates and on days not listed") {
    const UtcZone zone;
    core::OpeningHours hours = weekdays9to18();
    hours.closedDates.push_back({2026, 12, 24});
    const auto at = [&](int day, int hour, int minute) { return hours.isOpen(core::civilTimeOf(utc(day, hour, minute))); };
    CHECK(at(30, 9, 0));            // Monday, the first minute
    CHECK(at(30, 17, 59));
    CHECK_FALSE(at(30, 18, 0));     // the end is exclusive
    CHECK_FALSE(at(30, 8, 59));
    CHECK_FALSE(at(30 + 5, 12, 0));  // Saturday 5 December
    CHECK(at(30 + 23, 12, 0));       // Wednesday 23 December
    CHECK_FALSE(at(30 + 24, 12, 0));  // Thursday 24 December: a closed date
    CHECK(core::OpeningHours{}.isOpen(core::civilTimeOf(utc(30 + 5, 3, 0))));  // no schedule: always
}

TEST_CASE("schedule: the local time follows TZ, daylight saving included") {
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    const core::CivilTime winter = core::civilTimeOf(utc(30, 8, 30));  // 09:30 in Berlin in winter
    CHECK(winter.minuteOfDay == 9 * 60 + 30);
    CHECK(winter.weekday == 0);
    using namespace std::chrono;
    const core::CivilTime summer = core::civilTimeOf(sys_days{year{2026} / July / 1} + 7h);  // a Wednesday, 09:00 CEST
    CHECK(summer.minuteOfDay == 9 * 60);
    CHECK(summer.weekday == 2);
    const UtcZone back;
}

TEST_CASE("schedule: a touch outside the hours wakes the screen for the configured minutes, touches keep it awake") {
    const UtcZone zone;
    core::ScreenSchedule schedule(weekdays9to18(), 10min);
    const core::WallTime evening = utc(30, 20, 0);
    CHECK(schedule.state(evening) == core::ScreenState::Closed);
    CHECK(schedule.touch(evening));  // woke it
    CHECK(schedule.state(evening + 9min) == core::ScreenState::WokenUp);
    CHECK_FALSE(schedule.touch(evening + 9min));  // already on: not "woken" again, but kept awake
    CHECK(schedule.state(evening + 18min) == core::ScreenState::WokenUp);
    CHECK(schedule.state(evening + 19min) == core::ScreenState::Closed);
    CHECK_FALSE(schedule.touch(utc(30, 10, 0)));  // during the hours a touch changes nothing
    CHECK(schedule.state(utc(30, 10, 0)) == core::ScreenState::Open);
}

TEST_CASE("schedule: with wake_on_touch_minutes = 0 a dark screen stays dark") {
    const UtcZone zone;
    core::ScreenSchedule schedule(weekdays9to18(), 0min);
    CHECK_FALSE(schedule.touch(utc(30, 20, 0)));
    CHECK(schedule.state(utc(30, 20, 0)) == core::ScreenState::Closed);
}

TEST_CASE("schedule: [schedule] in the config, with unlisted days closed") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", R"([schedule]
monday = "09:00-18:00"
saturday = "10:00-14:00"
closed_dates = [2026-12-24, 2026-12-31]
wake_on_touch_minutes = 5
)"));
    REQUIRE_MESSAGE(config.ok(), allMessages(config.error()));
    const core::ScheduleConfig& schedule = config.value().schedule;
    CHECK_FALSE(schedule.hours.always);
    CHECK(schedule.hours.week[0] == std::vector<core::OpenRange>{{540, 1080}});
    CHECK(schedule.hours.week[1].empty());  // Tuesday not listed: closed
    CHECK(schedule.hours.week[5] == std::vector<core::OpenRange>{{600, 840}});
    CHECK(schedule.hours.closedDates == std::vector<core::CivilDate>{{2026, 12, 24}, {2026, 12, 31}});
    CHECK(schedule.wakeOnTouch == 5min);

    auto none = core::loadConfig(dir.write("none.toml", "# no schedule\n"));
    REQUIRE(none.ok());
    CHECK(none.value().schedule.hours.always);
}

TEST_CASE("schedule: a [schedule] that names no day is an error, not a screen dark for good") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[schedule]\nwake_on_touch_minutes = 5\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(allMessages(config.error()).find("[schedule] names no day, so the kiosk would never be on") != std::string::npos);
}

TEST_CASE("schedule: mistakes in [schedule] name the line, the key and the fix") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", R"([schedule]
monday = "9-18"
tuesday = "22:00-02:00"
closed_dates = ["2026-12-24"]
wake_on_touch_minutes = 500
frday = "09:00-18:00"
)"));
    REQUIRE_FALSE(config.ok());
    const auto& problems = config.error();
    CHECK(hasError(problems, "kiosk.toml", 2, "'schedule.monday': '9-18' is not a time range"));
    CHECK(hasError(problems, "kiosk.toml", 3, "'schedule.tuesday': '22:00-02:00' ends before it starts"));
    CHECK(hasError(problems, "kiosk.toml", 4, "'schedule.closed_dates' holds something that is not a date"));
    CHECK(hasError(problems, "kiosk.toml", 5, ""));  // out of range 0 to 120
    CHECK(allMessages(problems).find("did you mean 'friday'") != std::string::npos);
}

TEST_CASE("schedule: the example in the shipped config/kiosk.toml is valid once uncommented") {
    std::ifstream shipped(KIOSK_SOURCE_DIR "/config/kiosk.toml");
    std::string line;
    std::string example;
    bool inside = false;
    while (std::getline(shipped, line)) {
        if (line == "# [schedule]") inside = true;
        if (!inside) continue;
        if (line.empty()) break;
        // The settings are "# key = value"; the explanations are "# Words …" and stay comments.
        const std::string text = line.substr(2);
        const bool setting = text.rfind("[schedule]", 0) == 0 || (text.find(" = ") != std::string::npos && std::islower(static_cast<unsigned char>(text[0])));
        example += (setting ? text : line) + "\n";
    }
    REQUIRE(example.find("monday = \"09:00-18:00\"") != std::string::npos);
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", example));
    REQUIRE_MESSAGE(config.ok(), allMessages(config.error()));
    CHECK_FALSE(config.value().schedule.hours.always);
    CHECK(config.value().schedule.hours.week[5].empty());  // saturday = "closed"
    CHECK(config.value().schedule.hours.closedDates.size() == 3);
}
