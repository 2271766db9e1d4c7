// The "times" page of the staff statistics: visits by weekday and hour as a heat map.
#pragma once

#include <imgui.h>

#include "core/stats/usage_stats.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Draws from `origin` (screen coordinates) across `width`. The grid's rows share `fitHeight`
// (what is visible without scrolling) as far as their smallest readable size allows. Returns
// the height it took.
float drawWeekHours(FrameContext& ctx, const core::UsageStats& stats, ImVec2 origin, float width, float fitHeight);

}  // namespace kiosk::ui
