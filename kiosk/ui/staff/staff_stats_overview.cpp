// Key figures side by side, then a column per day of the period, then two lists of bars.
#include "ui/staff/staff_stats_overview.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ui/access_strings.hpp"
#include "ui/staff/staff_chart_parts.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

// The local dates ("YYYY-MM-DD", as `kiosk stats` names its days) of the period, oldest first,
// so days without visits keep their place on the axis. Counted by calendar (mktime at noon)
// rather than by subtracting 24 h, which skips or repeats a date where daylight saving changes.
// Rows the statistics have on a date outside it (the clock moved) are kept, not dropped.
std::vector<std::string> periodDates(core::WallTime now, int days, const std::vector<core::StatsRow>& perDay) {
    std::set<std::string> dates;
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm today{};
    localtime_r(&t, &today);
    for (int back = 0; back <= days; ++back) {
        std::tm day = today;
        day.tm_mday -= back;
        day.tm_hour = 12;
        day.tm_min = day.tm_sec = 0;
        day.tm_isdst = -1;
        const std::time_t noon = std::mktime(&day);
        std::tm normalized{};
        localtime_r(&noon, &normalized);
        char text[16];
        std::strftime(text, sizeof text, "%Y-%m-%d", &normalized);
        dates.insert(text);
    }
    for (const core::StatsRow& row : perDay) dates.insert(row.name);
    return {dates.begin(), dates.end()};
}

// A column per date, a filled bar per day with visits. Returns the height it took.
float drawPerDay(FrameContext& ctx, const core::UsageStats& stats, core::WallTime periodEnd, ImVec2 origin, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const int k = stats.minCellSessions;
    const float left = origin.x;
    float y = origin.y;
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(left, y), words.statsPerDay, width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.3f);
    const std::vector<std::string> dates = periodDates(periodEnd, stats.days, stats.perDay);
    const float slot = width / static_cast<float>(std::max<std::size_t>(dates.size(), 1));
    const float barWidth = std::max(slot * 0.7f, theme.hairline());
    const float valueHeight = fonts.small->FontSize * kLabelLineHeight;
    const float chartHeight = theme.em(6.0f);
    const float baseline = y + valueHeight + chartHeight;
    std::int64_t largest = 1;
    for (const core::StatsRow& row : stats.perDay) {
        if (!row.sessions.suppressed) largest = std::max(largest, row.sessions.value);
    }
    draw.AddLine(ImVec2(left, baseline), ImVec2(left + width, baseline), colors.border, theme.hairline());
    std::string lastMonth;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const std::string& date = dates[i];
        const float sx = left + static_cast<float>(i) * slot;
        const float bx = sx + (slot - barWidth) * 0.5f;
        // Day of the month under every slot; the month under the first one and where it changes.
        const std::string dayOfMonth = date.size() == 10 ? std::to_string(std::stoi(date.substr(8, 2))) : date;
        const float dayWidth = textWidth(fonts.small, dayOfMonth);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(sx + (slot - dayWidth) * 0.5f, baseline + theme.em(0.2f)), dayOfMonth, slot);
        const std::string month = date.size() == 10 ? date.substr(5, 2) + "/" + date.substr(0, 4) : "";
        if (month != lastMonth) {
            // Wider than a slot: a month that begins in the last slots ends at the chart's edge.
            const float mx = std::min(sx, left + width - textWidth(fonts.small, month));
            labelAt(ctx, fonts.small, colors.textMuted, ImVec2(mx, baseline + theme.em(0.2f) + valueHeight), month, left + width - mx);
            lastMonth = month;
        }
        const auto row = std::find_if(stats.perDay.begin(), stats.perDay.end(), [&](const core::StatsRow& r) { return r.name == date; });
        if (row == stats.perDay.end()) continue;
        // A hidden day stands at one fixed height whatever it hides (a secondarily hidden one may
        // be large): tall enough that the hatching reads as "not shown", never as a measured few.
        const float barHeight = std::max(theme.hairline() * 2.0f, chartHeight * static_cast<float>(row->sessions.value) / static_cast<float>(largest));
        const float top = baseline - (row->sessions.suppressed ? std::min(chartHeight, theme.em(2.5f)) : barHeight);
        if (row->sessions.suppressed) {
            hatchedBox(draw, theme, ImVec2(bx, top), ImVec2(bx + barWidth, baseline));
        } else {
            draw.AddRectFilled(ImVec2(bx, top), ImVec2(bx + barWidth, baseline), colors.primary);
        }
        const std::string value = shownCount(row->sessions, k);
        const float valueWidth = textWidth(fonts.small, value);
        labelAt(ctx, fonts.small, colors.text, ImVec2(sx + (slot - valueWidth) * 0.5f, top - valueHeight), value, slot);
        // The registry is also the screen's map for speech output: what a bar says is in its id.
        ctx.items.record("staff/stats/day/" + date, ImVec2(sx, y), ImVec2(sx + slot, baseline));
        ctx.items.record("staff/stats/day/" + date + "/value/" + value, ImVec2(sx, top - valueHeight), ImVec2(sx + slot, top));
    }
    return baseline + theme.em(0.2f) + 2 * valueHeight - origin.y;
}

// A title over one horizontal bar per row. Returns the height it took.
float drawBarList(FrameContext& ctx, const char* title, const char* kind, const std::vector<core::StatsRow>& rows, int k, ImVec2 origin,
                  float width) {
    const Theme& theme = ctx.theme;
    const Fonts& fonts = theme.fonts();
    float y = origin.y;
    labelAt(ctx, fonts.bodyBold, theme.colors().text, ImVec2(origin.x, y), title, width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.3f);
    if (rows.empty()) {
        labelAt(ctx, fonts.body, theme.colors().textMuted, ImVec2(origin.x, y), staffStrings(ctx.languages.front()).statsNone, width);
        return y + fonts.body->FontSize * kLabelLineHeight - origin.y;
    }
    const BarColumns columns{width * 0.38f, width * 0.62f - theme.em(3.5f) - theme.em(0.8f), theme.em(3.5f)};
    std::int64_t most = 1;
    for (const core::StatsRow& row : rows) {
        if (!row.sessions.suppressed) most = std::max(most, row.sessions.value);
    }
    for (const core::StatsRow& row : rows) {
        y += drawBarRow(ctx, ImVec2(origin.x, y), BarRow{std::string("staff/stats/") + kind + "/" + row.name, row.name, row.sessions}, columns, most, k);
    }
    return y - origin.y;
}

// The features by the names the visitor's menu gives them, not their stored ids.
std::vector<core::StatsRow> featureRows(const FrameContext& ctx, std::vector<core::StatsRow> rows) {
    const AccessStrings& words = accessStrings(ctx.languages);
    for (core::StatsRow& row : rows) {
        if (row.name == "speech-guidance") {
            row.name = words.nonVisualMode;
        } else if (row.name == "high-contrast") {
            row.name = words.highContrast;
        } else if (row.name.starts_with("text-")) {
            row.name = std::string(words.textSize) + " " + row.name.substr(5) + " %";
        } else if (row.name == "low-mode") {
            row.name = words.lowMode;
        } else if (row.name == "more-time") {
            row.name = words.moreTime;
        }
    }
    return rows;
}

}  // namespace

float drawStatsOverview(FrameContext& ctx, const core::UsageStats& stats, core::WallTime periodEnd, ImVec2 origin, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    const int k = stats.minCellSessions;
    const float gap = theme.em(0.8f);
    float y = origin.y;

    // Three key numbers side by side; in the registry as what they are, so speech can say them.
    const std::array<std::pair<const char*, std::string>, 3> totals{{
        {words.statsSessions, "staff/stats/sessions/value/" + shownCount(stats.sessions, k)},
        {words.statsAverage, "staff/stats/average/length/" + visitLength(stats.averageSeconds, k)},
        {words.statsMedian, "staff/stats/median/length/" + visitLength(stats.medianSeconds, k)},
    }};
    const std::array<std::string, 3> shown{shownCount(stats.sessions, k), visitLength(stats.averageSeconds, k), visitLength(stats.medianSeconds, k)};
    const float column = (width - 2 * gap) / 3.0f;
    const float labelHeight = fonts.small->FontSize * kLabelLineHeight;
    const float valueHeight = fonts.heading->FontSize * kLabelLineHeight;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const float cx = origin.x + static_cast<float>(i) * (column + gap);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(cx, y), totals[i].first, column);
        const float w = labelAt(ctx, fonts.heading, colors.text, ImVec2(cx, y + labelHeight), shown[i], column);
        ctx.items.record(totals[i].second, ImVec2(cx, y + labelHeight), ImVec2(cx + w, y + labelHeight + valueHeight));
    }
    y += labelHeight + valueHeight + gap;

    y += drawPerDay(ctx, stats, periodEnd, ImVec2(origin.x, y), width) + gap;

    // Top packs and languages in two columns.
    const float packsWidth = (width - 2 * gap) * 0.6f;
    float packs = drawBarList(ctx, words.statsPacks, "pack", stats.packs, k, ImVec2(origin.x, y), packsWidth);
    // Under the packs, where their names have room: whether visitors find the accessibility
    // features (only counts of visits).
    if (!stats.accessibility.empty()) {
        packs += gap;
        packs += drawBarList(ctx, words.statsAccessibility, "accessibility", featureRows(ctx, stats.accessibility), k,
                             ImVec2(origin.x, y + packs), packsWidth);
    }
    const float languages = drawBarList(ctx, words.statsLanguages, "language", stats.languages, k, ImVec2(origin.x + packsWidth + 2 * gap, y),
                                        width - packsWidth - 2 * gap);
    return y + std::max(packs, languages) - origin.y;
}

}  // namespace kiosk::ui
