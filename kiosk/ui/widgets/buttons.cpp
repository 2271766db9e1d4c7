// Button drawing with the draw list: ImGui's own Button looks like a developer tool.
#include "ui/widgets/buttons.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

ImFont* fontFor(const FrameContext& ctx, ButtonStyle style) {
    return style == ButtonStyle::Chip ? ctx.theme.fonts().small : ctx.theme.fonts().bodyBold;
}

float iconSize(const FrameContext& ctx, ButtonStyle style) {
    return style == ButtonStyle::Chip ? 0.0f : ctx.theme.em(1.0f);
}

}  // namespace

float buttonWidth(const FrameContext& ctx, const ButtonSpec& spec) {
    const ImFont* font = fontFor(ctx, spec.style);
    const float text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, spec.label.data(),
                                           spec.label.data() + spec.label.size()).x;
    const float icon = spec.icon == Icon::None ? 0.0f : iconSize(ctx, spec.style) + ctx.theme.em(0.5f);
    const float padding = spec.style == ButtonStyle::Chip ? ctx.theme.em(0.9f) : ctx.theme.em(1.3f);
    return text + icon + 2 * padding;
}

bool touchButton(FrameContext& ctx, const ButtonSpec& spec, ImVec2 size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const auto [tapped, pressed, min, max] = tapTarget(ctx, spec.itemId, size);
    ctx.items.describeLast(std::string(spec.label), spec.style == ButtonStyle::Chip ? ItemRole::Option : ItemRole::Button,
                           spec.selected);

    ImU32 fill = colors.surface;
    ImU32 ink = colors.primary;
    ImU32 outline = colors.border;
    switch (spec.style) {
        case ButtonStyle::Primary:
            fill = pressed ? colors.primaryPressed : colors.primary;
            ink = colors.onPrimary;
            outline = fill;
            break;
        case ButtonStyle::Secondary:
            fill = pressed ? colors.surfacePressed : colors.surface;
            break;
        case ButtonStyle::Chip:
            fill = spec.selected ? colors.primary : (pressed ? colors.surfacePressed : colors.surface);
            ink = spec.selected ? colors.onPrimary : colors.text;
            outline = spec.selected ? colors.primary : colors.border;
            break;
    }
    const float radius = spec.style == ButtonStyle::Chip ? size.y * 0.5f : theme.cornerRadius();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, fill, radius);
    draw.AddRect(min, max, outline, radius, 0, theme.hairline() * 2);

    ImFont* font = fontFor(ctx, spec.style);
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, spec.label.data(),
                                                spec.label.data() + spec.label.size());
    const float icon = spec.icon == Icon::None ? 0.0f : iconSize(ctx, spec.style);
    const float gap = spec.icon == Icon::None ? 0.0f : theme.em(0.5f);
    const float contentWidth = textSize.x + icon + gap;
    checkLabel(ctx, font, spec.label, size.x - icon - gap - theme.em(0.8f));  // cut labels are a content mistake
    float x = min.x + (size.x - contentWidth) * 0.5f;
    const float midY = min.y + size.y * 0.5f;
    const float stroke = theme.em(0.12f);
    if (spec.icon != Icon::None && spec.icon != Icon::Forward) {
        drawIcon(draw, spec.icon, ImVec2(x + icon * 0.5f, midY), icon, stroke, ink);
        x += icon + gap;
    }
    // A label longer than the button (a narrow portrait screen) is cut at the button's edge
    // rather than spilling white text onto the page.
    const ImVec4 clip(min.x, min.y, max.x - theme.em(0.3f), max.y);
    const ImVec2 textAt(std::max(x, min.x + theme.em(0.5f)), midY - textSize.y * 0.5f);
    draw.AddText(font, font->FontSize, textAt, ink, spec.label.data(), spec.label.data() + spec.label.size(), 0.0f, &clip);
    if (spec.style == ButtonStyle::Chip && spec.selected) {
        // The chosen chip is underlined as well as filled: told by a shape, not by colour alone.
        const float underline = std::max(theme.hairline() * 2.0f, theme.em(0.1f));
        const float y = std::min(textAt.y + textSize.y + underline, max.y - underline * 2.0f);
        draw.AddRectFilled(ImVec2(textAt.x, y), ImVec2(std::min(textAt.x + textSize.x, clip.z), y + underline), ink);
    }
    if (spec.icon == Icon::Forward) {
        drawIcon(draw, spec.icon, ImVec2(x + textSize.x + gap + icon * 0.5f, midY), icon, stroke, ink);
    }
    return tapped;
}

}  // namespace kiosk::ui
