// Pixel comparison in a common RGBA32 layout, whatever the files were saved as.
#include "image_compare.hpp"

#include <cstdlib>

#include <SDL.h>

namespace kiosk::test {

ImageDifference compareImages(SDL_Surface* actual, SDL_Surface* expected, int channelTolerance, SDL_Surface** diffOut) {
    ImageDifference result;
    if (!actual || !expected || actual->w != expected->w || actual->h != expected->h) return result;
    result.sameSize = true;
    SDL_Surface* a = SDL_ConvertSurfaceFormat(actual, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_Surface* e = SDL_ConvertSurfaceFormat(expected, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_Surface* diff = diffOut ? SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_RGBA32) : nullptr;
    result.totalPixels = static_cast<long>(a->w) * a->h;
    for (int y = 0; y < a->h; ++y) {
        const auto* rowA = static_cast<const Uint8*>(a->pixels) + y * a->pitch;
        const auto* rowE = static_cast<const Uint8*>(e->pixels) + y * e->pitch;
        Uint8* rowD = diff ? static_cast<Uint8*>(diff->pixels) + y * diff->pitch : nullptr;
        for (int x = 0; x < a->w; ++x) {
            bool differs = false;
            for (int c = 0; c < 4; ++c) differs = differs || std::abs(rowA[x * 4 + c] - rowE[x * 4 + c]) > channelTolerance;
            if (differs) ++result.differingPixels;
            if (rowD) {
                // Differences in red over a faded copy of the expected image, to see where they are.
                const Uint8 grey = static_cast<Uint8>(160 + rowE[x * 4] / 3);
                rowD[x * 4 + 0] = differs ? 255 : grey;
                rowD[x * 4 + 1] = differs ? 0 : grey;
                rowD[x * 4 + 2] = differs ? 0 : grey;
                rowD[x * 4 + 3] = 255;
            }
        }
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(e);
    if (diffOut) *diffOut = diff;
    return result;
}

}  // namespace kiosk::test
