// A button that leads to another page of the pack or starts one of its flows.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// Item id "page/<page>/button/<id>"; pushes core::OpenPage or core::StartFlow. A label too long
// for one line wraps inside the button rather than being cut.
void drawButtonBlock(FrameContext& ctx, const BlockPlace& place, const core::ButtonBlock& block);

}  // namespace kiosk::ui
