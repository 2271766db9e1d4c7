// A heading is one wrapped line or two in the heading font; a text block is rich text.
#include "ui/blocks/text_blocks.hpp"

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/rich_text.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {

void drawHeadingBlock(FrameContext& ctx, const BlockPlace& place, const core::HeadingBlock& block) {
    ImGui::SetCursorPosX(place.x);
    drawWrapped(ctx, ctx.theme.fonts().heading, ctx.theme.colors().text, block.text.in(ctx.languages), place.width,
                kLabelLineHeight);
}

void drawTextBlock(FrameContext& ctx, const BlockPlace& place, const core::TextBlock& block) {
    // Text blocks have no id of their own; the block's address is stable while the pack is loaded
    // and keeps the links of two text blocks apart.
    scoped::Id scope(static_cast<const void*>(&block));
    ImGui::SetCursorPosX(place.x);
    drawRichText(ctx, block.text.in(ctx.languages), place.width, place.idPrefix());
}

}  // namespace kiosk::ui
