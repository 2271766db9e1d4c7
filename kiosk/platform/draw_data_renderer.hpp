// Hands Dear ImGui's draw data to SDL_Renderer, with a fast path for SDL's software renderer.
#pragma once

struct ImDrawData;
struct SDL_Renderer;

namespace kiosk::platform {

// Draws one frame of ImGui draw data, in order and with its clip rectangles.
//
// On GPU renderers this is ImGui's own SDL_Renderer backend (SDL_RenderGeometry), which they draw
// fast. SDL's software renderer rasterises every triangle per pixel over its whole bounding box,
// blending even opaque pixels: ImGui's rounded rectangles and circles are fans of long thin
// triangles whose boxes overlap, so a card costs many times its area. There, every solid-colour
// triangle (the font atlas' white pixel, one colour) becomes horizontal spans filled with
// SDL_RenderFillRects, without blending when opaque; textured and gradient triangles (glyphs,
// pictures, anti-aliased fringes) still go through SDL_RenderGeometry.
void renderDrawData(SDL_Renderer* renderer, ImDrawData* drawData);

}  // namespace kiosk::platform
