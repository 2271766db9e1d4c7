// Raster pictures shrunk to the size they are shown at before they become textures: a 4096-pixel
// photo shown 900 pixels wide would otherwise hold 64 MiB in the renderer and be scaled down
// again on every frame.
#pragma once

struct SDL_Surface;

namespace kiosk::ui {

// `picture` at most `maxWidth` wide, its aspect ratio kept, as 32-bit ARGB: a new surface, or
// `picture` itself when it is narrow enough (never enlarged). Halves first, so every pixel of the
// original counts and fine lines do not break up, then one bilinear step to the width asked for.
// Null when SDL cannot allocate; `picture` is then still the caller's.
SDL_Surface* shrinkToWidth(SDL_Surface* picture, int maxWidth);

}  // namespace kiosk::ui
