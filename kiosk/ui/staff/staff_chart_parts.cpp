// Shared pieces of the staff statistics pages; sizes from the theme, colours from its palette.
#include "ui/staff/staff_chart_parts.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {

std::string shownCount(const core::StatsCell& cell, int k) {
    return cell.suppressed ? "<" + std::to_string(k) : std::to_string(cell.value);
}

std::string visitLength(const core::StatsCell& cell, int k) {
    if (cell.suppressed) return "<" + std::to_string(k);
    const std::int64_t minutes = cell.value / 60;
    const std::int64_t seconds = cell.value % 60;
    if (minutes == 0) return std::to_string(seconds) + " s";
    return std::to_string(minutes) + " min " + (seconds < 10 ? "0" : "") + std::to_string(seconds) + " s";
}

void hatchedBox(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max) {
    const Palette& colors = theme.colors();
    draw.AddRectFilled(min, max, colors.surfaceMuted);
    {
        scoped::DrawClip clip(draw, min, max);
        const float step = theme.em(0.5f);
        const float height = max.y - min.y;
        for (float x = min.x - height; x < max.x; x += step) {
            draw.AddLine(ImVec2(x, max.y), ImVec2(x + height, min.y), colors.textMuted, theme.hairline());
        }
    }
    draw.AddRect(min, max, colors.textMuted, 0.0f, 0, theme.hairline() * 2.0f);
}

float labelAt(const FrameContext& ctx, ImFont* font, ImU32 color, ImVec2 at, const std::string& text, float available) {
    const float width = checkLabel(ctx, font, text, available);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at, color, text.data(), text.data() + text.size());
    return width;
}

float barRowHeight(const Theme& theme) { return theme.fonts().body->FontSize * kLabelLineHeight + theme.em(0.3f); }

float drawBarRow(FrameContext& ctx, ImVec2 at, const BarRow& row, const BarColumns& columns, std::int64_t largest, int k) {
    const Theme& theme = ctx.theme;
    const Fonts& fonts = theme.fonts();
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float height = barRowHeight(theme);
    const float gap = theme.em(0.8f);
    labelAt(ctx, fonts.body, colors.text, at, ellipsized(fonts.body, row.name, columns.name - gap), columns.name);
    const float barX = at.x + columns.name;
    // Hidden rows get one fixed length, as hidden days get one height.
    const float length = row.value.suppressed ? std::min(columns.bars, theme.em(3.0f))
                                              : std::max(theme.hairline() * 2.0f, columns.bars * static_cast<float>(row.value.value) /
                                                                                     static_cast<float>(std::max<std::int64_t>(largest, 1)));
    const ImVec2 barMin(barX, at.y + theme.em(0.15f));
    const ImVec2 barMax(barX + length, at.y + height - theme.em(0.45f));
    if (row.value.suppressed) {
        hatchedBox(draw, theme, barMin, barMax);
    } else {
        draw.AddRectFilled(barMin, barMax, colors.primary);
    }
    const std::string value = shownCount(row.value, k);
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(barMax.x + theme.em(0.4f), at.y), value, columns.value);
    const float right = barX + columns.bars + columns.value;
    ctx.items.record(row.itemId, at, ImVec2(right, at.y + height));
    ctx.items.record(row.itemId + "/value/" + value, ImVec2(barMax.x, at.y), ImVec2(barMax.x + columns.value, at.y + height));
    return height;
}

}  // namespace kiosk::ui
