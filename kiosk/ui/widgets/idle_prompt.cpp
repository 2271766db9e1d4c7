// The prompt is drawn about once a second for its countdown: the dimming layer's cost in the
// software renderer (a screen-sized translucent rectangle) is paid that rarely, never per frame.
#include "ui/widgets/idle_prompt.hpp"

#include <algorithm>
#include <string>

#include "ui/blocks/block_shapes.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {

void drawIdlePrompt(FrameContext& ctx, int secondsLeft) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    // Over the visitor's area (in low mode its lower part), every coordinate from its corner.
    const ImVec2 display = ctx.areaSize;
    const ImVec2 corner = ctx.areaMin;
    ImGui::SetNextWindowPos(corner);
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowFocus();
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
    scoped::StyleVar noPadding(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    scoped::Window overlay("idle-prompt", kFlags);
    ctx.items.beginLayer();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(corner, ImVec2(corner.x + display.x, corner.y + display.y), colors.scrim);

    const float width = std::min(display.x - theme.em(3.0f), theme.em(30.0f));
    // On a screen short in ems (large text, low mode) the ring goes and the card tightens: the
    // seconds are in the words too, and the button must stay on the screen.
    const bool roomy = display.y >= theme.em(24.0f);
    const float padding = theme.em(roomy ? 2.0f : 1.0f);
    const float inner = width - 2 * padding;
    const std::string body = fillPlaceholders(ctx.strings.visit.stillThereBody, {{"seconds", std::to_string(secondsLeft)}});
    const TextLayout title =
        layoutText(theme.fonts().display, colors.text, ctx.strings.visit.stillThereTitle, inner, kLabelLineHeight, ctx.audit);
    const TextLayout text = layoutText(theme.fonts().body, colors.text, body, inner, kReadingLineHeight, ctx.audit);
    const std::string count = std::to_string(secondsLeft);
    ImFont* countFont = theme.fonts().display;
    const float ring = roomy ? theme.em(5.0f) : 0.0f;
    const float ringGap = roomy ? theme.em(1.2f) : 0.0f;
    const float buttonHeight = std::max(theme.touchTarget() * 1.3f, theme.em(3.6f));
    const float height = padding + ring + ringGap + title.size.y + theme.em(0.8f) + text.size.y + theme.em(roomy ? 1.6f : 0.8f) +
                         buttonHeight + padding;
    const ImVec2 min(corner.x + (display.x - width) * 0.5f, corner.y + std::max(theme.em(1.0f), (display.y - height) * 0.5f));
    const ImVec2 max(min.x + width, min.y + height);
    drawCard(draw, theme, min, max, colors.surface, colors.border, theme.hairline());

    // The seconds in a ring: big enough to read from a step back, and not told by colour alone.
    const ImVec2 center(min.x + width * 0.5f, min.y + padding + ring * 0.5f);
    if (roomy) {
        draw.AddCircleFilled(center, ring * 0.5f, colors.primary, 48);
        draw.AddCircleFilled(center, ring * 0.5f - theme.em(0.35f), colors.surface, 48);
        const float countWidth = checkLabel(ctx, countFont, count, ring);
        draw.AddText(countFont, countFont->FontSize, ImVec2(center.x - countWidth * 0.5f, center.y - countFont->FontSize * 0.55f),
                     colors.text, count.c_str());
    }

    float y = min.y + padding + ring + ringGap;
    drawTextLayoutCentered(draw, center.x, y, title);
    ctx.items.record("idle/title", ImVec2(min.x, y), ImVec2(max.x, y + title.size.y));
    ctx.items.describeLast(ctx.strings.visit.stillThereTitle, ItemRole::Heading);
    y += title.size.y + theme.em(0.8f);
    drawTextLayoutCentered(draw, center.x, y, text);
    ctx.items.record("idle/text", ImVec2(min.x, y), ImVec2(max.x, y + text.size.y));
    ctx.items.describeLast(body, ItemRole::Text);
    y += text.size.y + theme.em(roomy ? 1.6f : 0.8f);
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, y));
    const ButtonSpec stay{"idle/continue", ctx.strings.visit.stillThereButton, ButtonStyle::Primary};
    if (touchButton(ctx, stay, ImVec2(inner, buttonHeight))) ctx.emit<core::StillHere>();

    // Around the button, the whole screen answers "yes, still here" too. Submitted after the
    // button: ImGui gives an overlapped spot to the item submitted first, so the button keeps its
    // pressed look.
    ImGui::SetCursorScreenPos(corner);
    if (tapTarget(ctx, "idle/backdrop", display).tapped || anyKeyPressed()) ctx.emit<core::StillHere>();
}

}  // namespace kiosk::ui
