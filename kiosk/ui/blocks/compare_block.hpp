// Before and after: two cards side by side (one above the other on narrow screens) with an arrow
// between them; "before" quiet, "after" highlighted.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

void drawCompareBlock(FrameContext& ctx, const BlockPlace& place, const core::CompareBlock& block);

}  // namespace kiosk::ui
