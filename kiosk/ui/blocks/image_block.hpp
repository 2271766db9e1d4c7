// Pictures: the image block, and the fitting and alt-text placeholder the gallery shares.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// The picture as large as the column allows, never upscaled nor taller than half the view; its
// caption under it. A picture that cannot be drawn shows its alt text in its place.
void drawImageBlock(FrameContext& ctx, const BlockPlace& place, const core::ImageBlock& block);

// The height `picture` takes when fitted into `width` and `maxHeight`; for the placeholder, the
// height its alt text needs.
float fittedPictureHeight(FrameContext& ctx, const core::Picture& picture, float width, float maxHeight);

// Draws `picture` fitted and centred in the rectangle [min, max), or its placeholder filling it.
void drawPictureIn(FrameContext& ctx, ImDrawList& draw, const core::Picture& picture, ImVec2 min, ImVec2 max);

// The caption (if any) at the cursor, in the column; returns its height.
float drawCaption(FrameContext& ctx, const BlockPlace& place, const core::Picture& picture);

}  // namespace kiosk::ui
