// Raster pictures shrunk before they become textures (ui/picture_scaling.hpp): the size, the
// aspect ratio, and that every pixel of the original counts, which one bilinear step at 8:1 would
// not do (it reads 4 of every 64 pixels).
#include <doctest/doctest.h>

#include <SDL.h>

#include "ui/picture_scaling.hpp"

using namespace kiosk;

namespace {

struct Surface {
    SDL_Surface* pixels;
    explicit Surface(SDL_Surface* s) : pixels(s) {}
    ~Surface() {
        if (pixels) SDL_FreeSurface(pixels);
    }
    Uint8 red(int x, int y) const {
        const auto* row = static_cast<const Uint8*>(pixels->pixels) + y * pixels->pitch;
        Uint8 r = 0, g = 0, b = 0;
        SDL_GetRGB(reinterpret_cast<const Uint32*>(row)[x], pixels->format, &r, &g, &b);
        return r;
    }
};

// Columns of one pixel, black and white in turn: thin lines, as in a scanned form.
SDL_Surface* stripes(int width, int height) {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
    for (int x = 0; x < width; ++x) {
        SDL_Rect column{x, 0, 1, height};
        const Uint8 v = x % 2 ? 255 : 0;
        SDL_FillRect(s, &column, SDL_MapRGB(s->format, v, v, v));
    }
    return s;
}

}  // namespace

TEST_CASE("picture scaling: a picture is shrunk to the width asked for with its aspect ratio and every pixel counted") {
    Surface original(stripes(1024, 512));
    REQUIRE(original.pixels);
    Surface shrunk(ui::shrinkToWidth(original.pixels, 100));
    REQUIRE(shrunk.pixels);
    REQUIRE(shrunk.pixels != original.pixels);
    CHECK(shrunk.pixels->w == 100);
    CHECK(shrunk.pixels->h == 50);
    CHECK(shrunk.pixels->format->format == SDL_PIXELFORMAT_ARGB8888);
    // Black and white lines average to grey everywhere; skipped pixels would leave black or white.
    int lowest = 255, highest = 0;
    for (int y = 0; y < shrunk.pixels->h; ++y) {
        for (int x = 0; x < shrunk.pixels->w; ++x) {
            lowest = std::min(lowest, static_cast<int>(shrunk.red(x, y)));
            highest = std::max(highest, static_cast<int>(shrunk.red(x, y)));
        }
    }
    CHECK(lowest >= 100);
    CHECK(highest <= 155);
}

TEST_CASE("picture scaling: a picture as narrow as asked or narrower stays as it is") {
    Surface original(stripes(300, 200));
    REQUIRE(original.pixels);
    CHECK(ui::shrinkToWidth(original.pixels, 300) == original.pixels);
    CHECK(ui::shrinkToWidth(original.pixels, 1000) == original.pixels);
}
