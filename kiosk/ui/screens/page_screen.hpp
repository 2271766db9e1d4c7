// A page of a pack: its title and blocks in a readable column that scrolls.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// `justArrived` is true on the first frame after navigation: the page starts at the top and
// `memory` (galleries, swipes) starts afresh, so no visitor finds the last one's state.
void drawPageScreen(FrameContext& ctx, const core::Pack& pack, const core::Page& page, bool justArrived,
                    PageScreenMemory& memory);

}  // namespace kiosk::ui
