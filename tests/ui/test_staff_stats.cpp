// The staff statistics' pages through the real UI: the heat map of weekdays by hours, the forms'
// funnels, and that every page fits a landscape 720 p and a portrait 1080 x 1920 display or
// scrolls to its end. (The overview and the PIN: test_staff_screen.cpp.)
#include <cstdlib>
#include <ctime>
#include <string>

#include <doctest/doctest.h>

#include "core/staff/staff_pin.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "../core/temp_dir.hpp"
#include "ui_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using kiosk::core::UsageEvent;
using kiosk::core::UsageKind;

struct StatsFixture : kiosk::test::UiFixture {
    kiosk::test::TempDir state;
    kiosk::core::ManualWallClock wallClock;
    kiosk::core::StaffPin pin{state.path(), wallClock};

    // `statsClock`: which "now" the statistics count back from; the PIN's clock if none.
    explicit StatsFixture(int width = 1280, int height = 720, const kiosk::core::WallClock* statsClock = nullptr) : UiFixture(width, height) {
        REQUIRE(pin.set("2468").empty());
        kiosk::ui::StaffAccess access{&pin, {}, {"/srv/kiosk/content"}, state.path(), statsClock ? statsClock : &wallClock, 5};
        renderer.enableStaffScreen(std::move(access));
        settle();
    }

    bool shows(const std::string& itemId) const { return renderer.items().find(itemId).has_value(); }
    bool showsPrefix(const std::string& prefix) const {
        for (const auto& item : renderer.items().items()) {
            if (item.id.rfind(prefix, 0) == 0) return true;
        }
        return false;
    }
    // Five taps in the bottom-left corner, the PIN, the statistics button.
    void openStats() {
        for (int i = 0; i < 5; ++i) {
            renderer.tap(nav, ImVec2(10, static_cast<float>(renderer.height()) - 10), clock.now());
            settle();
        }
        for (char digit : std::string("2468")) tap(std::string("staff/key/") + digit);
        tap("staff/key/ok");
        REQUIRE(shows("staff/stats"));
        tap("staff/stats");
        REQUIRE(shows("staff/stats/page/overview/current"));
    }
    void showPage(const std::string& page) {
        tap("staff/stats/page/" + page);
        REQUIRE(shows("staff/stats/page/" + page + "/current"));
    }
    // Every count the page shows, as "<id>/value/<text>": hidden ones say "<5", shown ones are
    // at least 5 (an empty heat map square shows no count at all).
    void checkShownValues() const {
        for (const auto& item : renderer.items().items()) {
            const auto at = item.id.rfind("/value/");
            if (at == std::string::npos) continue;
            const std::string text = item.id.substr(at + 7);
            INFO(item.id);
            if (text != "<5") CHECK(std::stoll(text) >= 5);
        }
    }
    void checkNoRenderProblems() const {
        for (const auto& problem : renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
    }
    // The title, "back" and the tabs stay on the display; the page under them ends above the
    // bottom of its area, or a finger dragging it up brings its end there.
    void checkPageReachable() {
        const float height = static_cast<float>(renderer.height());
        for (const char* fixed : {"staff/stats/back", "staff/stats/page/overview", "staff/stats/page/times", "staff/stats/page/forms"}) {
            const auto item = renderer.items().find(fixed);
            REQUIRE_MESSAGE(item.has_value(), fixed);
            CHECK(item->min.y >= 0.0f);
            CHECK(item->max.y <= height);
        }
        const auto area = renderer.items().find("staff/stats/scroll-area");
        REQUIRE(area.has_value());
        CHECK(area->max.y <= height);
        auto lowest = [&] {
            float bottom = 0;
            for (const auto& item : renderer.items().items()) {
                if (item.id.rfind("staff/stats/", 0) != 0 || item.id.rfind("staff/stats/page/", 0) == 0 || item.id == "staff/stats/back" ||
                    item.id == "staff/stats/scroll-area") {
                    continue;
                }
                bottom = std::max(bottom, item.max.y);
            }
            return bottom;
        };
        REQUIRE(lowest() > area->min.y);  // the page has content
        const float middle = (area->min.x + area->max.x) * 0.5f;
        for (int drag = 0; drag < 20 && lowest() > area->max.y + 0.5f; ++drag) {
            const float from = area->max.y - (area->max.y - area->min.y) * 0.1f;
            renderer.drag(nav, ImVec2(middle, from), ImVec2(middle, from - (area->max.y - area->min.y) * 0.7f), 8, clock.now());
            settle();
        }
        CHECK(lowest() <= area->max.y + 0.5f);
        CHECK(shows("staff/stats/back"));  // a drag is no tap
    }
};

// `count` visits of a minute to test-pack, in German, at the clock's time.
void recordVisits(kiosk::core::SqliteUsageLog& log, std::uint64_t& session, int count) {
    for (int i = 0; i < count; ++i) {
        ++session;
        log.record({UsageKind::SessionStart, session, "", "", "de", 0});
        log.record({UsageKind::PageView, session, "test-pack", "start", "", 60});
        log.record({UsageKind::SessionEnd, session, "", "", "idle", 60});
    }
}

// The heat map square's id for the local weekday and hour of `time`.
std::string squareOf(kiosk::core::WallTime time) {
    static const char* const kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};  // tm_wday order
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&t, &local);
    return std::string("staff/stats/week-hour/") + kDays[local.tm_wday] + "/" + (local.tm_hour < 10 ? "0" : "") + std::to_string(local.tm_hour);
}

// A simulated week of the shipped content (tests/cli/fill_usage.py) up to the real now.
void fillWeek(const kiosk::test::TempDir& state, const kiosk::core::WallClock& clock) {
    REQUIRE(kiosk::core::openUsageDatabase(state.path(), clock.now()).db);  // the kiosk's schema
    const std::string fill = "python3 '" KIOSK_SOURCE_DIR "/tests/cli/fill_usage.py' '" + kiosk::core::usageDatabasePath(state.path()).string() +
                             "' --week '" KIOSK_SOURCE_DIR "/content' >/dev/null";
    REQUIRE(std::system(fill.c_str()) == 0);
}

}  // namespace

TEST_CASE("staff statistics: the times page shows weekdays by hours, small squares hidden, every shown count 5 or more") {
    StatsFixture f;
    // One day: 8 visits, and 3 an hour later (hidden). The next day: 6. The hours table hides
    // the second hour (3) and the first (14) beside it; the first day's 11 is shown, so its
    // first hour (8) is hidden too, or 11 − 8 would give the 3 away.
    f.wallClock.advance(10h);
    const auto first = f.wallClock.now();
    {
        kiosk::core::SqliteUsageLog log(f.state.path(), f.wallClock);
        std::uint64_t session = 0;
        recordVisits(log, session, 8);
        f.wallClock.advance(1h);
        recordVisits(log, session, 3);
        f.wallClock.advance(23h);
        recordVisits(log, session, 6);
    }
    f.openStats();
    CHECK_FALSE(f.showsPrefix("staff/stats/week-hour/"));  // the overview has no heat map
    f.showPage("times");
    CHECK_FALSE(f.showsPrefix("staff/stats/day/"));
    CHECK(f.shows(squareOf(first + 1h) + "/value/<5"));
    CHECK(f.shows(squareOf(first) + "/value/<5"));
    CHECK(f.shows(squareOf(first + 24h) + "/value/6"));
    // An hour nobody came: the square is there, with no count.
    const std::string empty = squareOf(first + 5h);
    CHECK(f.shows(empty));
    CHECK_FALSE(f.showsPrefix(empty + "/value/"));
    int squares = 0;
    for (const auto& item : f.renderer.items().items()) {
        if (item.id.rfind("staff/stats/week-hour/", 0) == 0 && item.id.find("/value/") == std::string::npos) ++squares;
        CHECK(item.id.find("/value/3") == std::string::npos);
        CHECK(item.id.find("/value/8") == std::string::npos);
    }
    CHECK(squares == 7 * 24);
    f.checkShownValues();
    f.checkNoRenderProblems();
    f.checkPageReachable();

    f.showPage("overview");
    CHECK(f.shows("staff/stats/sessions/value/17"));
    CHECK(f.shows("staff/stats/pack/test-pack/value/17"));
    f.tap("staff/stats/back");
    CHECK(f.shows("staff/exit"));
}

TEST_CASE("staff statistics: the forms page shows each form's steps, who stopped where, and how many finished") {
    StatsFixture f;
    {
        kiosk::core::SqliteUsageLog log(f.state.path(), f.wallClock);
        // 20 open the form; 3 leave at step 1, 7 at step 2; 10 reach the summary (3) and complete.
        for (std::uint64_t s = 1; s <= 20; ++s) {
            log.record(UsageEvent{UsageKind::SessionStart, s, "", "", "de", 0});
            log.record(UsageEvent{UsageKind::FlowStep, s, "test-pack", "", "apply", 1});
            if (s <= 3) {
                log.record(UsageEvent{UsageKind::FlowAbandon, s, "test-pack", "", "apply", 1});
            } else {
                log.record(UsageEvent{UsageKind::FlowStep, s, "test-pack", "", "apply", 2});
                if (s <= 10) {
                    log.record(UsageEvent{UsageKind::FlowAbandon, s, "test-pack", "", "apply", 2});
                } else {
                    log.record(UsageEvent{UsageKind::FlowStep, s, "test-pack", "", "apply", 3});
                    log.record(UsageEvent{UsageKind::FlowComplete, s, "test-pack", "", "apply", 0});
                }
            }
            log.record(UsageEvent{UsageKind::SessionEnd, s, "", "", "idle", 30});
        }
    }
    f.openStats();
    f.showPage("forms");
    const std::string flow = "staff/stats/flow/test-pack/apply";
    CHECK(f.shows(flow));
    CHECK(f.shows(flow + "/step/1/value/20"));
    CHECK(f.shows(flow + "/step/1/left/value/<5"));  // 3
    CHECK(f.shows(flow + "/step/2/value/<5"));       // 17: 20 − 17 would give the 3 away
    CHECK(f.shows(flow + "/step/2/left/value/7"));
    CHECK(f.shows(flow + "/step/3/value/10"));
    CHECK(f.shows(flow + "/step/3/left/value/<5"));  // nobody: hidden like any count below 5
    CHECK(f.shows(flow + "/completed/value/10"));
    CHECK_FALSE(f.showsPrefix(flow + "/step/4"));
    f.checkShownValues();
    f.checkNoRenderProblems();
    f.checkPageReachable();
}

TEST_CASE("staff statistics: every page of a simulated week fits 1280x720 and 1080x1920 or scrolls to its end") {
    const kiosk::core::SystemWallClock systemClock;  // fill_usage.py fills the week up to the real now
    const char* screenshot = std::getenv("KIOSK_STAFF_SCREENSHOT");
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1080, 1920}}) {
        CAPTURE(width);
        CAPTURE(height);
        StatsFixture f(width, height, &systemClock);  // one renderer at a time: each ends with its scope
        fillWeek(f.state, systemClock);
        f.openStats();
        for (const std::string page : {"overview", "times", "forms"}) {
            CAPTURE(page);
            f.showPage(page);
            if (page == "overview") CHECK(f.showsPrefix("staff/stats/accessibility/"));  // the features found, counted
            if (page == "times") CHECK(f.showsPrefix("staff/stats/week-hour/"));
            if (page == "forms") CHECK(f.showsPrefix("staff/stats/flow/"));
            f.checkShownValues();
            f.checkNoRenderProblems();
            if (screenshot && height > width) CHECK(f.renderer.savePng("/tmp/staff_stats_portrait_" + page + ".png").empty());
            f.checkPageReachable();
            f.checkNoRenderProblems();
        }
    }
}
