#include "ui/picture_scaling.hpp"

#include <algorithm>

#include <SDL.h>

namespace kiosk::ui {
namespace {

// A new ARGB surface of `width` x `height` with `from` stretched into it, bilinear.
SDL_Surface* stretched(SDL_Surface* from, int width, int height) {
    SDL_Surface* to = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!to) return nullptr;
    if (SDL_SoftStretchLinear(from, nullptr, to, nullptr) != 0) {
        SDL_FreeSurface(to);
        return nullptr;
    }
    return to;
}

}  // namespace

SDL_Surface* shrinkToWidth(SDL_Surface* picture, int maxWidth) {
    if (maxWidth <= 0 || picture->w <= maxWidth) return picture;
    // SDL stretches only between surfaces of one format; ARGB8888 is the textures' format too.
    SDL_Surface* current = SDL_ConvertSurfaceFormat(picture, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!current) return nullptr;
    const double aspect = static_cast<double>(picture->h) / static_cast<double>(picture->w);
    // A bilinear step reads only the 2 x 2 pixels around each target pixel: at more than 2:1
    // the pixels between are skipped. Halving each time keeps every step at 2:1 or less.
    while (current->w > 0 && current->w / 2 >= maxWidth) {
        SDL_Surface* half = stretched(current, current->w / 2, std::max(1, current->h / 2));
        SDL_FreeSurface(current);
        if (!half) return nullptr;
        current = half;
    }
    if (current->w == maxWidth) return current;
    const int height = std::max(1, static_cast<int>(static_cast<double>(maxWidth) * aspect + 0.5));
    SDL_Surface* result = stretched(current, maxWidth, height);
    SDL_FreeSurface(current);
    return result;
}

}  // namespace kiosk::ui
