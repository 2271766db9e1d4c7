// A contact card: name, address, opening hours, phone, e-mail and web address, each with its icon.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

void drawContactBlock(FrameContext& ctx, const BlockPlace& place, const core::ContactBlock& block);

}  // namespace kiosk::ui
