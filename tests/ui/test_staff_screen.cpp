// The staff screen through the real UI: the hidden taps, the PIN pad, the delay, the menu.
#include <cstdlib>
#include <functional>
#include <ctime>
#include <string>

#include <doctest/doctest.h>

#include "core/staff/staff_pin.hpp"
#include "core/sync/sync_status.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "../core/temp_dir.hpp"
#include "ui_fixture.hpp"

namespace {

using namespace std::chrono_literals;

struct StaffFixture : kiosk::test::UiFixture {
    kiosk::test::TempDir state;
    kiosk::core::ManualWallClock wallClock;
    kiosk::core::StaffPin pin{state.path(), wallClock};

    // `statsClock`: which "now" the statistics view counts back from; the PIN's clock if none.
    // `adjust`: a test's own additions to what the app lends the staff screen (self-test, sync now).
    explicit StaffFixture(bool withPin = true, const kiosk::core::WallClock* statsClock = nullptr,
                          const kiosk::core::SqliteUsageLog* usageLog = nullptr, std::vector<std::string> syncCatalogs = {},
                          const std::function<void(kiosk::ui::StaffAccess&)>& adjust = {}) {
        if (withPin) REQUIRE(pin.set("2468").empty());
        kiosk::ui::StaffAccess access{&pin, {}, {"/srv/kiosk/content"}, state.path(), statsClock ? statsClock : &wallClock, 5,
                                      usageLog, std::move(syncCatalogs)};
        if (adjust) adjust(access);
        renderer.enableStaffScreen(access);
        settle();
    }

    // The bottom-left corner of 1280x720: 8 % of 720 is 57 px.
    void cornerTaps(int count) {
        for (int i = 0; i < count; ++i) {
            renderer.tap(nav, ImVec2(10, 710), clock.now());
            settle();
        }
    }
    void typePin(const std::string& digits) {
        for (char digit : digits) tap(std::string("staff/key/") + digit);
        tap("staff/key/ok");
    }
    bool shows(const std::string& itemId) const { return renderer.items().find(itemId).has_value(); }
    void openStats() {
        cornerTaps(5);
        typePin("2468");
        REQUIRE(shows("staff/stats"));
        tap("staff/stats");
    }
    // Every count a bar or a row shows, as "<id>/value/<text>".
    std::vector<std::string> shownValues() const {
        std::vector<std::string> values;
        for (const auto& item : renderer.items().items()) {
            if (item.id.find("/value/") != std::string::npos) values.push_back(item.id);
        }
        return values;
    }
};

// The local date of `time`, as `kiosk stats` names its days.
std::string localDate(kiosk::core::WallTime time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm local{};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

// `count` visits of a minute to test-pack, in German.
void recordVisits(kiosk::core::SqliteUsageLog& log, std::uint64_t& session, int count) {
    using kiosk::core::UsageKind;
    for (int i = 0; i < count; ++i) {
        ++session;
        log.record({UsageKind::SessionStart, session, "", "", "de", 0});
        log.record({UsageKind::PageView, session, "test-pack", "start", "", 60});
        log.record({UsageKind::SessionEnd, session, "", "", "idle", 60});
    }
}

}  // namespace

TEST_CASE("staff: five quick taps in the corner open the PIN pad over everything, four do not") {
    StaffFixture f;
    f.cornerTaps(4);
    CHECK_FALSE(f.shows("staff/key/1"));
    CHECK(f.shows("home/pack/test-pack"));
    f.cornerTaps(1);
    CHECK(f.shows("staff/key/1"));
    CHECK_FALSE(f.shows("home/pack/test-pack"));  // nothing of the visitor's screen can be touched
    f.tap("staff/cancel");
    CHECK_FALSE(f.shows("staff/key/1"));
    CHECK(f.shows("home/pack/test-pack"));
}

TEST_CASE("staff: the right PIN opens the menu, reload and quit reach the loop") {
    StaffFixture f;
    f.cornerTaps(5);
    f.typePin("2468");
    REQUIRE(f.shows("staff/exit"));
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::TookOver);  // the visit ends for the log
    f.tap("staff/reload");
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::ReloadContent);
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::None);  // once
    f.tap("staff/exit");
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::Exit);
    CHECK_FALSE(f.shows("staff/exit"));  // and the staff screen is closed behind it
}

TEST_CASE("staff: the menu says whether the usage log is well, and names what it had to repair") {
    kiosk::test::TempDir usageState;
    kiosk::core::ManualWallClock clock;
    SUBCASE("a healthy log") {
        kiosk::core::SqliteUsageLog log(usageState.path(), clock);
        log.flush();
        StaffFixture f(true, nullptr, &log);
        f.cornerTaps(5);
        f.typePin("2468");
        CHECK(f.shows("staff/usage-log/ok"));
    }
    SUBCASE("a broken file it set aside") {
        usageState.write("usage.sqlite", std::string(8192, 'x'));
        kiosk::core::SqliteUsageLog log(usageState.path(), clock);
        log.flush();
        REQUIRE(log.warnings().size() == 1);
        StaffFixture f(true, nullptr, &log);
        f.cornerTaps(5);
        f.typePin("2468");
        CHECK(f.shows("staff/usage-log/problems/1"));
        CHECK_FALSE(f.shows("staff/usage-log/ok"));
        // The status grew, and quitting is still on a 720 p display.
        const auto exit = f.renderer.items().find("staff/exit");
        REQUIRE(exit.has_value());
        CHECK(exit->max.y <= static_cast<float>(f.renderer.height()));
        for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
        if (std::getenv("KIOSK_STAFF_SCREENSHOT")) CHECK(f.renderer.savePng("/tmp/staff_menu_warning.png").empty());
    }
}

TEST_CASE("staff: the menu tells for each catalog what is shown, when it last synced, and the last problem") {
    kiosk::test::TempDir scratch;
    StaffFixture f(true, nullptr, nullptr, {"hub", "partner", "never"});
    const kiosk::core::ContentStore store(f.state.path());
    kiosk::core::CatalogSyncReport hub;
    hub.catalog = "hub";
    hub.ok = true;
    hub.activeVersion = 4;
    kiosk::core::CatalogSyncReport partner;
    partner.catalog = "partner";
    partner.problem = "https://partner.example/index.json: refused (expired): catalog: expired 2026-11-01T00:00:00Z";
    partner.refused = kiosk::core::TrustFailure::Expired;
    REQUIRE(kiosk::core::writeSyncStatus(f.state.path(), {hub, partner}, store, f.wallClock.now()).empty());
    f.cornerTaps(5);
    f.typePin("2468");
    CHECK(f.shows("staff/sync/hub/ok"));
    CHECK(f.shows("staff/sync/partner/problem"));
    CHECK(f.shows("staff/sync/never/problem"));  // never synced is something to look into
    const auto exit = f.renderer.items().find("staff/exit");
    REQUIRE(exit.has_value());
    CHECK(exit->max.y <= static_cast<float>(f.renderer.height()));
    for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
    if (std::getenv("KIOSK_STAFF_SCREENSHOT")) CHECK(f.renderer.savePng("/tmp/staff_menu_sync.png").empty());
}

TEST_CASE("staff: the event self-test lists every check, says what to fix, and 'sync now' wakes the sync") {
    int syncs = 0;
    int selfTests = 0;
    StaffFixture f(true, nullptr, nullptr, {"hub"}, [&](kiosk::ui::StaffAccess& access) {
        access.selfTest = [&] {
            ++selfTests;
            return std::vector<kiosk::core::SelfTestCheck>{
                {"content", true, "8 packs load", ""},
                {"disk space", false, "120 MiB free in /var/lib/kiosk, 200 MiB needed", "delete old files or use a larger card"},
            };
        };
        access.syncNow = [&] { ++syncs; };
    });
    f.cornerTaps(5);
    f.typePin("2468");
    f.tap("staff/sync-now");
    CHECK(syncs == 1);
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::TookOver);
    CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::None);  // the sync is the app's, not the loop's
    CHECK(selfTests == 0);  // only when asked: it loads every pack
    f.tap("staff/selftest");
    CHECK(selfTests == 1);
    CHECK(f.shows("staff/selftest/not-ready/1"));
    CHECK(f.shows("staff/selftest/content/ok"));
    CHECK(f.shows("staff/selftest/disk space/fix"));
    for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
    if (std::getenv("KIOSK_STAFF_SCREENSHOT")) CHECK(f.renderer.savePng("/tmp/staff_selftest.png").empty());
    f.tap("staff/selftest/back");
    CHECK(f.shows("staff/exit"));
    const auto exit = f.renderer.items().find("staff/exit");
    CHECK(exit->max.y <= static_cast<float>(f.renderer.height()));
}

TEST_CASE("staff: wrong PINs are refused, the third makes the pad wait, and the wait is counted by the wall clock") {
    StaffFixture f;
    f.cornerTaps(5);
    f.typePin("1111");
    CHECK_FALSE(f.shows("staff/exit"));
    f.typePin("1111");
    f.typePin("1111");
    CHECK(f.pin.waitLeft() == 30s);
    f.typePin("2468");  // right, but too soon: not even looked at
    CHECK_FALSE(f.shows("staff/exit"));
    f.wallClock.advance(31s);
    f.typePin("2468");
    CHECK(f.shows("staff/exit"));
}

TEST_CASE("staff: without a PIN set up the pad says how to set one and lets nobody in") {
    StaffFixture f(false);
    f.cornerTaps(5);
    REQUIRE(f.shows("staff/key/ok"));
    f.typePin("0000");
    CHECK_FALSE(f.shows("staff/exit"));
    CHECK(f.shows("staff/key/ok"));
}

TEST_CASE("staff: the statistics view shows a bar per day from the suppressed numbers, never a small count") {
    StaffFixture f;
    // Three days at noon, local time: 8 visits (shown), 3 (below k = 5: hidden) and 6 (hidden
    // too, or 8 + 6 and the shown total would give the 3 away).
    const auto dayOne = f.wallClock.now() + 12h;
    std::vector<std::string> dates;
    {
        kiosk::core::SqliteUsageLog log(f.state.path(), f.wallClock);
        std::uint64_t session = 0;
        f.wallClock.advance(12h);
        for (int visits : {8, 3, 6}) {
            dates.push_back(localDate(f.wallClock.now()));
            recordVisits(log, session, visits);
            log.flush();
            f.wallClock.advance(24h);
        }
    }
    REQUIRE(dates[0] == localDate(dayOne));

    f.openStats();
    REQUIRE(f.shows("staff/stats/back"));
    CHECK_FALSE(f.shows("staff/exit"));  // the menu is gone: one view at a time
    for (const auto& date : dates) CHECK(f.shows("staff/stats/day/" + date));
    CHECK(f.shows("staff/stats/day/" + dates[0] + "/value/8"));
    CHECK(f.shows("staff/stats/day/" + dates[1] + "/value/<5"));
    CHECK(f.shows("staff/stats/day/" + dates[2] + "/value/<5"));
    CHECK(f.shows("staff/stats/pack/test-pack/value/17"));
    CHECK(f.shows("staff/stats/language/de/value/17"));
    for (const auto& value : f.shownValues()) {
        INFO(value);
        CHECK(value.find("/value/3") == std::string::npos);
        CHECK(value.find("/value/6") == std::string::npos);
    }
    for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());

    f.tap("staff/stats/back");
    CHECK(f.shows("staff/exit"));
    CHECK_FALSE(f.shows("staff/stats/back"));
}

TEST_CASE("staff: statistics of a simulated week (screenshots to /tmp/staff_stats_<page>.png with KIOSK_STAFF_SCREENSHOT)") {
    const kiosk::core::SystemWallClock systemClock;  // fill_usage.py fills the week up to the real now
    StaffFixture f(true, &systemClock);
    // fill_usage.py adds to a database the kiosk made (its schema, its migrations).
    REQUIRE(kiosk::core::openUsageDatabase(f.state.path(), systemClock.now()).db);
    const std::string fill = "python3 '" KIOSK_SOURCE_DIR "/tests/cli/fill_usage.py' '" +
                             kiosk::core::usageDatabasePath(f.state.path()).string() + "' --week '" KIOSK_SOURCE_DIR "/content' >/dev/null";
    REQUIRE(std::system(fill.c_str()) == 0);
    // And two visitors on a quiet day ten days ago: a cell to be hidden, and a shown one with it.
    {
        kiosk::core::ManualWallClock tenDaysAgo(systemClock.now() - 24h * 10);
        kiosk::core::SqliteUsageLog log(f.state.path(), tenDaysAgo);
        std::uint64_t session = 1000;
        recordVisits(log, session, 2);
    }

    const char* screenshot = std::getenv("KIOSK_STAFF_SCREENSHOT");
    f.cornerTaps(5);
    f.typePin("2468");
    // The statistics button shares a row with reload, so the menu still ends on a 720 p display.
    const auto exit = f.renderer.items().find("staff/exit");
    REQUIRE(exit.has_value());
    CHECK(exit->max.y <= static_cast<float>(f.renderer.height()));
    if (screenshot) CHECK(f.renderer.savePng("/tmp/staff_menu.png").empty());
    f.tap("staff/stats");
    REQUIRE(f.shows("staff/stats/back"));
    CHECK(f.shows("staff/stats/day/" + localDate(systemClock.now() - 24h)));
    CHECK(f.shows("staff/stats/day/" + localDate(systemClock.now() - 24h * 10) + "/value/<5"));
    // Each page in turn: the overview, the heat map of weekdays by hours, the forms' funnels.
    for (const std::string page : {"overview", "times", "forms"}) {
        CAPTURE(page);
        if (page != "overview") f.tap("staff/stats/page/" + page);
        REQUIRE(f.shows("staff/stats/page/" + page + "/current"));
        for (const auto& value : f.shownValues()) {
            // A suppressed cell says "<5"; a shown one is at least 5.
            const std::string text = value.substr(value.rfind("/value/") + 7);
            INFO(value);
            if (text != "<5") CHECK(std::stoll(text) >= 5);
        }
        for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
        if (screenshot) CHECK(f.renderer.savePng("/tmp/staff_stats_" + page + ".png").empty());
    }
    // The evening event's two visitors at 21:00 (fill_usage.py) are a hidden square.
    f.tap("staff/stats/page/times");
    bool eveningHidden = false;
    for (const auto& value : f.shownValues()) {
        if (value.find("/21/value/<5") != std::string::npos) eveningHidden = true;
    }
    CHECK(eveningHidden);
}

TEST_CASE("staff: the status shows disk space, the clock and the opening hours, and the menu offers import and restart") {
    setenv("TZ", "UTC", 1);
    tzset();
    kiosk::core::OpeningHours hours;
    hours.always = false;
    for (std::size_t day = 0; day < 5; ++day) hours.week.at(day) = {{9 * 60, 18 * 60}};
    kiosk::core::ScreenSchedule schedule(hours, 10min);
    int imports = 0;
    std::optional<bool> synchronised = false;
    StaffFixture f(true, nullptr, nullptr, {"hub"}, [&](kiosk::ui::StaffAccess& access) {
        access.schedule = &schedule;
        access.clockSynchronised = [&] { return synchronised; };
        access.syncNow = [] {};
        access.importNow = [&] { ++imports; };
    });
    using namespace std::chrono;
    const kiosk::core::WallTime mondayEvening = sys_days{year{2026} / November / 30} + 20h;  // a Monday
    f.wallClock.advance(mondayEvening - f.wallClock.now());

    SUBCASE("in the evening, with a clock no time server sets") {
        f.cornerTaps(5);
        f.typePin("2468");
        CHECK(f.shows("staff/disk/ok"));
        CHECK(f.shows("staff/clock/problem"));
        CHECK(f.shows("staff/schedule/closed"));
        for (const char* button : {"staff/reload", "staff/sync-now", "staff/import", "staff/stats", "staff/restart", "staff/close", "staff/exit"}) {
            const auto item = f.renderer.items().find(button);
            REQUIRE_MESSAGE(item.has_value(), button);
            CHECK_MESSAGE(item->max.y <= static_cast<float>(f.renderer.height()), button);  // all of them on a 720 p display
        }
        for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
        if (std::getenv("KIOSK_STAFF_SCREENSHOT")) CHECK(f.renderer.savePng("/tmp/staff_menu_ops.png").empty());
        CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::TookOver);
        f.tap("staff/import");
        CHECK(imports == 1);
        CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::None);  // the import is the app's, not the loop's
        f.tap("staff/restart");
        CHECK(f.renderer.takeStaffRequest() == kiosk::ui::StaffRequest::Restart);
        CHECK_FALSE(f.shows("staff/restart"));  // and the staff screen is closed behind it
    }
    SUBCASE("in the morning, with a synchronised clock") {
        synchronised = true;
        f.wallClock.advance(14h);  // Tuesday 10:00
        f.cornerTaps(5);
        f.typePin("2468");
        CHECK(f.shows("staff/clock/ok"));
        CHECK(f.shows("staff/schedule/open"));
    }
}

TEST_CASE("staff: under systemd the menu offers restart but no quit, which systemd would undo at once") {
    StaffFixture f(true, nullptr, nullptr, {}, [](kiosk::ui::StaffAccess& access) { access.allowQuit = false; });
    f.cornerTaps(5);
    f.typePin("2468");
    CHECK(f.shows("staff/restart"));
    CHECK(f.shows("staff/close"));
    CHECK_FALSE(f.shows("staff/exit"));
}

// Speech guidance belongs to the visitor: on the staff screen fingers are fingers again, and a
// key that would turn speech guidance on or off does nothing there.
TEST_CASE("staff: the staff screen takes touches even when the visitor left speech guidance on") {
    StaffFixture f;
    kiosk::core::AccessibilitySettings settings;
    settings.nonVisual = true;
    f.nav.apply(kiosk::core::SetAccessibility{settings}, f.clock.now());
    f.settle();
    CHECK(f.renderer.ui()->nonVisual().active());
    f.cornerTaps(5);  // headless taps reach ImGui either way; the window loop asks active()
    REQUIRE(f.shows("staff/key/1"));
    CHECK_FALSE(f.renderer.ui()->nonVisual().active());
    f.renderer.command(f.nav, kiosk::ui::NonVisualCommand::Toggle, f.clock.now());
    CHECK(f.nav.accessibility().nonVisual);  // unchanged: F1 is the visitor's
    CHECK_FALSE(f.renderer.ui()->nonVisual().active());
}
