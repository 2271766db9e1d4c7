// A gallery: one picture at a time, arrow buttons, position dots, and swiping sideways.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// Item ids: "page/<page>/gallery/<id>/previous", ".../next" and ".../picture" (the swipe area).
// Which picture shows is UI state in place.memory, keyed by the gallery's id.
void drawGalleryBlock(FrameContext& ctx, const BlockPlace& place, const core::GalleryBlock& block);

}  // namespace kiosk::ui
