// One frame, the same for the window and for headless rendering: input → draw → render → intents.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include <imgui.h>

#include "core/nav/navigator.hpp"
#include "core/pack/blocks.hpp"
#include "ui/kiosk_ui.hpp"

struct SDL_Renderer;

namespace kiosk::platform {

// CPU time this thread spent on one frame, in its two halves: ImGui building the frame (layout,
// text, the screens' own code) and SDL rasterising its triangles. For benchmarks.
struct FrameTimings {
    double buildSeconds = 0;
    double rasterSeconds = 0;
};

// Today's date in the machine's time zone: where a flow's date field starts.
core::CalendarDate localToday();

// Draws the current screen into the renderer's target. `feedInput` sets display size, time step and
// pointer in ImGui's io before the frame begins. `today` is localToday() unless given (tests fix it).
// Returns what the visitor asked for; nothing is applied yet, so the caller can present first
// (DESIGN.md §3.2).
std::vector<core::Intent> drawFrame(SDL_Renderer* renderer, ui::KioskUi& ui, const core::Navigator& navigator,
                                    ImU32 clearColor, const std::function<void(ImGuiIO&)>& feedInput,
                                    std::optional<core::CalendarDate> today = std::nullopt,
                                    FrameTimings* timings = nullptr);

// After present: applies the intents to the navigator and frees textures no frame uses any more.
void finishFrame(ui::KioskUi& ui, core::Navigator& navigator, const std::vector<core::Intent>& intents,
                 core::TimePoint now);

}  // namespace kiosk::platform
