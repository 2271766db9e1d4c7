// Page layout: one centred column (about 65 characters wide), blocks top to bottom.
#include "ui/screens/page_screen.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/top_bar.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

struct Column {
    float x;      // local x where the column starts
    float width;
};

void drawImage(FrameContext& ctx, const core::Picture& image, const Column& column, float maxHeight) {
    const Theme& theme = ctx.theme;
    const Texture* texture = ctx.textures.get(image.file, static_cast<int>(column.width));
    ImGui::SetCursorPosX(column.x);
    if (!texture) {
        // The picture is gone but its meaning is not: show the alt text in its place, in a box
        // measured to hold it.
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const float inner = column.width - theme.em(2.0f);
        const std::string& alt = image.alt.in(ctx.languages);
        auto heightOf = [inner](const ImFont* font, const char* text, const char* end) {
            return font->CalcTextSizeA(font->FontSize, FLT_MAX, inner, text, end).y;
        };
        const float textHeight = heightOf(theme.fonts().small, ctx.strings.imageUnavailable, nullptr) +
                                 heightOf(theme.fonts().body, alt.data(), alt.data() + alt.size()) + theme.em(0.3f);
        const ImVec2 size(column.width, std::max(theme.em(6.0f), textHeight + theme.em(2.0f)));
        ImDrawList& draw = *ImGui::GetWindowDrawList();
        draw.AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), theme.colors().chip, theme.cornerRadius());
        ImGui::SetCursorScreenPos(ImVec2(min.x + theme.em(1.0f), min.y + theme.em(1.0f)));
        drawWrapped(theme.fonts().small, theme.colors().textMuted, ctx.strings.imageUnavailable, inner);
        ImGui::SetCursorPosX(column.x + theme.em(1.0f));
        drawWrapped(theme.fonts().body, theme.colors().text, alt, inner);
        ImGui::SetCursorScreenPos(ImVec2(min.x, std::max(ImGui::GetCursorScreenPos().y, min.y + size.y)));
    } else {
        const float scale = std::min({column.width / static_cast<float>(texture->width),
                                      maxHeight / static_cast<float>(texture->height), 1.0f});
        const ImVec2 size(static_cast<float>(texture->width) * scale, static_cast<float>(texture->height) * scale);
        ImGui::SetCursorPosX(column.x + (column.width - size.x) * 0.5f);
        ImGui::Image(texture->handle, size);
    }
    if (!image.caption.empty()) {
        ImGui::SetCursorPosX(column.x);
        drawWrapped(theme.fonts().small, theme.colors().textMuted, image.caption.in(ctx.languages), column.width);
    }
}

void drawButton(FrameContext& ctx, const core::Page& page, const core::ButtonBlock& button, const Column& column) {
    ButtonSpec spec{"page/" + page.id + "/button/" + button.id, button.label.in(ctx.languages), ButtonStyle::Primary,
                    Icon::Forward};
    const float width = std::min(column.width, std::max(buttonWidth(ctx, spec), ctx.theme.em(14.0f)));
    ImGui::SetCursorPosX(column.x);
    if (touchButton(ctx, spec, ImVec2(width, ctx.theme.touchTarget()))) {
        if (!button.targetFlow.empty()) {
            ctx.intents.push_back(core::StartFlow{button.targetFlow});
        } else {
            ctx.intents.push_back(core::OpenPage{button.targetPage});
        }
    }
}

void drawBlock(FrameContext& ctx, const core::Page& page, const core::Block& block, const Column& column, float viewHeight) {
    const Theme& theme = ctx.theme;
    std::visit(
        [&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, core::HeadingBlock>) {
                ImGui::SetCursorPosX(column.x);
                drawWrapped(theme.fonts().heading, theme.colors().text, b.text.in(ctx.languages), column.width);
            } else if constexpr (std::is_same_v<T, core::TextBlock>) {
                ImGui::SetCursorPosX(column.x);
                drawParagraphs(theme, theme.fonts().body, theme.colors().text, core::plainText(b.text.in(ctx.languages)), column.width);
            } else if constexpr (std::is_same_v<T, core::ImageBlock>) {
                drawImage(ctx, b.picture, column, viewHeight * 0.5f);
            } else if constexpr (std::is_same_v<T, core::ButtonBlock>) {
                drawButton(ctx, page, b, column);
            }
        },
        block);
}

}  // namespace

void drawPageScreen(FrameContext& ctx, const core::Pack& pack, const core::Page& page, bool justArrived) {
    const Theme& theme = ctx.theme;
    drawTopBar(ctx, pack.title.in(ctx.languages), true);

    const ImVec2 area = ImGui::GetContentRegionAvail();
    const std::string scrollId = "page/" + pack.id + "/" + page.id;
    scoped::Child scroll(scrollId.c_str(), area, 0);
    if (justArrived) ImGui::SetScrollY(0.0f);

    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available - theme.em(4.0f), theme.em(34.0f));
    const Column column{(available - width) * 0.5f, width};

    ImGui::SetCursorPos(ImVec2(column.x, theme.em(2.0f)));
    drawWrapped(theme.fonts().display, theme.colors().text, page.title.in(ctx.languages), column.width);
    for (const core::Block& block : page.blocks) {
        // More air above a heading than between a heading and its text, so they read as a unit.
        const bool heading = std::holds_alternative<core::HeadingBlock>(block);
        ImGui::Dummy(ImVec2(0, theme.em(heading ? 1.0f : 0.5f)));
        drawBlock(ctx, page, block, column, area.y);
    }
    ImGui::Dummy(ImVec2(0, theme.em(3.0f)));
    touchScroll(theme);
}

}  // namespace kiosk::ui
