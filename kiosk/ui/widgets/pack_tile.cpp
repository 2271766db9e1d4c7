// Pack tiles are opaque shapes only: translucent shadows cost ~10x in the software renderer.
#include "ui/widgets/pack_tile.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/widgets/icons.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

ImU32 categoryColor(const Palette& colors, core::PackCategory category) {
    switch (category) {
        case core::PackCategory::Egov: return colors.categoryEgov;
        case core::PackCategory::Health: return colors.categoryHealth;
        case core::PackCategory::Hub: break;
    }
    return colors.categoryHub;
}

const char* categoryName(const UiStrings& strings, core::PackCategory category) {
    switch (category) {
        case core::PackCategory::Egov: return strings.categoryEgov;
        case core::PackCategory::Health: return strings.categoryHealth;
        case core::PackCategory::Hub: break;
    }
    return strings.categoryHub;
}

// Draws wrapped text clipped to the card and returns its height.
float drawTextIn(ImDrawList& draw, ImFont* font, ImVec2 pos, float wrapWidth, ImU32 color, const std::string& text,
                 const ImVec4& clip) {
    draw.AddText(font, font->FontSize, pos, color, text.data(), text.data() + text.size(), wrapWidth, &clip);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size()).y;
}

}  // namespace

void drawPackTile(FrameContext& ctx, const core::Pack& pack, ImVec2 size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const std::string itemId = "home/pack/" + pack.id;
    const auto [tapped, pressed, min, max] = tapTarget(ctx, itemId, size);
    if (tapped) ctx.emit<core::OpenPack>(pack.id);

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float radius = theme.cornerRadius() * 1.5f;
    draw.AddRectFilled(min, max, pressed ? colors.surfacePressed : colors.surface, radius);
    draw.AddRect(min, max, colors.border, radius, 0, theme.hairline());
    // A band of the category's colour along the top edge: categories are told apart by colour
    // and by the written category name, never by colour alone.
    const float band = theme.em(0.35f);
    draw.AddRectFilled(min, ImVec2(max.x, min.y + band), categoryColor(colors, pack.category), radius,
                       ImDrawFlags_RoundCornersTop);

    const float padding = theme.em(1.3f);
    const float iconSize = theme.em(4.4f);
    ImVec2 cursor(min.x + padding, min.y + band + padding);
    if (const Texture* icon = ctx.textures.get(pack.tileIcon, static_cast<int>(iconSize))) {
        // Fitted into the square, never stretched: authors' icons are not always square.
        const float scale = iconSize / static_cast<float>(std::max(icon->width, icon->height));
        const ImVec2 fitted(static_cast<float>(icon->width) * scale, static_cast<float>(icon->height) * scale);
        const ImVec2 at(cursor.x + (iconSize - fitted.x) * 0.5f, cursor.y + (iconSize - fitted.y) * 0.5f);
        draw.AddImage(icon->handle, at, ImVec2(at.x + fitted.x, at.y + fitted.y));
    }
    cursor.y += iconSize + theme.em(0.9f);

    const float textWidth = size.x - 2 * padding;
    ImFont* action = theme.fonts().bodyBold;
    const ImVec2 actionPos(min.x + padding, max.y - padding - action->FontSize);
    // Long titles and descriptions are cut above the call to action, never drawn over it.
    const ImVec4 clip(min.x, min.y, max.x - padding * 0.5f, actionPos.y - theme.em(0.3f));
    cursor.y += drawTextIn(draw, theme.fonts().small, cursor, textWidth, colors.textMuted,
                           categoryName(ctx.strings, pack.category), clip) + theme.em(0.2f);
    cursor.y += drawTextIn(draw, theme.fonts().heading, cursor, textWidth, colors.text, pack.title.in(ctx.languages), clip) +
                theme.em(0.4f);
    drawTextIn(draw, theme.fonts().body, cursor, textWidth, colors.textMuted, pack.description.in(ctx.languages), clip);

    // Says in words that the card is something to tap: first-time touch users do not assume it.
    const char* label = ctx.strings.tryIt;
    const float labelWidth = action->CalcTextSizeA(action->FontSize, FLT_MAX, 0.0f, label).x;
    draw.AddText(action, action->FontSize, actionPos, colors.primary, label);
    const float arrowSize = action->FontSize * 0.8f;
    drawIcon(draw, Icon::Forward, ImVec2(actionPos.x + labelWidth + theme.em(0.3f) + arrowSize * 0.5f, actionPos.y + action->FontSize * 0.55f),
             arrowSize, theme.em(0.1f), colors.primary);
}

}  // namespace kiosk::ui
