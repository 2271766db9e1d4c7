// Golden images: each screen rendered headless must match its reference within a small tolerance.
// To accept an intended change: KIOSK_UPDATE_GOLDEN=1 ctest -R golden, then look at the new PNGs.
#include <cstdlib>
#include <filesystem>

#include <SDL.h>
#include <SDL_image.h>
#include <doctest/doctest.h>

#include "image_compare.hpp"
#include "ui_fixture.hpp"

namespace {

// Anti-aliasing may differ by a few levels between FreeType or SDL patch releases; layout changes
// move whole glyphs and shapes and exceed both limits at once.
constexpr int kChannelTolerance = 16;
constexpr double kMaxDifferingFraction = 0.002;

void checkGolden(kiosk::test::UiFixture& f, const std::string& name) {
    const std::filesystem::path golden = std::filesystem::path(KIOSK_GOLDEN_DIR) / (name + ".png");
    const std::filesystem::path outDir = KIOSK_TEST_OUTPUT_DIR;
    std::filesystem::create_directories(outDir);
    SDL_Surface* actual = f.renderer.surface();

    if (std::getenv("KIOSK_UPDATE_GOLDEN")) {
        REQUIRE(f.renderer.savePng(golden).empty());
        MESSAGE("updated " << golden.string());
        return;
    }
    SDL_Surface* expected = IMG_Load(golden.c_str());
    REQUIRE_MESSAGE(expected, "missing golden image " << golden.string() << " (create it with KIOSK_UPDATE_GOLDEN=1)");
    SDL_Surface* diff = nullptr;
    const auto difference = kiosk::test::compareImages(actual, expected, kChannelTolerance, &diff);
    const bool matches = difference.sameSize && difference.fraction() <= kMaxDifferingFraction;
    if (!matches) {
        const auto actualFile = outDir / (name + ".actual.png");
        const auto diffFile = outDir / (name + ".diff.png");
        CHECK(f.renderer.savePng(actualFile).empty());
        if (diff) IMG_SavePNG(diff, diffFile.c_str());
        FAIL_CHECK(name << ": " << difference.differingPixels << " of " << difference.totalPixels
                        << " pixels differ; see " << actualFile.string() << " and " << diffFile.string());
    }
    if (diff) SDL_FreeSurface(diff);
    SDL_FreeSurface(expected);
}

}  // namespace

TEST_CASE("golden: home screen") {
    kiosk::test::UiFixture f(1280, 720);
    checkGolden(f, "home_1280x720");
}

TEST_CASE("golden: a page in English") {
    kiosk::test::UiFixture f(1280, 720);
    f.tap("bar/lang/en");
    f.tap("home/pack/test-pack");
    checkGolden(f, "page_start_en_1280x720");
}

TEST_CASE("golden: a picture that cannot be decoded shows its alt text instead") {
    kiosk::test::UiFixture f(1280, 720);
    f.tap("bar/lang/en");
    f.tap("home/pack/test-pack");
    f.tap("page/start/button/to-second");
    checkGolden(f, "page_second_broken_image_en_1280x720");
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
