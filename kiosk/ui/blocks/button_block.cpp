// Drawn here rather than with touchButton: a content button's label may need two lines on a
// narrow screen, and a cut-off label would hide where the button leads.
#include "ui/blocks/button_block.hpp"

#include <algorithm>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {

void drawButtonBlock(FrameContext& ctx, const BlockPlace& place, const core::ButtonBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const bool primary = block.style == core::ButtonBlock::Style::Primary;
    const ImU32 ink = primary ? colors.onPrimary : colors.primary;
    ImFont* font = theme.fonts().bodyBold;
    const std::string& label = block.label.in(ctx.languages);

    const float padding = theme.em(1.3f);
    const float icon = theme.em(1.0f);
    const float gap = theme.em(0.5f);
    const float chrome = 2 * padding + icon + gap;
    const float natural = textWidth(font, label) + chrome;
    // Wide enough to be an obvious target even with a one-word label, never wider than the column.
    const float width = std::clamp(natural, std::min(theme.em(14.0f), place.width), place.width);
    const TextLayout text = layoutText(font, ink, label, width - chrome, kLabelLineHeight, ctx.audit);
    const float height = std::max(theme.touchTarget(), text.size.y + theme.em(1.3f));

    const ImVec2 origin = beginBlock(place);
    const auto [tapped, pressed, min, max] = tapTarget(ctx, place.idPrefix() + "/button/" + block.id, ImVec2(width, height));
    ctx.items.describeLast(std::string(label), ItemRole::Button);
    if (tapped) {
        if (!block.targetFlow.empty()) {
            ctx.emit<core::StartFlow>(block.targetFlow);
        } else {
            ctx.emit<core::OpenPage>(block.targetPage);
        }
    }
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    if (primary) {
        drawCard(draw, theme, min, max, pressed ? colors.primaryPressed : colors.primary, colors.primary, 0);
    } else {
        drawCard(draw, theme, min, max, pressed ? colors.surfacePressed : colors.surface, colors.primary, theme.hairline() * 2);
    }
    const float contentWidth = text.size.x + gap + icon;
    const float left = min.x + (width - contentWidth) * 0.5f;
    const float middle = min.y + height * 0.5f;
    drawTextLayout(draw, ImVec2(left, middle - text.size.y * 0.5f), text);
    drawPictogram(draw, Pictogram::ChevronRight, ImVec2(left + text.size.x + gap + icon * 0.5f, middle), icon, ink,
                  primary ? colors.primary : colors.surface);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
