// The home screen: a welcome and one tile per pack.
#pragma once

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// `justArrived` is true on the first frame after navigation, to start at the top.
void drawHomeScreen(FrameContext& ctx, bool justArrived);

}  // namespace kiosk::ui
