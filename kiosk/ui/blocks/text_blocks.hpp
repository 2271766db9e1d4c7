// Headings and rich text blocks.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

void drawHeadingBlock(FrameContext& ctx, const BlockPlace& place, const core::HeadingBlock& block);

// Links in the text open pages: "page/<page>/link/<target>".
void drawTextBlock(FrameContext& ctx, const BlockPlace& place, const core::TextBlock& block);

}  // namespace kiosk::ui
