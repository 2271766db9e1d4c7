// Fact tiles: a big value and what it means, side by side where they fit, stacked where not.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

void drawFactsBlock(FrameContext& ctx, const BlockPlace& place, const core::FactsBlock& block);

}  // namespace kiosk::ui
