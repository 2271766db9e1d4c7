// Touch input: short taps, drags that scroll instead of tapping, and rotated screens.
#include <cfloat>
#include <cmath>

#include <SDL.h>
#include <doctest/doctest.h>

#include "platform/pointer_input.hpp"
#include "platform/rotation.hpp"
#include "ui/theme.hpp"
#include "ui_fixture.hpp"

using kiosk::platform::windowToLogical;

namespace {

SDL_Event mouseButton(Uint32 type, int x, int y) {
    SDL_Event event{};
    event.type = type;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.x = x;
    event.button.y = y;
    return event;
}

}  // namespace

TEST_CASE("a tap shorter than one frame is shown to ImGui as press, then release, then gone") {
    kiosk::platform::RotatedCanvas upright(nullptr, 0, 800, 600);  // rotation 0 needs no renderer
    kiosk::platform::PointerInput pointer;
    pointer.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 100, 200), upright);
    pointer.handle(mouseButton(SDL_MOUSEBUTTONUP, 100, 200), upright);
    ImGuiIO io;

    pointer.feed(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == 100);
    CHECK(pointer.needsAnotherFrame());

    pointer.feed(io);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.y == 200);  // the release lands where the finger was

    pointer.feed(io);
    CHECK(io.MousePos.x == -FLT_MAX);  // then nothing stays hovered
    CHECK_FALSE(pointer.needsAnotherFrame());
}

TEST_CASE("touches on a rotated screen land where the upright UI drew them") {
    // A 1920x1080 window showing a portrait UI of 1080x1920.
    const float w = 1920;
    const float h = 1080;
    auto same = [](ImVec2 a, ImVec2 b) { return a.x == b.x && a.y == b.y; };
    CHECK(same(windowToLogical(0, w, h, ImVec2(10, 20)), ImVec2(10, 20)));
    // Turned clockwise: the UI's top-left corner is at the window's top-right.
    CHECK(same(windowToLogical(90, w, h, ImVec2(w, 0)), ImVec2(0, 0)));
    CHECK(same(windowToLogical(90, w, h, ImVec2(0, h)), ImVec2(h, w)));
    CHECK(same(windowToLogical(180, w, h, ImVec2(0, 0)), ImVec2(w, h)));
    // Turned counter-clockwise: the UI's top-left corner is at the window's bottom-left.
    CHECK(same(windowToLogical(270, w, h, ImVec2(0, h)), ImVec2(0, 0)));
    CHECK(same(windowToLogical(270, w, h, ImVec2(w, 0)), ImVec2(h, w)));
}

TEST_CASE("dragging a long page scrolls it, and the drag taps nothing") {
    kiosk::test::UiFixture f(640, 360);  // small, so the test page is longer than the screen
    f.tap("home/pack/test-pack");
    const auto before = f.renderer.items().find("page/start/button/to-second");
    REQUIRE(before.has_value());
    const ImVec2 from(320, 300);
    f.renderer.drag(f.nav, from, ImVec2(from.x, from.y - 120), 6, f.clock.now());
    f.settle();
    const auto after = f.renderer.items().find("page/start/button/to-second");
    REQUIRE(after.has_value());
    CHECK(after->min.y < before->min.y - 60);  // the content moved up with the finger
    CHECK(f.nav.location().pageId == "start");
}

TEST_CASE("a flick throws a long page on, slowing down to rest, a drag that stops first does not") {
    kiosk::test::UiFixture f(640, 360);
    f.tap("home/pack/test-pack");
    auto buttonY = [&] { return f.renderer.items().find("page/start/button/to-second")->min.y; };
    const ImVec2 from(320, 300);

    f.renderer.drag(f.nav, from, ImVec2(from.x, from.y - 60), 6, f.clock.now());
    f.settle();
    const float rested = buttonY();
    f.settle();
    CHECK(buttonY() == rested);  // the finger stopped before lifting: the page rests
    CHECK_FALSE(f.renderer.ui()->wantsAnotherFrame());

    f.tap("bar/home");
    f.tap("home/pack/test-pack");
    f.renderer.fling(f.nav, from, ImVec2(from.x, from.y - 60), 6, f.clock.now());
    const float lifted = buttonY();
    f.renderer.frame(f.nav, f.clock.now());
    CHECK(f.renderer.ui()->wantsAnotherFrame());  // it moves on its own: the loop must draw
    const float first = lifted - buttonY();
    f.renderer.frame(f.nav, f.clock.now());
    const float second = lifted - buttonY() - first;
    CHECK(first > 0);
    CHECK(second > 0);
    CHECK(second < first);  // slowing down
    for (int i = 0; i < 600 && f.renderer.ui()->wantsAnotherFrame(); ++i) f.renderer.frame(f.nav, f.clock.now());
    CHECK_FALSE(f.renderer.ui()->wantsAnotherFrame());  // and at rest (or at the end of the page)
    CHECK(f.nav.location().pageId == "start");          // a flick taps nothing either
}

TEST_CASE("a touch stops a flung page where it is") {
    kiosk::test::UiFixture f(640, 360);
    f.tap("home/pack/test-pack");
    auto buttonY = [&] { return f.renderer.items().find("page/start/button/to-second")->min.y; };
    const ImVec2 from(320, 300);
    f.renderer.fling(f.nav, from, ImVec2(from.x, from.y - 30), 6, f.clock.now());
    f.renderer.frame(f.nav, f.clock.now());
    REQUIRE(f.renderer.ui()->wantsAnotherFrame());
    f.renderer.press(f.nav, ImVec2(8, 200), f.clock.now());  // the left margin: nothing to tap there
    const float held = buttonY();
    f.renderer.release(f.nav, ImVec2(8, 200), f.clock.now());
    f.settle();
    CHECK(buttonY() == doctest::Approx(held).epsilon(0.01));
    CHECK_FALSE(f.renderer.ui()->wantsAnotherFrame());
}

TEST_CASE("a finger that wobbles less than the drag threshold still taps") {
    kiosk::test::UiFixture f;
    const auto tile = f.renderer.items().find("home/pack/test-pack");
    REQUIRE(tile.has_value());
    const ImVec2 from = tile->center();
    f.renderer.drag(f.nav, from, ImVec2(from.x + 2, from.y + 3), 2, f.clock.now());
    f.settle();
    CHECK(f.nav.location().packId == "test-pack");
}

TEST_CASE("the home screen starts at the top for every visitor") {
    kiosk::test::UiFixture f(640, 360);
    const auto top = f.renderer.items().find("home/pack/test-pack");
    REQUIRE(top.has_value());
    // The drag starts on the tile: a finger that scrolls must not open it.
    f.renderer.drag(f.nav, ImVec2(200, 300), ImVec2(200, 150), 6, f.clock.now());
    f.settle();
    REQUIRE(f.nav.location().isHome());
    const auto scrolled = f.renderer.items().find("home/pack/test-pack");
    REQUIRE(scrolled.has_value());
    REQUIRE(scrolled->min.y < top->min.y);
    f.tap("home/pack/test-pack");
    f.tap("bar/home");
    CHECK(f.renderer.items().find("home/pack/test-pack")->min.y == top->min.y);
}

TEST_CASE("touch targets are at least 9 mm on the configured panel, and never smaller than the theme's own") {
    const auto small = kiosk::ui::Theme::forDisplay(1920, 1080, 7.0f);  // 12.4 px per mm
    CHECK(small.touchTarget() == doctest::Approx(9.0f * std::hypot(1920.0f, 1080.0f) / (7.0f * 25.4f)));
    CHECK(small.touchTarget() > small.em(2.6f));
    const auto large = kiosk::ui::Theme::forDisplay(1920, 1080, 24.0f);  // 9 mm is 41 px: the theme's 78 px stay
    CHECK(large.touchTarget() == doctest::Approx(large.em(2.6f)));
    const auto unknown = kiosk::ui::Theme::forDisplay(1920, 1080);
    CHECK(unknown.touchTarget() == doctest::Approx(unknown.em(2.6f)));
}
