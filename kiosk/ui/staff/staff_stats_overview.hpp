// The first page of the staff statistics: key figures, visits per day, top packs and languages.
#pragma once

#include <imgui.h>

#include "core/stats/usage_stats.hpp"
#include "core/util/clock.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Draws from `origin` (screen coordinates, the page's top-left) across `width`; `periodEnd` is
// the "now" the statistics were counted back from. Returns the height it took.
float drawStatsOverview(FrameContext& ctx, const core::UsageStats& stats, core::WallTime periodEnd, ImVec2 origin, float width);

}  // namespace kiosk::ui
