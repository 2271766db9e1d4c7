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

TEST_CASE("golden: home and a page at 1920x1080 and in portrait 1080x1920") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        kiosk::test::UiFixture f(width, height);
        checkGolden(f.renderer, "home_" + size);
        f.tap("home/pack/test-pack");
        checkGolden(f.renderer, "page_start_de_" + size);
    }
}

TEST_CASE("a finger on a button shows at once that it is pressed, nothing stays lit after it lifts") {
    kiosk::test::UiFixture f(1280, 720);
    const auto tile = f.renderer.items().find("home/pack/test-pack");
    REQUIRE(tile.has_value());
    SDL_Surface* idle = SDL_DuplicateSurface(f.renderer.surface());
    f.renderer.press(f.nav, tile->center(), f.clock.now());
    SDL_Surface* pressed = SDL_DuplicateSurface(f.renderer.surface());
    // Lifted outside the tile: no tap, so the home screen stays and its look can be compared.
    f.renderer.release(f.nav, ImVec2(4, 700), f.clock.now());
    f.settle();
    const auto whilePressed = kiosk::test::compareImages(pressed, idle, kChannelTolerance, nullptr);
    const auto afterwards = kiosk::test::compareImages(f.renderer.surface(), idle, kChannelTolerance, nullptr);
    SDL_FreeSurface(idle);
    SDL_FreeSurface(pressed);
    CHECK(f.nav.location().isHome());
    CHECK(whilePressed.differingPixels > 1000);  // the tile's pressed fill, in the first frame
    CHECK(afterwards.differingPixels == 0);      // touch has no hover: back to exactly as before
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
