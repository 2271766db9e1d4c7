// The video player's and the sign-language icons: drawn for drawIcon (icons.hpp), kept apart
// from the other icons so each file stays readable.
#pragma once

#include <imgui.h>

#include "ui/widgets/icons.hpp"

namespace kiosk::ui {

// Draws one of Icon::Play … Icon::SignLanguage as drawIcon does; any other icon draws nothing.
void drawMediaIcon(ImDrawList& draw, Icon icon, ImVec2 center, float size, float thickness, ImU32 color);

}  // namespace kiosk::ui
