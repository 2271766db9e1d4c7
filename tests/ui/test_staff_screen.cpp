// The staff screen through the real UI: the hidden taps, the PIN pad, the delay, the menu.
#include <string>

#include <doctest/doctest.h>

#include "core/staff/staff_pin.hpp"
#include "../core/temp_dir.hpp"
#include "ui_fixture.hpp"

namespace {

using namespace std::chrono_literals;

struct StaffFixture : kiosk::test::UiFixture {
    kiosk::test::TempDir state;
    kiosk::core::ManualWallClock wallClock;
    kiosk::core::StaffPin pin{state.path(), wallClock};

    explicit StaffFixture(bool withPin = true) {
        if (withPin) REQUIRE(pin.set("2468").empty());
        renderer.enableStaffScreen(kiosk::ui::StaffAccess{&pin, {}, {"/srv/kiosk/content"}});
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
};

}  // namespace

TEST_CASE("staff: five quick taps in the corner open the PIN pad over everything; four do not") {
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

TEST_CASE("staff: the right PIN opens the menu; reload and quit reach the loop") {
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
