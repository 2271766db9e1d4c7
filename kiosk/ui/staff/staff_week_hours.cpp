// A heat map that reads at a glance and without telling colours apart: one hue from pale to the
// theme's primary by the shown count over the largest shown one, the count written in every
// square, empty squares plain, hidden ones hatched and saying "<k". Weekdays run down and hours
// across on a landscape display; a portrait one turns the grid, as 24 columns would leave too
// little room for a number.
#include "ui/staff/staff_week_hours.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "ui/staff/staff_chart_parts.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

// In item ids: language-neutral, as `kiosk stats` names them.
constexpr std::array<const char*, 7> kWeekdayIds{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

ImU32 mix(ImU32 from, ImU32 to, float share) {
    const ImVec4 a = ImGui::ColorConvertU32ToFloat4(from);
    const ImVec4 b = ImGui::ColorConvertU32ToFloat4(to);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(a.x + (b.x - a.x) * share, a.y + (b.y - a.y) * share, a.z + (b.z - a.z) * share, 1.0f));
}

// Even the fewest visits get a tint that stands apart from an empty square.
ImU32 shade(const Palette& colors, float share) { return mix(colors.highlight, colors.primary, 0.12f + 0.88f * std::clamp(share, 0.0f, 1.0f)); }

// WCAG's relative luminance: each number is written in whichever of the two text colours
// contrasts more with its square.
float luminance(ImU32 color) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    auto channel = [](float v) { return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * channel(c.x) + 0.7152f * channel(c.y) + 0.0722f * channel(c.z);
}

ImU32 inkOn(const Palette& colors, ImU32 fill) {
    const float l = luminance(fill);
    auto contrast = [l](ImU32 ink) {
        const float li = luminance(ink);
        return (std::max(l, li) + 0.05f) / (std::min(l, li) + 0.05f);
    };
    return contrast(colors.onPrimary) > contrast(colors.text) ? colors.onPrimary : colors.text;
}

std::string twoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// The key under the grid, its entries side by side and wrapped where the width ends.
struct LegendEntry {
    enum class Swatch { Empty, Shades, Hidden } swatch;
    std::string words;
};

struct LegendLayout {
    std::vector<ImVec2> offsets;  // of each entry from the key's top-left corner
    float lineHeight = 0;
    float height = 0;
};

float swatchWidth(const Theme& theme, LegendEntry::Swatch swatch) { return theme.em(swatch == LegendEntry::Swatch::Shades ? 5.0f : 1.0f); }

float entryWidth(const Theme& theme, const LegendEntry& entry) {
    return swatchWidth(theme, entry.swatch) + theme.em(0.4f) + textWidth(theme.fonts().small, entry.words);
}

// Laid out before the grid, which takes what the key leaves of the visible page.
LegendLayout layoutLegend(const Theme& theme, const std::vector<LegendEntry>& entries, float width) {
    LegendLayout layout;
    layout.lineHeight = std::max(theme.em(1.0f), theme.fonts().small->FontSize * kLabelLineHeight) + theme.em(0.4f);
    float x = 0;
    float y = 0;
    for (const LegendEntry& entry : entries) {
        const float needed = entryWidth(theme, entry);
        if (x > 0 && x + needed > width) {
            x = 0;
            y += layout.lineHeight;
        }
        layout.offsets.emplace_back(x, y);
        x += needed + theme.em(1.6f);
    }
    layout.height = y + layout.lineHeight;
    return layout;
}

void drawLegend(FrameContext& ctx, const std::vector<LegendEntry>& entries, const LegendLayout& layout, ImVec2 origin, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float swatch = theme.em(1.0f);
    const float inner = layout.lineHeight - theme.em(0.4f);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LegendEntry& entry = entries[i];
        const ImVec2 at(origin.x + layout.offsets[i].x, origin.y + layout.offsets[i].y);
        const ImVec2 min(at.x, at.y + (inner - swatch) * 0.5f);
        switch (entry.swatch) {
            case LegendEntry::Swatch::Empty:
                draw.AddRectFilled(min, ImVec2(min.x + swatch, min.y + swatch), colors.surface);
                draw.AddRect(min, ImVec2(min.x + swatch, min.y + swatch), colors.border, 0.0f, 0, theme.hairline());
                break;
            case LegendEntry::Swatch::Shades:
                for (int s = 0; s < 5; ++s) {
                    const ImVec2 from(min.x + static_cast<float>(s) * swatch, min.y);
                    draw.AddRectFilled(from, ImVec2(from.x + swatch, from.y + swatch), shade(colors, static_cast<float>(s) / 4.0f));
                }
                break;
            case LegendEntry::Swatch::Hidden: hatchedBox(draw, theme, min, ImVec2(min.x + swatch, min.y + swatch)); break;
        }
        const float textX = at.x + swatchWidth(theme, entry.swatch) + theme.em(0.4f);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(textX, at.y + (inner - fonts.small->FontSize) * 0.5f), entry.words,
                origin.x + width - textX);
    }
}

}  // namespace

float drawWeekHours(FrameContext& ctx, const core::UsageStats& stats, ImVec2 origin, float width, float fitHeight) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const int k = stats.minCellSessions;
    float y = origin.y;
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(origin.x, y), words.statsPerWeekHour, width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.2f);
    const TextLayout lead = layoutText(fonts.small, colors.textMuted, words.statsPerWeekHourLead, width, kLabelLineHeight, ctx.audit);
    drawTextLayout(draw, ImVec2(origin.x, y), lead);
    y += lead.size.y + theme.em(0.6f);

    std::int64_t largest = 0;
    bool anyHidden = false;
    for (const auto& hours : stats.perWeekHour) {
        for (const core::StatsCell& cell : hours) {
            if (cell.suppressed) anyHidden = true;
            if (!cell.suppressed) largest = std::max(largest, cell.value);
        }
    }
    std::vector<LegendEntry> legend{{LegendEntry::Swatch::Empty, words.statsNoVisits}};
    if (largest > 0) legend.push_back({LegendEntry::Swatch::Shades, fillPlaceholders(words.statsScale, {{"max", std::to_string(largest)}})});
    if (anyHidden) legend.push_back({LegendEntry::Swatch::Hidden, fillPlaceholders(words.statsHiddenCell, {{"k", std::to_string(k)}})});

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool turned = display.y > display.x;
    const int across = turned ? 7 : 24;
    const int down = turned ? 24 : 7;
    const float labelColumn = theme.em(turned ? 3.6f : 2.8f);
    const float cellWidth = (width - labelColumn) / static_cast<float>(across);
    const float axisHeight = fonts.small->FontSize * kLabelLineHeight + theme.em(0.2f);
    const LegendLayout key = layoutLegend(theme, legend, width);
    const float spare = fitHeight - (y - origin.y) - axisHeight - theme.em(0.6f) - key.height;
    const float rowHeight = std::clamp(spare / static_cast<float>(down), theme.em(turned ? 1.3f : 1.6f), theme.em(3.0f));

    // Axis labels: hours across (or weekdays, turned), the other down the left.
    auto hourLabel = [&](int hour) { return turned ? std::to_string(hour) + ":00" : std::to_string(hour); };
    const float gridLeft = origin.x + labelColumn;
    for (int c = 0; c < across; ++c) {
        const std::string label = turned ? std::string(words.weekdays[c]) : hourLabel(c);
        const float w = textWidth(fonts.small, label);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(gridLeft + (static_cast<float>(c) + 0.5f) * cellWidth - w * 0.5f, y), label, cellWidth);
    }
    y += axisHeight;
    for (int r = 0; r < down; ++r) {
        const std::string label = turned ? hourLabel(r) : std::string(words.weekdays[r]);
        ImFont* font = turned ? fonts.small : fonts.bodyBold;
        labelAt(ctx, font, turned ? colors.textMuted : colors.text, ImVec2(origin.x, y + (static_cast<float>(r) + 0.5f) * rowHeight - font->FontSize * 0.5f),
                label, labelColumn - theme.em(0.3f));
    }

    const float inset = std::max(theme.hairline(), theme.em(0.06f));
    for (int day = 0; day < 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const core::StatsCell& cell = stats.perWeekHour[day][hour];
            const int c = turned ? day : hour;
            const int r = turned ? hour : day;
            const ImVec2 min(gridLeft + static_cast<float>(c) * cellWidth + inset, y + static_cast<float>(r) * rowHeight + inset);
            const ImVec2 max(gridLeft + static_cast<float>(c + 1) * cellWidth - inset, y + static_cast<float>(r + 1) * rowHeight - inset);
            const std::string id = std::string("staff/stats/week-hour/") + kWeekdayIds[day] + "/" + twoDigits(hour);
            ctx.items.record(id, min, max);
            if (!cell.suppressed && cell.value == 0) {
                draw.AddRectFilled(min, max, colors.surface);
                draw.AddRect(min, max, colors.border, 0.0f, 0, theme.hairline());
                continue;
            }
            const std::string value = shownCount(cell, k);
            const float w = textWidth(fonts.small, value);
            const ImVec2 at((min.x + max.x - w) * 0.5f, (min.y + max.y - fonts.small->FontSize) * 0.5f);
            ImU32 ink = colors.text;
            if (cell.suppressed) {
                // The same size and the same hatching whatever it hides; its "<k" on a plain patch.
                hatchedBox(draw, theme, min, max);
                const float pad = theme.em(0.2f);
                draw.AddRectFilled(ImVec2(at.x - pad, at.y), ImVec2(at.x + w + pad, at.y + fonts.small->FontSize), colors.surface);
            } else {
                const ImU32 fill = shade(colors, static_cast<float>(cell.value) / static_cast<float>(std::max<std::int64_t>(largest, 1)));
                draw.AddRectFilled(min, max, fill);
                ink = inkOn(colors, fill);
            }
            labelAt(ctx, fonts.small, ink, at, value, max.x - min.x);
            ctx.items.record(id + "/value/" + value, min, max);
        }
    }
    y += static_cast<float>(down) * rowHeight + theme.em(0.6f);
    drawLegend(ctx, legend, key, ImVec2(origin.x, y), width);
    return y + key.height - origin.y;
}

}  // namespace kiosk::ui
