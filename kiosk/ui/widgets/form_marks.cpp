// Filled shapes only (circles, rects, one thick stroke for the tick): cheap and crisp in software.
#include "ui/widgets/form_marks.hpp"

#include "ui/theme.hpp"

namespace kiosk::ui {

void drawTick(ImDrawList& draw, ImVec2 center, float size, float thickness, ImU32 color) {
    draw.PathLineTo(ImVec2(center.x - size * 0.3f, center.y + size * 0.02f));
    draw.PathLineTo(ImVec2(center.x - size * 0.08f, center.y + size * 0.24f));
    draw.PathLineTo(ImVec2(center.x + size * 0.32f, center.y - size * 0.22f));
    draw.PathStroke(color, 0, thickness);
}

void drawPlusMinus(ImDrawList& draw, ImVec2 center, float size, float thickness, ImU32 color, bool plus) {
    const float half = size * 0.5f;
    const float bar = thickness * 0.5f;
    draw.AddRectFilled(ImVec2(center.x - half, center.y - bar), ImVec2(center.x + half, center.y + bar), color);
    if (plus) draw.AddRectFilled(ImVec2(center.x - bar, center.y - half), ImVec2(center.x + bar, center.y + half), color);
}

void drawRadio(const Theme& theme, ImDrawList& draw, ImVec2 center, float size, bool chosen) {
    const Palette& colors = theme.colors();
    const float radius = size * 0.5f;
    draw.AddCircleFilled(center, radius, chosen ? colors.primary : colors.textMuted, 32);
    draw.AddCircleFilled(center, radius - theme.em(0.12f), colors.surface, 32);
    if (chosen) draw.AddCircleFilled(center, radius * 0.5f, colors.primary, 24);
}

void drawCheckBox(const Theme& theme, ImDrawList& draw, ImVec2 min, float size, bool ticked) {
    const Palette& colors = theme.colors();
    const ImVec2 max(min.x + size, min.y + size);
    const float radius = size * 0.18f;
    if (ticked) {
        draw.AddRectFilled(min, max, colors.primary, radius);
        drawTick(draw, ImVec2(min.x + size * 0.5f, min.y + size * 0.5f), size, theme.em(0.16f), colors.onPrimary);
    } else {
        const float border = theme.em(0.12f);
        draw.AddRectFilled(min, max, colors.textMuted, radius);
        draw.AddRectFilled(ImVec2(min.x + border, min.y + border), ImVec2(max.x - border, max.y - border), colors.surface,
                           radius * 0.6f);
    }
}

void drawProblemMark(const Theme& theme, ImDrawList& draw, ImVec2 center, float size) {
    const Palette& colors = theme.colors();
    draw.AddCircleFilled(center, size * 0.5f, colors.text, 24);
    const float bar = size * 0.06f;
    draw.AddRectFilled(ImVec2(center.x - bar, center.y - size * 0.28f), ImVec2(center.x + bar, center.y + size * 0.08f),
                       colors.onPrimary);
    draw.AddRectFilled(ImVec2(center.x - bar, center.y + size * 0.16f), ImVec2(center.x + bar, center.y + size * 0.28f),
                       colors.onPrimary);
}

}  // namespace kiosk::ui
