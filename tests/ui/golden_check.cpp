// The golden comparison shared by every UI test that pins a screen's look.
#include "golden_check.hpp"

#include <cstdlib>
#include <filesystem>

#include <SDL.h>
#include <SDL_image.h>
#include <doctest/doctest.h>

#include "image_compare.hpp"

namespace kiosk::test {

void checkGolden(const platform::HeadlessRenderer& renderer, const std::string& name) {
    const std::filesystem::path golden = std::filesystem::path(KIOSK_GOLDEN_DIR) / (name + ".png");
    const std::filesystem::path outDir = KIOSK_TEST_OUTPUT_DIR;
    std::filesystem::create_directories(outDir);

    if (std::getenv("KIOSK_UPDATE_GOLDEN")) {
        REQUIRE(renderer.savePng(golden).empty());
        MESSAGE("updated " << golden.string());
        return;
    }
    SDL_Surface* expected = IMG_Load(golden.c_str());
    REQUIRE_MESSAGE(expected, "missing golden image " << golden.string() << " (create it with KIOSK_UPDATE_GOLDEN=1)");
    SDL_Surface* diff = nullptr;
    const auto difference = compareImages(renderer.surface(), expected, kChannelTolerance, &diff);
    const bool matches = difference.sameSize && difference.fraction() <= kMaxDifferingFraction;
    if (!matches) {
        const auto actualFile = outDir / (name + ".actual.png");
        const auto diffFile = outDir / (name + ".diff.png");
        CHECK(renderer.savePng(actualFile).empty());
        if (diff) IMG_SavePNG(diff, diffFile.c_str());
        FAIL_CHECK(name << ": " << difference.differingPixels << " of " << difference.totalPixels
                        << " pixels differ; see " << actualFile.string() << " and " << diffFile.string());
    }
    if (diff) SDL_FreeSurface(diff);
    SDL_FreeSurface(expected);
}

}  // namespace kiosk::test
