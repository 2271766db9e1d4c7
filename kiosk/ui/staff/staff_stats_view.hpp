// The staff screen's statistics: computed once when opened, shown on three pages (overview,
// times, forms) with large tabs, each page scrolling by touch where it is taller than the display.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/stats/usage_stats.hpp"
#include "core/util/clock.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

class StaffStatsView {
public:
    // Reads the 30 days up to `now` from <stateFolder>/usage.sqlite once, with config
    // usage.min_cell_sessions; every later frame draws from that result without touching SQLite.
    void open(const std::filesystem::path& stateFolder, core::WallTime now, int minCellSessions);

    // Draws the current page over the whole window. True on the frame staff tapped "back".
    bool draw(FrameContext& ctx);

    // Drops the numbers, so nothing of the log stays in memory behind a closed door.
    void close();

private:
    enum class Page { Overview, Times, Forms };

    float drawTabs(FrameContext& ctx, float x, float y, float width);

    std::optional<core::UsageStats> m_stats;
    std::string m_error;
    core::WallTime m_at{};  // the "now" they were computed for: the day axis keeps to it past midnight
    Page m_page = Page::Overview;
    bool m_toTop = true;    // a page opens at its top
};

}  // namespace kiosk::ui
