// The home screen: a welcome and one tile per pack.
#pragma once

#include "ui/frame_context.hpp"

namespace kiosk::ui {

void drawHomeScreen(FrameContext& ctx);

}  // namespace kiosk::ui
