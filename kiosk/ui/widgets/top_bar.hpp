// The bar along the top: back and home on pages, the title, and the language switch everywhere.
#pragma once

#include <string_view>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// `title` is shown beside the navigation buttons; `showNavigation` adds back and home. Leaves the
// cursor below the bar, which is taller when the language switch needs a row of its own.
void drawTopBar(FrameContext& ctx, std::string_view title, bool showNavigation);

}  // namespace kiosk::ui
