// The texture cache's memory bound: pictures used longest ago are freed while more than the
// budget (32 MiB) is held, but never a picture the last frame drew. Real SVGs rasterised by the
// cache into a software renderer's textures.
#include <doctest/doctest.h>

#include <SDL.h>

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

TEST_CASE("texture cache: pictures of earlier pages are freed beyond 32 MiB, the ones on screen never") {
    test::TempDir dir;
    Canvas canvas;
    REQUIRE(canvas.renderer);
    {
        ui::TextureCache cache(canvas.renderer);
        // Twelve "pages" of one 4 MiB picture each, a frame apiece: the cache holds at most 32 MiB.
        for (int page = 0; page < 12; ++page) {
            REQUIRE(cache.get(square(dir, page), 1024) != nullptr);
            cache.collectGarbage();
            CHECK(cache.bytes() <= 32 * kMiB);
        }
        CHECK(cache.bytes() >= 28 * kMiB);  // it keeps what fits: pages come back
        // The newest page is still there; the first one went first.
        CHECK(cache.size() == 8);

        // One frame drawing ten pictures (40 MiB): none of them is freed after it.
        for (int picture = 20; picture < 30; ++picture) REQUIRE(cache.get(square(dir, picture), 1024) != nullptr);
        cache.collectGarbage();
        CHECK(cache.size() == 10);
        CHECK(cache.bytes() == 40 * kMiB);
    }
}
