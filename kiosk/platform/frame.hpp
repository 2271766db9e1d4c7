// One frame, the same for the window and for headless rendering: input → draw → render → intents.
#pragma once

#include <functional>

#include <imgui.h>

#include "core/nav/navigator.hpp"
#include "ui/kiosk_ui.hpp"

struct SDL_Renderer;

namespace kiosk::platform {

// Draws the current screen into the renderer's target and applies what the visitor asked for.
// `feedInput` sets display size, time step and pointer in ImGui's io before the frame begins.
// Returns the number of intents applied: non-zero means the next frame will look different.
std::size_t runFrame(SDL_Renderer* renderer, ui::KioskUi& ui, core::Navigator& navigator, core::TimePoint now,
                     const std::function<void(ImGuiIO&)>& feedInput);

}  // namespace kiosk::platform
