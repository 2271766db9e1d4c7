// Touch behaviour shared by all widgets: tap targets that register by id, and drag-to-scroll.
#pragma once

#include <string>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

struct TapTarget {
    bool tapped;   // the finger lifted inside on this frame
    bool pressed;  // the finger is down on it now: draw the pressed look
    ImVec2 min;
    ImVec2 max;
};

// An invisible hit area at the cursor, registered under `itemId` (also its ImGui id).
TapTarget tapTarget(FrameContext& ctx, const std::string& itemId, ImVec2 size);

// A key of an attached keyboard or keypad went down this frame (or a character was typed).
bool anyKeyPressed();

// Call inside a scrolling child, after its content: a finger dragged further than a small
// threshold scrolls the child, and whatever it went down on is released, so a drag never taps.
// A finger lifted while moving flings the page on, slowing down (ctx.animating asks the loop
// for the frames that takes); a finger that stopped before lifting leaves it at rest.
void touchScroll(FrameContext& ctx);

}  // namespace kiosk::ui
