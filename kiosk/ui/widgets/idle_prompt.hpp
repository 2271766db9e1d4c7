// "Are you still there?": over whatever the visitor left on screen, with the seconds until every
// input is deleted and one large button to stay.
#pragma once

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Drawn last in the frame, in a window of its own above the screen, so the screen under it takes
// no touch: a touch anywhere (the button or around it) pushes StillHere and the visit goes on,
// without pressing what lies beneath.
void drawIdlePrompt(FrameContext& ctx, int secondsLeft);

}  // namespace kiosk::ui
