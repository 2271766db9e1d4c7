// Pack tiles are opaque shapes only: translucent shadows cost ~10x in the software renderer.
#include "ui/widgets/pack_tile.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/render_audit.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {

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

namespace {

// The tile's words, measured once for its width: the home screen sizes every tile to the tallest,
// so no description is ever cut.
struct TileText {
    TextLayout category;
    TextLayout title;
    TextLayout description;
};

struct TileMetrics {
    float band, padding, iconSize, iconGap, categoryGap, titleGap, actionGap;
};

TileMetrics tileMetrics(const Theme& theme) {
    return TileMetrics{theme.em(0.35f), theme.em(1.3f), theme.em(4.4f), theme.em(0.9f),
                       theme.em(0.2f),  theme.em(0.4f), theme.em(1.0f)};
}

TileText layoutTileText(const FrameContext& ctx, const core::Pack& pack, float textWidth) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    return TileText{
        layoutText(theme.fonts().small, colors.textMuted, categoryName(ctx.strings, pack.category), textWidth,
                   kLabelLineHeight, ctx.audit),
        layoutText(theme.fonts().heading, colors.text, pack.title.in(ctx.languages), textWidth, kLabelLineHeight, ctx.audit),
        layoutText(theme.fonts().body, colors.textMuted, pack.description.in(ctx.languages), textWidth, kReadingLineHeight,
                   ctx.audit)};
}

// From the top of the tile to the bottom of the description.
float textBottom(const TileMetrics& m, const TileText& text) {
    return m.band + m.padding + m.iconSize + m.iconGap + text.category.size.y + m.categoryGap + text.title.size.y +
           m.titleGap + text.description.size.y;
}

}  // namespace

float packTileHeight(const FrameContext& ctx, const core::Pack& pack, float width) {
    const TileMetrics m = tileMetrics(ctx.theme);
    // Measuring only: the frame's audit hears of this text when the tile is drawn.
    FrameContext quiet = ctx;
    quiet.audit = nullptr;
    const TileText text = layoutTileText(quiet, pack, width - 2 * m.padding);
    return textBottom(m, text) + m.actionGap + ctx.theme.fonts().bodyBold->FontSize + m.padding;
}

void drawPackTile(FrameContext& ctx, const core::Pack& pack, ImVec2 size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const TileMetrics m = tileMetrics(theme);
    const std::string itemId = "home/pack/" + pack.id;
    const auto [tapped, pressed, min, max] = tapTarget(ctx, itemId, size);
    ctx.items.describeLast(pack.title.in(ctx.languages) + ". " + pack.description.in(ctx.languages), ItemRole::Button);
    if (tapped) ctx.emit<core::OpenPack>(pack.id);

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float radius = theme.cornerRadius() * 1.5f;
    draw.AddRectFilled(min, max, pressed ? colors.surfacePressed : colors.surface, radius);
    draw.AddRect(min, max, colors.border, radius, 0, theme.hairline());
    // A band of the category's colour along the top edge: categories are told apart by colour
    // and by the written category name, never by colour alone.
    draw.AddRectFilled(min, ImVec2(max.x, min.y + m.band), categoryColor(colors, pack.category), radius,
                       ImDrawFlags_RoundCornersTop);

    ImVec2 cursor(min.x + m.padding, min.y + m.band + m.padding);
    if (const Texture* icon = ctx.textures.get(pack.tileIcon, static_cast<int>(m.iconSize))) {
        // Fitted into the square, never stretched: authors' icons are not always square.
        const float scale = m.iconSize / static_cast<float>(std::max(icon->width, icon->height));
        const ImVec2 fitted(static_cast<float>(icon->width) * scale, static_cast<float>(icon->height) * scale);
        const ImVec2 at(cursor.x + (m.iconSize - fitted.x) * 0.5f, cursor.y + (m.iconSize - fitted.y) * 0.5f);
        draw.AddImage(icon->handle, at, ImVec2(at.x + fitted.x, at.y + fitted.y));
    }
    cursor.y += m.iconSize + m.iconGap;

    const TileText text = layoutTileText(ctx, pack, size.x - 2 * m.padding);
    ImFont* action = theme.fonts().bodyBold;
    const ImVec2 actionPos(min.x + m.padding, max.y - m.padding - action->FontSize);
    // The home screen makes tiles tall enough; should one still be short (a text measured
    // differently), it is cut above the call to action, never drawn over it, and reported.
    const float clipBottom = actionPos.y - theme.em(0.3f);
    if (ctx.audit && min.y + textBottom(m, text) > clipBottom) {
        ctx.audit->noteOverflow(pack.description.in(ctx.languages), textBottom(m, text), clipBottom - min.y);
    }
    {
        const scoped::DrawClip clip(draw, min, ImVec2(max.x - m.padding * 0.5f, clipBottom));
        drawTextLayout(draw, cursor, text.category);
        cursor.y += text.category.size.y + m.categoryGap;
        drawTextLayout(draw, cursor, text.title);
        cursor.y += text.title.size.y + m.titleGap;
        drawTextLayout(draw, cursor, text.description);
    }

    // Says in words that the card is something to tap: first-time touch users do not assume it.
    const char* label = ctx.strings.tryIt;
    const float labelWidth = checkLabel(ctx, action, label, size.x - 2 * m.padding);
    draw.AddText(action, action->FontSize, actionPos, colors.primary, label);
    const float arrowSize = action->FontSize * 0.8f;
    drawIcon(draw, Icon::Forward, ImVec2(actionPos.x + labelWidth + theme.em(0.3f) + arrowSize * 0.5f, actionPos.y + action->FontSize * 0.55f),
             arrowSize, theme.em(0.1f), colors.primary);
}

}  // namespace kiosk::ui
