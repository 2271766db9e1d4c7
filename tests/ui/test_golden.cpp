// Golden images of the home and page screens (golden_check.hpp says how to accept a change).
#include <SDL.h>
#include <doctest/doctest.h>

#include "golden_check.hpp"
#include "image_compare.hpp"
#include "ui_fixture.hpp"

using kiosk::test::checkGolden;
using kiosk::test::kChannelTolerance;
using kiosk::test::kMaxDifferingFraction;

TEST_CASE("golden: home screen") {
    kiosk::test::UiFixture f(1280, 720);
    checkGolden(f.renderer, "home_1280x720");
}

TEST_CASE("golden: a page in English") {
    kiosk::test::UiFixture f(1280, 720);
    f.tap("bar/lang/en");
    f.tap("home/pack/test-pack");
    checkGolden(f.renderer, "page_start_en_1280x720");
}

TEST_CASE("golden: a picture that cannot be decoded shows its alt text instead") {
    kiosk::test::UiFixture f(1280, 720);
    f.tap("bar/lang/en");
    f.tap("home/pack/test-pack");
    f.tap("page/start/button/to-second");
    checkGolden(f.renderer, "page_second_broken_image_en_1280x720");
}

TEST_CASE("golden: the comparison notices a different screen") {
    // Guards the guard: if the comparison were too lenient, every golden test above would pass.
    kiosk::test::UiFixture home(1280, 720);
    SDL_Surface* homePixels = SDL_DuplicateSurface(home.renderer.surface());
    home.tap("home/pack/test-pack");
    const auto difference = kiosk::test::compareImages(home.renderer.surface(), homePixels, kChannelTolerance, nullptr);
    SDL_FreeSurface(homePixels);
    CHECK(difference.sameSize);
    CHECK(difference.fraction() > kMaxDifferingFraction);
}
