// A clip on a page (content/FORMAT.md, "video"), drawn by the video view.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// As wide as the column, in the clip's own shape (never taller than half the view), with its
// controls under it; the poster stands in before it plays.
void drawVideoBlock(FrameContext& ctx, const BlockPlace& place, const core::VideoBlock& block);

}  // namespace kiosk::ui
