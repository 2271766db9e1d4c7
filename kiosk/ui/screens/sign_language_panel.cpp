// The panel is an opaque surface with a border; the clip in it is the video view every clip uses.
#include "ui/screens/sign_language_panel.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/video_strings.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"
#include "ui/widgets/video_view.hpp"

namespace kiosk::ui {

void drawSignLanguageButton(FrameContext& ctx, const core::Page& page, float x, float width, PageScreenMemory& memory) {
    if (!page.signLanguage) return;
    const Theme& theme = ctx.theme;
    const VideoStrings& words = videoStrings(ctx.languages);
    const ButtonSpec spec{"page/sign-language", words.signLanguage, ButtonStyle::Secondary, Icon::SignLanguage, memory.signLanguageOpen};
    ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    ImGui::SetCursorPosX(x);
    const float fitted = std::min(width, buttonWidth(ctx, spec));
    if (touchButton(ctx, spec, ImVec2(fitted, theme.touchTarget()))) memory.signLanguageOpen = !memory.signLanguageOpen;
}

SignLanguageSplit splitForSignLanguage(const FrameContext& ctx, ImVec2 area) {
    const Theme& theme = ctx.theme;
    if (area.x >= area.y) {
        // Wide enough for a signer filmed upright, never so wide the text column is squeezed.
        const float panel = std::clamp(area.x * 0.36f, std::min(theme.em(18.0f), area.x * 0.5f), theme.em(36.0f));
        return SignLanguageSplit{ImVec2(area.x - panel, area.y), ImVec2(panel, area.y), false};
    }
    const float panel = area.y * 0.45f;
    return SignLanguageSplit{ImVec2(area.x, area.y - panel), ImVec2(area.x, panel), true};
}

void drawSignLanguagePanel(FrameContext& ctx, const core::Pack& pack, const core::Page& page, ImVec2 size,
                           PageScreenMemory& memory) {
    if (!page.signLanguage) return;
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const VideoStrings& words = videoStrings(ctx.languages);
    // It scrolls like the page when large text pushes the controls below its edge.
    scoped::Child panel("page/sign-language-panel", size, 0);
    const ImVec2 min = ImGui::GetWindowPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    // The window's own rectangle, not the content's: the surface stays put while it scrolls.
    draw.AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), colors.surface);
    draw.AddLine(min, ImVec2(min.x, min.y + size.y), colors.border, theme.hairline() * 2);

    const float pad = theme.em(1.0f);
    const float inner = size.x - pad * 2;
    const float close = theme.touchTarget();
    // The title beside the close button, with the sign-language icon before it.
    const float iconSize = theme.em(2.0f);
    ImGui::SetCursorPos(ImVec2(pad, pad));
    const ImVec2 titleAt = ImGui::GetCursorScreenPos();
    drawIcon(draw, Icon::SignLanguage, ImVec2(titleAt.x + iconSize * 0.5f, titleAt.y + close * 0.5f), iconSize, theme.em(0.1f), colors.primary);
    const float titleWidth = std::max(inner - iconSize - close - pad, theme.em(4.0f));
    const TextLayout title = layoutText(theme.fonts().bodyBold, colors.text, words.signLanguageTitle, titleWidth, kLabelLineHeight, ctx.audit);
    drawTextLayout(draw, ImVec2(titleAt.x + iconSize + pad * 0.5f, titleAt.y + std::max(0.0f, (close - title.size.y) * 0.5f)), title);
    ctx.items.record("page/sign-language-title", titleAt, ImVec2(titleAt.x + inner - close, titleAt.y + std::max(close, title.size.y)));
    ctx.items.describeLast(words.signLanguageTitle, ItemRole::Heading);
    ImGui::SetCursorPos(ImVec2(size.x - pad - close, pad));
    const ButtonSpec closeSpec{"page/sign-language-close", "", ButtonStyle::Secondary, Icon::Close};
    if (touchButton(ctx, closeSpec, ImVec2(close, close))) memory.signLanguageOpen = false;
    ctx.items.describeLast(words.close, ItemRole::Button);

    const float top = pad + std::max(close, title.size.y) + pad;
    ImGui::SetCursorPos(ImVec2(pad, top));
    const float controls = theme.touchTarget() * 2 + theme.em(1.5f);  // at most two rows under the clip
    const std::string itemId = "page/" + page.id + "/sign-language";
    const VideoViewSpec spec{itemId, pack.id + "/" + itemId, inner, std::max(size.y - top - controls - pad, theme.em(6.0f)),
                             page.signLanguage->placeholder};
    drawVideoView(ctx, spec, page.signLanguage->clip);
    ImGui::Dummy(ImVec2(0, pad));
    touchScroll(ctx);
}

}  // namespace kiosk::ui
