// The screen systemd shows after the kiosk failed to start several times in a row
// (deploy/systemd/showroom-kiosk-fallback.service): a calm notice instead of a console or a
// login prompt. It reads no config and no content, so whatever broke the kiosk cannot break it.
#pragma once

#include <imgui.h>

#include "ui/theme.hpp"

namespace kiosk::ui {

// Draws the notice, centred, in German and English, into the current ImGui frame.
void drawOutOfService(const Theme& theme, ImVec2 screen);

}  // namespace kiosk::ui
