// Visitor paths through the real UI: taps on named elements, checked against navigation state.
#include <doctest/doctest.h>

#include "ui_fixture.hpp"

using kiosk::test::UiFixture;

TEST_CASE("tapping a home tile opens the pack's start page") {
    UiFixture f;
    CHECK(f.nav.location().isHome());
    f.tap("home/pack/test-pack");
    CHECK(f.nav.location() == kiosk::core::Location{"test-pack", "start"});
}

TEST_CASE("a page's button, back and home lead where they say") {
    UiFixture f;
    f.tap("home/pack/test-pack");
    f.tap("page/start/button/to-second");
    CHECK(f.nav.location().pageId == "second");
    f.tap("bar/back");
    CHECK(f.nav.location().pageId == "start");
    f.tap("page/start/button/to-second");
    f.tap("bar/home");
    CHECK(f.nav.location().isHome());
    CHECK(f.nav.historyDepth() == 0);
}

TEST_CASE("the language switch changes the language (the golden images show which chip is marked)") {
    UiFixture f;
    CHECK(f.nav.language() == "de");
    f.tap("bar/lang/en");
    CHECK(f.nav.language() == "en");
    f.tap("bar/lang/de");
    CHECK(f.nav.language() == "de");
}

TEST_CASE("a press that ends outside the element is not a tap") {
    UiFixture f;
    const auto tile = f.renderer.items().find("home/pack/test-pack");
    REQUIRE(tile.has_value());
    // Finger down on the tile, slides off to empty space, lifts there.
    f.renderer.tap(f.nav, tile->center(), f.clock.now());  // sanity: a real tap works …
    REQUIRE_FALSE(f.nav.location().isHome());
    f.tap("bar/home");
    REQUIRE(f.nav.location().isHome());
    kiosk::platform::HeadlessRenderer& r = f.renderer;
    r.press(f.nav, tile->center(), f.clock.now());
    r.release(f.nav, ImVec2(2, 700), f.clock.now());  // … but this one ends elsewhere
    f.settle();
    CHECK(f.nav.location().isHome());
}

TEST_CASE("a page with a picture that cannot be decoded still draws its navigation") {
    UiFixture f;
    f.tap("home/pack/test-pack");
    f.tap("page/start/button/to-second");
    CHECK(f.nav.location().pageId == "second");
    f.tap("bar/back");  // the page drew its buttons, so the frame completed (its look: test_golden)
    CHECK(f.nav.location().pageId == "start");
}

TEST_CASE("only elements of the current screen can be tapped") {
    UiFixture f;
    CHECK(f.renderer.items().find("home/pack/test-pack").has_value());
    CHECK_FALSE(f.renderer.items().find("bar/back").has_value());
    f.tap("home/pack/test-pack");
    CHECK_FALSE(f.renderer.items().find("home/pack/test-pack").has_value());
    CHECK(f.renderer.items().find("bar/back").has_value());
}

TEST_CASE("a page slides the last stretch into place: from the right going on, from the left coming back") {
    UiFixture f;
    f.tap("home/pack/test-pack");
    auto buttonX = [&] { return f.renderer.items().find("page/start/button/to-second")->min.x; };
    const float atRest = buttonX();
    f.tap("page/start/button/to-second");

    const auto back = f.renderer.items().find("bar/back");
    REQUIRE(back.has_value());
    f.renderer.tap(f.nav, back->center(), f.clock.now());  // press, release: the start page arrives
    const float comingBack = buttonX();
    CHECK(comingBack < atRest);
    CHECK(f.renderer.ui()->wantsAnotherFrame());
    f.settle();
    CHECK(buttonX() == doctest::Approx(atRest));
    CHECK_FALSE(f.renderer.ui()->wantsAnotherFrame());

    f.tap("bar/home");
    const auto tile = f.renderer.items().find("home/pack/test-pack");
    f.renderer.tap(f.nav, tile->center(), f.clock.now());
    CHECK(buttonX() > atRest);  // going on: from the right
    f.settle();
    CHECK(buttonX() == doctest::Approx(atRest));
}
