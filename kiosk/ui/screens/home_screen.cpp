// Home layout: top bar, welcome headline, then a grid of pack tiles that scrolls if it must.
#include "ui/screens/home_screen.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/pack_tile.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

void drawNoContent(FrameContext& ctx, float width) {
    const Theme& theme = ctx.theme;
    drawWrapped(ctx, theme.fonts().heading, theme.colors().text, ctx.strings.noContentTitle, width, kLabelLineHeight);
    ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    drawWrapped(ctx, theme.fonts().body, theme.colors().textMuted, ctx.strings.noContentBody, width);
}

}  // namespace

void drawHomeScreen(FrameContext& ctx, bool justArrived) {
    const Theme& theme = ctx.theme;
    drawTopBar(ctx, ctx.strings.homeTitle, TopBarLeft::EndVisit);

    const float margin = theme.em(2.0f);
    const ImVec2 area = ImGui::GetContentRegionAvail();
    scoped::Child scroll("home", area, 0);
    if (justArrived) ImGui::SetScrollY(0.0f);
    const float width = ImGui::GetContentRegionAvail().x - 2 * margin;

    ImGui::SetCursorPos(ImVec2(margin, margin));
    drawWrapped(ctx, theme.fonts().display, theme.colors().text, ctx.strings.welcome, width, kLabelLineHeight);
    ImGui::SetCursorPosX(margin);
    drawWrapped(ctx, theme.fonts().body, theme.colors().textMuted, ctx.strings.homeSubtitle, width);
    ImGui::Dummy(ImVec2(0, theme.em(1.0f)));

    const auto& packs = ctx.nav.library().packs;
    if (packs.empty()) {
        ImGui::SetCursorPosX(margin);
        drawNoContent(ctx, width);
        touchScroll(ctx);
        return;
    }
    const float gap = theme.em(1.2f);
    const int columns = std::clamp(static_cast<int>((width + gap) / (theme.em(18.0f) + gap)), 1, 4);
    const float tileWidth = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // One height for all tiles, the tallest one's: a calm grid, and no description cut short.
    float tileHeight = theme.em(16.5f);
    for (const core::Pack& pack : packs) tileHeight = std::max(tileHeight, packTileHeight(ctx, pack, tileWidth));
    const ImVec2 tileSize(tileWidth, tileHeight);
    const float top = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < packs.size(); ++i) {
        const auto column = static_cast<float>(i % static_cast<std::size_t>(columns));
        const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
        ImGui::SetCursorPos(ImVec2(margin + column * (tileWidth + gap), top + row * (tileSize.y + gap)));
        drawPackTile(ctx, packs[i], tileSize);
    }
    ImGui::Dummy(ImVec2(0, margin));
    touchScroll(ctx);
}

}  // namespace kiosk::ui
