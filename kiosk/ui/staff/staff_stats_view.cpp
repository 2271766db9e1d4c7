// The frame around the statistics pages: title and "back" on top, the page tabs under them, the
// page in a scrolling area, and what "<k" means at the foot, where it is read last.
#include "ui/staff/staff_stats_view.hpp"

#include <algorithm>
#include <array>

#include "core/usage/usage_database.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/staff/staff_funnels.hpp"
#include "ui/staff/staff_stats_overview.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/staff/staff_week_hours.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {

void StaffStatsView::open(const std::filesystem::path& stateFolder, core::WallTime now, int minCellSessions) {
    close();
    core::StatsRequest request;
    request.now = m_at = now;
    request.days = 30;
    request.minCellSessions = minCellSessions;
    request.top = 5;
    // Read once, on the frame loop, when staff tap the button: a read-only query of a file of a
    // few months takes milliseconds, and no visitor is using the screen meanwhile.
    auto stats = core::computeUsageStats(core::usageDatabasePath(stateFolder), request);
    if (stats) {
        m_stats = std::move(stats.value());
    } else {
        m_error = stats.error().describe();
    }
}

void StaffStatsView::close() {
    m_stats.reset();
    m_error.clear();
    m_page = Page::Overview;
    m_toTop = true;
}

float StaffStatsView::drawTabs(FrameContext& ctx, float x, float y, float width) {
    const Theme& theme = ctx.theme;
    const StaffStrings& words = staffStrings(ctx.languages.front());
    struct Tab {
        Page page;
        const char* id;
        const char* label;
    };
    const std::array<Tab, 3> tabs{{
        {Page::Overview, "staff/stats/page/overview", words.statsPageOverview},
        {Page::Times, "staff/stats/page/times", words.statsPageTimes},
        {Page::Forms, "staff/stats/page/forms", words.statsPageForms},
    }};
    const float gap = theme.em(0.8f);
    // As wide as the widest label needs, the same for all three, and never wider than a third.
    float tabWidth = theme.em(8.0f);
    for (const Tab& tab : tabs) tabWidth = std::max(tabWidth, buttonWidth(ctx, ButtonSpec{tab.id, tab.label, ButtonStyle::Secondary}));
    tabWidth = std::min(tabWidth, (width - 2 * gap) / 3.0f);
    const float height = theme.touchTarget();
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        const Tab& tab = tabs[i];
        const bool current = tab.page == m_page;
        ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (tabWidth + gap), y));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        // The current page's tab is filled, the others outlined: told by shape, not by colour alone.
        if (touchButton(ctx, ButtonSpec{tab.id, tab.label, current ? ButtonStyle::Primary : ButtonStyle::Secondary}, ImVec2(tabWidth, height)) &&
            !current) {
            m_page = tab.page;
            m_toTop = true;
        }
        if (current) ctx.items.record(std::string(tab.id) + "/current", at, ImVec2(at.x + tabWidth, at.y + height));
    }
    return height;
}

bool StaffStatsView::draw(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = theme.em(2.0f);
    const float width = size.x - 2 * margin;
    const float gap = theme.em(0.8f);
    const float pageEnd = theme.em(0.4f);  // room under a page's last line, also when scrolled to its end

    // The way back first, top right, where it is on every screen of the kiosk.
    const ButtonSpec backSpec{"staff/stats/back", words.back, ButtonStyle::Secondary, Icon::Back};
    const float backWidth = buttonWidth(ctx, backSpec);
    ImGui::SetCursorPos(ImVec2(size.x - margin - backWidth, theme.em(1.0f)));
    if (touchButton(ctx, backSpec, ImVec2(backWidth, theme.touchTarget()))) return true;
    const int days = m_stats ? m_stats->days : 30;
    ImGui::SetCursorPos(ImVec2(margin, theme.em(1.0f)));
    drawWrapped(ctx, fonts.display, colors.text, fillPlaceholders(words.statsTitle, {{"days", std::to_string(days)}}), width - backWidth - gap,
                kLabelLineHeight);
    float y = std::max(ImGui::GetCursorPosY(), theme.em(1.0f) + theme.touchTarget()) + gap;

    if (!m_stats) {
        ImGui::SetCursorPos(ImVec2(margin, y));
        drawWrapped(ctx, fonts.bodyBold, colors.failure, std::string(words.statsUnreadable) + " " + m_error, width);
        return false;
    }
    y += drawTabs(ctx, margin, y, width) + gap;

    const std::string note = fillPlaceholders(words.statsSuppressed, {{"k", std::to_string(m_stats->minCellSessions)}});
    const TextLayout layout = layoutText(fonts.small, colors.textMuted, note, width, kLabelLineHeight, ctx.audit);
    const float noteTop = size.y - theme.em(1.0f) - layout.size.y;
    drawTextLayout(*ImGui::GetWindowDrawList(), ImVec2(origin.x + margin, origin.y + noteTop), layout);

    // The page scrolls under the tabs, above the note: whatever does not fit a 720 p display is
    // a drag away, and the way back and to the other pages never moves.
    const float bodyHeight = std::max(noteTop - gap - y, theme.em(4.0f));
    static constexpr std::array<const char*, 3> kAreas{"staff-stats-overview", "staff-stats-times", "staff-stats-forms"};
    ImGui::SetCursorPos(ImVec2(0, y));
    // Its scroll bar in the muted text colour rather than the faint border one: on a touch
    // screen it is the only sign that a page goes on below.
    const scoped::StyleColor grab(ImGuiCol_ScrollbarGrab, colors.textMuted);
    const scoped::StyleColor grabHovered(ImGuiCol_ScrollbarGrabHovered, colors.textMuted);
    const scoped::StyleVar barWidth(ImGuiStyleVar_ScrollbarSize, theme.em(0.6f));
    const scoped::Child area(kAreas[static_cast<std::size_t>(m_page)], ImVec2(size.x, bodyHeight), ImGuiWindowFlags_None);
    if (m_toTop) {
        ImGui::SetScrollY(0.0f);
        m_toTop = false;
    }
    const ImVec2 areaMin = ImGui::GetWindowPos();
    ctx.items.record("staff/stats/scroll-area", areaMin, ImVec2(areaMin.x + size.x, areaMin.y + bodyHeight));
    const ImVec2 top = ImGui::GetCursorScreenPos();  // moves up as the page scrolls
    const ImVec2 at(top.x + margin, top.y);
    float height = 0;
    switch (m_page) {
        case Page::Overview: height = drawStatsOverview(ctx, *m_stats, m_at, at, width); break;
        case Page::Times: height = drawWeekHours(ctx, *m_stats, at, width, bodyHeight - pageEnd); break;
        case Page::Forms: height = drawFunnels(ctx, *m_stats, at, width); break;
    }
    // The pages draw with the draw list; this tells the area how tall they are, so it can scroll.
    ImGui::Dummy(ImVec2(1.0f, height + pageEnd));
    touchScroll(ctx);
    return false;
}

}  // namespace kiosk::ui
