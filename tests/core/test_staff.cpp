// The way in for staff: the hidden corner taps, the hashed PIN, the delay that outlives restarts.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "core/staff/staff_gesture.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/util/atomic_file.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using Kind = core::StaffPin::Verdict::Kind;

namespace {

std::string contentsOf(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("five quick taps in the bottom-left corner open the staff prompt, anything else does not") {
    core::StaffGesture gesture;  // 5 taps within 3 s, bottom-left, 8 % of 1080 = 86 px
    for (int i = 0; i < 4; ++i) CHECK_FALSE(gesture.noteTap(20, 1060, 1920, 1080, 0.3 * i));
    CHECK(gesture.noteTap(20, 1060, 1920, 1080, 1.2));
    CHECK_FALSE(gesture.noteTap(20, 1060, 1920, 1080, 1.4));  // the count starts again

    core::StaffGesture slow;
    for (int i = 0; i < 5; ++i) CHECK_FALSE(slow.noteTap(20, 1060, 1920, 1080, 0.9 * i));  // 3.6 s: too slow

    core::StaffGesture interrupted;
    for (int i = 0; i < 3; ++i) interrupted.noteTap(20, 1060, 1920, 1080, 0.1 * i);
    CHECK_FALSE(interrupted.noteTap(960, 540, 1920, 1080, 0.4));  // a tap elsewhere
    for (int i = 0; i < 4; ++i) CHECK_FALSE(interrupted.noteTap(20, 1060, 1920, 1080, 0.5 + 0.1 * i));
    CHECK(interrupted.noteTap(20, 1060, 1920, 1080, 1.0));

    core::StaffGesture outside;
    for (int i = 0; i < 5; ++i) CHECK_FALSE(outside.noteTap(100, 1060, 1920, 1080, 0.1 * i));  // 100 px: not the corner
}

TEST_CASE("the corner and the number of taps are configurable") {
    CHECK(core::parseScreenCorner("top-right") == core::ScreenCorner::TopRight);
    CHECK_FALSE(core::parseScreenCorner("top right").has_value());
    core::StaffGestureConfig config;
    config.corner = core::ScreenCorner::TopRight;
    config.taps = 3;
    core::StaffGesture gesture(config);
    CHECK_FALSE(gesture.noteTap(1910, 10, 1920, 1080, 0.0));
    CHECK_FALSE(gesture.noteTap(1910, 10, 1920, 1080, 0.1));
    CHECK(gesture.noteTap(1910, 10, 1920, 1080, 0.2));
}

TEST_CASE("a staff PIN has 4 to 12 digits") {
    CHECK(core::checkNewPin("1234").empty());
    CHECK(core::checkNewPin("123456789012").empty());
    CHECK(core::checkNewPin("123") == "a staff PIN has 4 to 12 digits");
    CHECK(core::checkNewPin("1234567890123") == "a staff PIN has 4 to 12 digits");
    CHECK(core::checkNewPin("12a4").find("digits only") != std::string::npos);
}

TEST_CASE("the PIN is stored only as a hash, readable by the kiosk's user alone") {
    test::TempDir dir;
    core::ManualWallClock clock;
    core::StaffPin pin(dir.path(), clock);
    CHECK_FALSE(pin.isSet());
    CHECK(pin.verify("4711").kind == Kind::NotSet);
    REQUIRE(pin.set("471108").empty());
    CHECK(pin.isSet());
    const std::string stored = contentsOf(dir.path() / "staff-pin");
    CHECK(stored.rfind("$argon2id$", 0) == 0);
    CHECK(stored.find("471108") == std::string::npos);
    const auto permissions = std::filesystem::status(dir.path() / "staff-pin").permissions();
    CHECK((permissions & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) == std::filesystem::perms::none);
    CHECK(pin.verify("471108").kind == Kind::Accepted);
    CHECK(pin.verify("471109").kind == Kind::Wrong);
    CHECK(pin.set("12").find("4 to 12 digits") != std::string::npos);
}

TEST_CASE("wrong PINs make the next try wait longer and longer, across restarts and clock changes") {
    CHECK(core::delayAfterFailures(2) == 0s);
    CHECK(core::delayAfterFailures(3) == 30s);
    CHECK(core::delayAfterFailures(4) == 60s);
    CHECK(core::delayAfterFailures(20) == 3600s);

    test::TempDir dir;
    core::ManualWallClock clock;
    {
        core::StaffPin pin(dir.path(), clock);
        REQUIRE(pin.set("2468").empty());
        CHECK(pin.verify("0000").wait == 0s);
        CHECK(pin.verify("0000").wait == 0s);
        const auto third = pin.verify("0000");
        CHECK(third.kind == Kind::Wrong);
        CHECK(third.wait == 30s);
    }
    // The kiosk restarts (power cut, crash): the delay is still there.
    core::StaffPin restarted(dir.path(), clock);
    CHECK(restarted.waitLeft() == 30s);
    const auto refused = restarted.verify("2468");  // even the right PIN is not looked at now
    CHECK(refused.kind == Kind::Waiting);
    CHECK(refused.wait == 30s);
    clock.advance(-1h);  // the clock set back does not shorten the wait
    CHECK(restarted.waitLeft() == 30s);
    clock.advance(1h + 31s);
    CHECK(restarted.waitLeft() == 0s);
    CHECK(restarted.verify("1111").wait == 60s);  // the fourth wrong one doubles it
    clock.advance(61s);
    CHECK(restarted.verify("2468").kind == Kind::Accepted);
    CHECK(restarted.waitLeft() == 0s);  // the right PIN forgets the wrong ones
    CHECK(restarted.verify("0000").wait == 0s);
}

TEST_CASE("a planted temp file cannot lend the PIN hash its permissions, and a garbled attempts file is harmless") {
    test::TempDir dir;
    // What the old fixed temp name would have been, world-readable: it must not matter now.
    dir.write(".staff-pin.tmp", "planted");
    std::filesystem::permissions(dir.path() / ".staff-pin.tmp", std::filesystem::perms::all);
    core::ManualWallClock clock;
    core::StaffPin pin(dir.path(), clock);
    REQUIRE(pin.set("2468").empty());
    const auto permissions = std::filesystem::status(dir.path() / "staff-pin").permissions();
    CHECK((permissions & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) == std::filesystem::perms::none);
    dir.write("staff-pin-attempts", "failures 5\nlast 999999999999999999\n");
    CHECK(pin.waitLeft() == core::delayAfterFailures(5));  // far ahead: counted from now, no overflow
}

TEST_CASE("an atomic write replaces a file whole and leaves no temp file, a failure keeps the old one") {
    test::TempDir dir;
    const auto file = dir.write("status.txt", "old");
    CHECK(core::writeFileAtomically(file, "new").empty());
    CHECK(contentsOf(file) == "new");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 1);  // no temp file left beside it
    const std::string error = core::writeFileAtomically(dir.path() / "no-such-folder" / "x", "data");
    CHECK(error.find("cannot create") == 0);
    CHECK(error.find("No such file or directory") != std::string::npos);
}
