// The texture cache's memory bound: pictures used longest ago are freed while more than the
// budget (TextureCache::kBudgetBytes) is held, but never a picture the last frame drew; raster
// pictures are shrunk to the width they are shown at. Real SVGs and PNGs decoded by the cache
// into a software renderer's textures.
#include <doctest/doctest.h>

#include <SDL.h>
#include <SDL_image.h>

#include "../core/temp_dir.hpp"
#include "ui/texture_cache.hpp"

using namespace kiosk;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;

// A square SVG: drawn 1024 px wide it takes 4 MiB.
std::filesystem::path square(const test::TempDir& dir, int index) {
    return dir.write("images/square-" + std::to_string(index) + ".svg",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"" +
                         std::to_string(1 + index % 9) + "\" fill=\"#36c\"/></svg>\n");
}

struct Canvas {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer* renderer = surface ? SDL_CreateSoftwareRenderer(surface) : nullptr;
    ~Canvas() {
        if (renderer) SDL_DestroyRenderer(renderer);
        if (surface) SDL_FreeSurface(surface);
    }
};

}  // namespace

TEST_CASE("texture cache: pictures of earlier pages are freed beyond the budget and the ones on screen never") {
    test::TempDir dir;
    Canvas canvas;
    REQUIRE(canvas.renderer);
    constexpr std::size_t budget = ui::TextureCache::kBudgetBytes;
    static_assert(budget >= 8 * kMiB && budget % (4 * kMiB) == 0, "the pages below are 4 MiB each");
    {
        ui::TextureCache cache(canvas.renderer);
        // Twelve "pages" of one 4 MiB picture each, a frame apiece: the cache holds at most the budget.
        for (int page = 0; page < 12; ++page) {
            REQUIRE(cache.get(square(dir, page), 1024) != nullptr);
            cache.collectGarbage();
            CHECK(cache.bytes() <= budget);
        }
        CHECK(cache.bytes() >= budget - 4 * kMiB);  // it keeps what fits: pages come back
        // The newest pages are still there; the first ones went first.
        CHECK(cache.size() == budget / (4 * kMiB));

        // One frame drawing ten pictures (40 MiB): none of them is freed after it.
        for (int picture = 20; picture < 30; ++picture) REQUIRE(cache.get(square(dir, picture), 1024) != nullptr);
        cache.collectGarbage();
        CHECK(cache.size() == 10);
        CHECK(cache.bytes() == 40 * kMiB);
    }
}

TEST_CASE("texture cache: a large photo becomes a texture as wide as it is shown and never wider than itself") {
    test::TempDir dir;
    Canvas canvas;
    REQUIRE(canvas.renderer);
    // 3000 x 2000 pixels: 23 MiB as a texture at its own size.
    SDL_Surface* photo = SDL_CreateRGBSurfaceWithFormat(0, 3000, 2000, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(photo);
    SDL_FillRect(photo, nullptr, SDL_MapRGB(photo->format, 200, 120, 40));
    const std::filesystem::path file = dir.path() / "photo.png";
    REQUIRE(IMG_SavePNG(photo, file.c_str()) == 0);
    SDL_FreeSurface(photo);

    ui::TextureCache cache(canvas.renderer);
    const ui::Texture* shown = cache.get(file, 900);
    REQUIRE(shown != nullptr);
    CHECK(shown->width == 1024);  // 900 rounded up to the cache's width steps
    CHECK(shown->height == 683);  // the aspect ratio kept
    CHECK(cache.bytes() == 1024u * 683u * 4u);
    // Asked for wider than the photo, it stays at its own size.
    const ui::Texture* large = cache.get(file, 3500);
    REQUIRE(large != nullptr);
    CHECK(large->width == 3000);
    CHECK(large->height == 2000);
}
