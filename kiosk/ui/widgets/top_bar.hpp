// The bar along the top: back and home on pages ("end visit" on the home screen), the title, and
// the language switch and the accessibility menu's button everywhere.
#pragma once

#include <string_view>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// What the bar offers on its left, where a hand expects to get away.
enum class TopBarLeft {
    BackAndHome,  // on pages and in flows
    EndVisit,     // on the home screen: "I am done", the visitor is forgotten now
};

// `title` is shown beside the buttons. Leaves the cursor below the bar, which is taller when the
// language switch needs a row of its own.
void drawTopBar(FrameContext& ctx, std::string_view title, TopBarLeft left);

}  // namespace kiosk::ui
