// Scoped guards have popped every ImGui push on the way out of the failed block, so the frame
// can go on; whatever the block had drawn before it failed is covered by the card.
#include "ui/blocks/block_guard.hpp"

#include <string>

#include "core/util/error.hpp"
#include "core/util/log.hpp"
#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

void drawUnavailableCard(FrameContext& ctx, const BlockPlace& place, ImVec2 origin, std::size_t index) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float padding = theme.em(1.2f);
    const TextLayout text = layoutText(theme.fonts().body, colors.text, ctx.strings.contentUnavailable,
                                       place.width - 2 * padding, kReadingLineHeight, ctx.audit);
    const float height = text.size.y + 2 * padding;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + place.width, origin.y + height);
    drawCard(draw, theme, origin, max, colors.surfaceMuted, colors.border, theme.hairline());
    drawTextLayout(draw, ImVec2(origin.x + padding, origin.y + padding), text);
    ctx.items.record(place.idPrefix() + "/unavailable/" + std::to_string(index), origin, max);
    endBlock(place, origin, height);
}

}  // namespace

void drawBlockGuarded(FrameContext& ctx, const BlockPlace& place, const core::Block& block, std::size_t index,
                      const BlockDrawer& draw) {
    const ImVec2 origin = beginBlock(place);
    try {
        draw(ctx, place, block);
    } catch (...) {
        if (place.memory.failedBlocks.insert(index).second) {
            core::logError("page", "block " + std::to_string(index + 1) + " of page '" + place.page.id +
                                       "' cannot be drawn and is shown as unavailable: " + core::describeCurrentException());
        }
        drawUnavailableCard(ctx, place, origin, index);
    }
}

}  // namespace kiosk::ui
