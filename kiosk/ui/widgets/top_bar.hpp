// The bar along the top: back and home on pages, the title, and the language switch everywhere.
#pragma once

#include <string_view>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Height of the bar, for screens laying out below it.
float topBarHeight(const Theme& theme);

// `title` is shown beside the navigation buttons; `showNavigation` adds back and home.
void drawTopBar(FrameContext& ctx, std::string_view title, bool showNavigation);

}  // namespace kiosk::ui
