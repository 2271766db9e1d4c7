// A page of a pack: its title and blocks in a readable column that scrolls.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// `justArrived` is true on the first frame after navigation, to start at the top of the page.
void drawPageScreen(FrameContext& ctx, const core::Pack& pack, const core::Page& page, bool justArrived);

}  // namespace kiosk::ui
