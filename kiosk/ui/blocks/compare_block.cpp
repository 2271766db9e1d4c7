// The two sides differ in fill, border and label colour, and each says in words which side it is
// (the author's labels), so the difference never rests on colour alone.
#include "ui/blocks/compare_block.hpp"

#include <algorithm>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

struct SideLayout {
    TextLayout label;
    TextLayout text;
    float height(const Theme& theme, float padding) const {
        return padding * 2 + label.size.y + theme.em(0.4f) + text.size.y;
    }
};

SideLayout layoutSide(FrameContext& ctx, const core::CompareSide& side, float innerWidth, bool after) {
    const Theme& theme = ctx.theme;
    return SideLayout{layoutText(theme.fonts().bodyBold, after ? theme.colors().primary : theme.colors().textMuted,
                                 side.label.in(ctx.languages), innerWidth, kLabelLineHeight, ctx.audit),
                      layoutText(theme.fonts().body, theme.colors().text, side.text.in(ctx.languages), innerWidth,
                                 kReadingLineHeight, ctx.audit)};
}

void drawSide(FrameContext& ctx, ImDrawList& draw, const SideLayout& side, ImVec2 min, ImVec2 max, float padding, bool after) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    if (after) {
        drawCard(draw, theme, min, max, colors.highlight, colors.primary, theme.em(0.1f));
    } else {
        drawCard(draw, theme, min, max, colors.surfaceMuted, colors.surfaceMuted, 0);
    }
    drawTextLayout(draw, ImVec2(min.x + padding, min.y + padding), side.label);
    drawTextLayout(draw, ImVec2(min.x + padding, min.y + padding + side.label.size.y + theme.em(0.4f)), side.text);
}

}  // namespace

void drawCompareBlock(FrameContext& ctx, const BlockPlace& place, const core::CompareBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float padding = theme.em(1.1f);
    const float gap = theme.em(1.4f);
    const float badge = theme.em(2.0f);
    const bool sideBySide = place.width >= theme.em(24.0f);

    const float cardWidth = sideBySide ? (place.width - gap) * 0.5f : place.width;
    const SideLayout before = layoutSide(ctx, block.before, cardWidth - 2 * padding, false);
    const SideLayout after = layoutSide(ctx, block.after, cardWidth - 2 * padding, true);

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    float height = 0;
    ImVec2 badgeCenter;
    Pictogram arrow = Pictogram::ArrowRight;
    if (sideBySide) {
        // Equal heights: the two sides are read as a pair.
        height = std::max(before.height(theme, padding), after.height(theme, padding));
        drawSide(ctx, draw, before, origin, ImVec2(origin.x + cardWidth, origin.y + height), padding, false);
        const float afterX = origin.x + cardWidth + gap;
        drawSide(ctx, draw, after, ImVec2(afterX, origin.y), ImVec2(afterX + cardWidth, origin.y + height), padding, true);
        badgeCenter = ImVec2(origin.x + cardWidth + gap * 0.5f, origin.y + height * 0.5f);
    } else {
        const float beforeHeight = before.height(theme, padding);
        const float afterTop = origin.y + beforeHeight + gap;
        drawSide(ctx, draw, before, origin, ImVec2(origin.x + cardWidth, origin.y + beforeHeight), padding, false);
        height = beforeHeight + gap + after.height(theme, padding);
        drawSide(ctx, draw, after, ImVec2(origin.x, afterTop), ImVec2(origin.x + cardWidth, origin.y + height), padding, true);
        badgeCenter = ImVec2(origin.x + cardWidth * 0.5f, origin.y + beforeHeight + gap * 0.5f);
        arrow = Pictogram::ArrowDown;
    }
    // The arrow sits on the seam between the cards, in a ring of the page colour that separates it.
    draw.AddCircleFilled(badgeCenter, badge * 0.5f + theme.em(0.2f), colors.background, 32);
    drawBadge(draw, arrow, badgeCenter, badge, colors.primary, colors.onPrimary);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
