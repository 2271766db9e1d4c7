// Numbered steps: big numbers in circles down the left, each step's title and text beside them.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

void drawStepsBlock(FrameContext& ctx, const BlockPlace& place, const core::StepsBlock& block);

}  // namespace kiosk::ui
