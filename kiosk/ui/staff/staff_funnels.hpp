// The "forms" page of the staff statistics: each practice form's funnel, step by step.
#pragma once

#include <imgui.h>

#include "core/stats/usage_stats.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Draws from `origin` (screen coordinates) across `width`, as tall as the forms need (the page
// scrolls). Returns the height it took.
float drawFunnels(FrameContext& ctx, const core::UsageStats& stats, ImVec2 origin, float width);

}  // namespace kiosk::ui
