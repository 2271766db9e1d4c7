// The non-visual mode's gestures (issue 5) from finger events with exact timestamps: explore by
// touch, double tap, swipes, the two-finger hold, and what must be ignored without harm.
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/access/gesture_recognizer.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using G = core::Gesture::Kind;

namespace {

const core::TimePoint kStart{std::chrono::hours(5)};
core::TimePoint at(int ms) { return kStart + std::chrono::milliseconds(ms); }

core::FingerEvent down(int ms, float x, float y, std::int64_t finger = 7) { return {core::FingerEvent::Kind::Down, finger, x, y, at(ms)}; }
core::FingerEvent move(int ms, float x, float y, std::int64_t finger = 7) { return {core::FingerEvent::Kind::Move, finger, x, y, at(ms)}; }
core::FingerEvent up(int ms, float x, float y, std::int64_t finger = 7) { return {core::FingerEvent::Kind::Up, finger, x, y, at(ms)}; }

// In the order of Gesture::Kind.
const char* nameOf(G kind) {
    static const char* const kNames[] = {"Touch", "DoubleTap", "SwipeRight", "SwipeLeft", "SwipeUp", "SwipeDown", "TwoFingerHold"};
    return kNames[static_cast<int>(kind)];
}

// "Touch@100,100 DoubleTap@600,400": kinds, order and positions in one readable comparison.
std::string describe(const std::vector<core::Gesture>& gestures) {
    std::string out;
    for (const auto& g : gestures) {
        if (!out.empty()) out += ' ';
        out += std::string(nameOf(g.kind)) + '@' + std::to_string(std::lround(g.x)) + ',' + std::to_string(std::lround(g.y));
    }
    return out;
}

// Every gesture of a sequence of events, as the loop would hear them.
std::string feed(core::GestureRecognizer& r, const std::vector<core::FingerEvent>& events) {
    std::vector<core::Gesture> all;
    for (const auto& event : events) {
        const auto gestures = r.handle(event);
        all.insert(all.end(), gestures.begin(), gestures.end());
    }
    return describe(all);
}

}  // namespace

TEST_CASE("explore: a resting finger is spoken at tapMaxTime, then after each tapSlop of travel, lifting says nothing") {
    core::GestureRecognizer r;
    CHECK(describe(r.handle(down(0, 100, 100))) == "");
    CHECK(r.nextDeadline() == at(300));
    CHECK(describe(r.poll(at(299))) == "");
    CHECK(describe(r.poll(at(300))) == "Touch@100,100");
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.handle(move(400, 115, 100))) == "");  // 15 px: still the same spot
    CHECK(describe(r.handle(move(500, 125, 100))) == "Touch@125,100");
    CHECK(describe(r.handle(move(600, 140, 100))) == "");  // 15 px from the last Touch
    CHECK(describe(r.handle(up(900, 150, 100))) == "");
    CHECK(describe(r.poll(at(5000))) == "");
    CHECK_FALSE(r.nextDeadline().has_value());
}

TEST_CASE("a press just over tapMaxTime is a Touch even without a poll, one just under is a tap held back for the gap") {
    core::GestureRecognizer slow;
    CHECK(feed(slow, {down(0, 50, 60), up(301, 50, 60)}) == "Touch@50,60");
    CHECK_FALSE(slow.nextDeadline().has_value());

    core::GestureRecognizer quick;
    CHECK(feed(quick, {down(0, 50, 60), up(299, 52, 61)}) == "");
    CHECK(quick.nextDeadline() == at(299 + 350));
    CHECK(describe(quick.poll(at(648))) == "");
    CHECK(describe(quick.poll(at(649))) == "Touch@52,61");
    CHECK_FALSE(quick.nextDeadline().has_value());

    core::GestureRecognizer slid;  // moved exactly tapSlop: no tap, spoken where it was lifted
    CHECK(feed(slid, {down(0, 50, 60), up(100, 70, 60)}) == "Touch@70,60");
    CHECK_FALSE(slid.nextDeadline().has_value());
}

TEST_CASE("two quick taps are one DoubleTap wherever the second lands, and neither tap is spoken") {
    core::GestureRecognizer r;
    CHECK(feed(r, {down(0, 100, 100), up(80, 100, 100)}) == "");
    CHECK(r.nextDeadline() == at(430));
    CHECK(describe(r.handle(down(429, 600, 400))) == "");  // 349 ms later, far away
    CHECK(r.nextDeadline() == at(729));                    // now the second tap's own limit decides
    CHECK(describe(r.poll(at(500))) == "");                // past the gap, but the second tap is under way
    CHECK(describe(r.handle(up(520, 600, 400))) == "DoubleTap@600,400");
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.poll(at(3000))) == "");
}

TEST_CASE("a tap followed too late, or by something that is no tap, is spoken first, then what follows") {
    core::GestureRecognizer late;
    CHECK(feed(late, {down(0, 100, 100), up(80, 100, 100), down(430, 300, 300)}) == "Touch@100,100");  // exactly the gap: too late
    CHECK(feed(late, {up(500, 300, 300)}) == "");
    CHECK(describe(late.poll(at(849))) == "");
    CHECK(describe(late.poll(at(850))) == "Touch@300,300");

    core::GestureRecognizer press;
    CHECK(feed(press, {down(0, 100, 100), up(80, 100, 100), down(200, 300, 300)}) == "");
    CHECK(describe(press.poll(at(499))) == "");
    CHECK(describe(press.poll(at(500))) == "Touch@100,100 Touch@300,300");

    core::GestureRecognizer swipe;
    CHECK(feed(swipe, {down(0, 100, 100), up(80, 100, 100), down(200, 300, 300)}) == "");
    CHECK(feed(swipe, {move(250, 350, 300)}) == "Touch@100,100");
    CHECK(feed(swipe, {up(300, 420, 305)}) == "SwipeRight@420,305");
}

TEST_CASE("a quick flick along one axis is the swipe where the finger went, y growing downward") {
    struct Flick { float dx, dy; G expected; };
    const Flick flicks[] = {{120, 0, G::SwipeRight}, {-120, 10, G::SwipeLeft}, {0, -90, G::SwipeUp},
                            {5, 150, G::SwipeDown},  {100, 50, G::SwipeRight}};  // the last: exactly 2:1 still counts
    for (const Flick& flick : flicks) {
        INFO("flick by " << flick.dx << ", " << flick.dy);
        core::GestureRecognizer r;
        r.handle(down(0, 500, 500));
        CHECK(describe(r.handle(move(100, 500 + flick.dx / 2, 500 + flick.dy / 2))) == "");
        const auto gestures = r.handle(up(200, 500 + flick.dx, 500 + flick.dy));
        REQUIRE(gestures.size() == 1);
        CHECK(nameOf(gestures[0].kind) == std::string(nameOf(flick.expected)));
        CHECK_FALSE(r.nextDeadline().has_value());
    }
}

TEST_CASE("no swipe: too slow, lifted at swipeMaxTime, too short, too diagonal") {
    // 25 px every 100 ms: it explores from swipeMaxTime on instead.
    std::vector<core::FingerEvent> slowPath{down(0, 100, 100)}, fastPath{down(0, 100, 100)};
    for (int step = 1; step <= 6; ++step) {
        slowPath.push_back(move(step * 100, 100 + 25 * static_cast<float>(step), 100));
        fastPath.push_back(move(step * 50, 100 + 25 * static_cast<float>(step), 100));
    }
    slowPath.push_back(up(700, 250, 100));
    fastPath.push_back(up(350, 250, 100));
    core::GestureRecognizer slow, fast;
    CHECK(feed(slow, slowPath) == "Touch@200,100 Touch@225,100 Touch@250,100");
    CHECK(feed(fast, fastPath) == "SwipeRight@250,100");  // the same path in half the time

    core::GestureRecognizer atLimit;
    CHECK(feed(atLimit, {down(0, 100, 100), move(100, 150, 100)}) == "");
    CHECK(atLimit.nextDeadline() == at(500));  // it moved: swipeMaxTime, not tapMaxTime, ends the wait
    CHECK(describe(atLimit.handle(up(500, 300, 100))) == "Touch@150,100");

    core::GestureRecognizer shortFlick;
    CHECK(feed(shortFlick, {down(0, 100, 100), up(150, 170, 100)}) == "Touch@170,100");  // 70 px < 80

    core::GestureRecognizer diagonal;
    // 100 px across, 55 down: just off 2:1.
    CHECK(feed(diagonal, {down(0, 100, 100), move(80, 150, 130), up(150, 200, 155)}) == "Touch@200,155");
}

TEST_CASE("two fingers held still give one TwoFingerHold, nothing from either finger, and again only after all lifted") {
    core::GestureRecognizer r;
    CHECK(describe(r.handle(down(0, 400, 500, 1))) == "");
    CHECK(describe(r.handle(down(150, 600, 500, 2))) == "");
    CHECK(r.nextDeadline() == at(1650));
    CHECK(describe(r.poll(at(1000))) == "");  // the first finger alone would explore by now
    CHECK(describe(r.handle(move(1200, 430, 510, 1))) == "");  // 31.6 px < 2 tapSlop
    CHECK(describe(r.poll(at(1649))) == "");
    CHECK(describe(r.poll(at(1650))) == "TwoFingerHold@515,505");
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.poll(at(6000))) == "");
    CHECK(feed(r, {up(6100, 430, 510, 1), up(6200, 600, 500, 2), down(7000, 100, 100, 3), down(7010, 300, 100, 4)}) == "");
    CHECK(describe(r.poll(at(8510))) == "TwoFingerHold@200,100");
}

TEST_CASE("no hold when a finger moves 2 tapSlop or lifts early, and the finger left behind stays silent") {
    core::GestureRecognizer moved;
    CHECK(feed(moved, {down(0, 400, 500, 1), down(100, 600, 500, 2), move(800, 600, 540, 2)}) == "");
    CHECK_FALSE(moved.nextDeadline().has_value());
    CHECK(describe(moved.poll(at(3000))) == "");

    core::GestureRecognizer lifted;
    CHECK(feed(lifted, {down(0, 400, 500, 1), down(100, 600, 500, 2), up(500, 600, 500, 2)}) == "");
    CHECK(describe(lifted.poll(at(3000))) == "");
    CHECK(feed(lifted, {move(3100, 900, 500, 1), up(3200, 900, 500, 1)}) == "");
    CHECK(feed(lifted, {down(4000, 10, 20), up(4050, 10, 20)}) == "");  // all lifted: single fingers count again
    CHECK(describe(lifted.poll(at(4400))) == "Touch@10,20");
}

TEST_CASE("a second finger joining an exploring finger silences it, and the hold counts from then") {
    core::GestureRecognizer r;
    r.handle(down(0, 100, 100, 1));
    CHECK(describe(r.poll(at(300))) == "Touch@100,100");
    CHECK(describe(r.handle(down(2000, 300, 100, 2))) == "");
    CHECK(r.nextDeadline() == at(3500));
    CHECK(describe(r.handle(move(2500, 130, 100, 1))) == "");  // 30 px: no Touch now
    CHECK(describe(r.poll(at(3500))) == "TwoFingerHold@215,100");
}

TEST_CASE("three fingers, unknown fingers, a lost Up and a flood of fingers are ignored without harm") {
    core::GestureRecognizer r;
    CHECK(feed(r, {up(0, 10, 10, 42), move(10, 10, 10, 42)}) == "");
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(feed(r, {down(100, 100, 100, 1), down(150, 300, 100, 2), down(200, 500, 100, 3)}) == "");  // a palm, not a hold
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.poll(at(5000))) == "");
    for (std::int64_t finger = 1; finger <= 3; ++finger) CHECK(describe(r.handle(up(5100, 100, 100, finger))) == "");

    CHECK(feed(r, {down(6000, 100, 100, 1), down(6100, 500, 500, 1)}) == "");  // the same finger again: its Up was lost
    CHECK(r.nextDeadline() == at(6400));
    CHECK(describe(r.poll(at(6400))) == "Touch@500,500");
    r.handle(up(6500, 500, 500, 1));

    for (int finger = 100; finger < 130; ++finger) CHECK(describe(r.handle(down(7000, 1, 1, finger))) == "");
    for (int finger = 100; finger < 130; ++finger) CHECK(describe(r.handle(up(7100, 1, 1, finger))) == "");
    CHECK(feed(r, {down(8000, 20, 30), up(8050, 20, 30)}) == "");
    CHECK(describe(r.poll(at(8400))) == "Touch@20,30");

    // A tap, then a contact whose Up is lost: the tap is spoken on its own, the new contact starts afresh.
    CHECK(feed(r, {down(9000, 60, 70), up(9050, 60, 70), down(9100, 1, 1, 5)}) == "");
    CHECK(feed(r, {down(9200, 300, 300, 5)}) == "Touch@60,70");
    CHECK(r.nextDeadline() == at(9500));
}

TEST_CASE("the mouse is finger 0: moves with no button down are ignored, two clicks are a DoubleTap") {
    core::GestureRecognizer r;
    CHECK(feed(r, {move(0, 10, 10, 0)}) == "");
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(feed(r, {down(100, 10, 10, 0), up(180, 10, 10, 0), down(300, 11, 10, 0), up(380, 11, 10, 0)}) == "DoubleTap@11,10");
}

TEST_CASE("reset forgets a pending tap and the fingers that are down") {
    core::GestureRecognizer r;
    CHECK(feed(r, {down(0, 100, 100), up(80, 100, 100)}) == "");
    r.reset();
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.poll(at(1000))) == "");

    CHECK(feed(r, {down(2000, 100, 100, 1), down(2050, 300, 100, 2)}) == "");
    r.reset();
    CHECK_FALSE(r.nextDeadline().has_value());
    CHECK(describe(r.poll(at(5000))) == "");
    CHECK(feed(r, {move(5100, 400, 400, 1), up(5200, 400, 400, 1), up(5200, 300, 100, 2)}) == "");
    CHECK(feed(r, {down(6000, 40, 50)}) == "");  // a fresh start, not a third finger
    CHECK(describe(r.poll(at(6300))) == "Touch@40,50");
}

TEST_CASE("the tuning is honoured") {
    core::GestureTuning tuning;
    tuning.tapMaxTime = 100ms;
    tuning.twoFingerHold = 3s;
    core::GestureRecognizer r(tuning);
    CHECK(feed(r, {down(0, 10, 10), up(150, 10, 10)}) == "Touch@10,10");  // a tap by default, too long here
    CHECK(feed(r, {down(1000, 10, 10, 1), down(1000, 90, 10, 2)}) == "");
    CHECK(r.nextDeadline() == at(4000));
}
