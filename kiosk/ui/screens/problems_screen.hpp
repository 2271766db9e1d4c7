// The preview's report to an author: what is wrong in the pack, file:line first, never a blank screen.
#pragma once

#include "core/util/result.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// With errors: draws the list instead of any screen and returns true. With warnings only: draws
// a strip at the bottom of the screen and returns false, so the screen is drawn too.
bool drawAuthorProblems(FrameContext& ctx, const core::Diagnostics& problems);

}  // namespace kiosk::ui
