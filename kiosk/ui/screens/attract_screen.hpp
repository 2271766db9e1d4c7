// The attract loop, while nobody is there: one pack at a time, large, and "touch the screen to
// start" in every language the kiosk offers. Also where the reset notice shows, over it.
#pragma once

#include <cstddef>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// `slide` counts the pictures shown so far (VisitTimer::slide); the pack shown is slide modulo the
// number of packs. `resetNotice`: "your inputs have been deleted" in the pack's place, for the
// notice's few seconds after a reset. A touch or key anywhere pushes StartVisit: the touch only
// wakes the kiosk, it presses nothing that the home screen will show under the finger.
void drawAttractScreen(FrameContext& ctx, std::size_t slide, bool resetNotice);

}  // namespace kiosk::ui
