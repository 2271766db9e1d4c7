// What the staff statistics pages draw alike: counts that say "<k" when hidden, hatched marks for
// hidden values, labels placed at a point, labelled horizontal bars.
#pragma once

#include <cstdint>
#include <string>

#include <imgui.h>

#include "core/stats/usage_stats.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Every count a page shows goes through here: a suppressed cell only ever says "<k".
std::string shownCount(const core::StatsCell& cell, int k);

// A visit length ("3 min 05 s"), or "<k" when too few visits stand behind it.
std::string visitLength(const core::StatsCell& cell, int k);

// A suppressed value's mark: outlined and hatched, so it never reads as a measured size. The
// caller gives it a fixed size, never one from the hidden value.
void hatchedBox(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max);

// One line of text with its top-left corner at `at` (screen coordinates), audited like every
// other text: reported as an overflow when wider than `available`. Returns its width.
float labelAt(const FrameContext& ctx, ImFont* font, ImU32 color, ImVec2 at, const std::string& text, float available);

struct BarRow {
    std::string itemId;
    std::string name;
    core::StatsCell value;
};

struct BarColumns {
    float name;   // width of the name column
    float bars;   // width the longest bar may take
    float value;  // width of the count after the bar
};

// One row of a horizontal bar chart from `at`: the name in its column, a bar scaled by `largest`
// (a hidden value gets one fixed length), the count after it. Registered as `itemId` and
// `itemId + "/value/" + count`, for tests and speech output. Returns the row's height.
float drawBarRow(FrameContext& ctx, ImVec2 at, const BarRow& row, const BarColumns& columns, std::int64_t largest, int k);

// The height drawBarRow takes.
float barRowHeight(const Theme& theme);

}  // namespace kiosk::ui
