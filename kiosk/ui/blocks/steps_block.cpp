// A line joins the circles so the steps read as one path from first to last.
#include "ui/blocks/steps_block.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {

void drawStepsBlock(FrameContext& ctx, const BlockPlace& place, const core::StepsBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float circle = theme.em(2.4f);
    const float textX = circle + theme.em(1.0f);
    const float textColumn = std::max(place.width - textX, theme.em(6.0f));
    const float gap = theme.em(1.2f);

    struct StepLayout {
        TextLayout title;
        TextLayout text;
        float titleTop;
        float height;
    };
    std::vector<StepLayout> steps;
    for (const core::NumberedStep& step : block.steps) {
        StepLayout s{layoutText(theme.fonts().subheading, colors.text, step.title.in(ctx.languages), textColumn,
                                kLabelLineHeight, ctx.audit),
                     {}, 0, 0};
        if (!step.text.empty()) {
            s.text = layoutText(theme.fonts().body, colors.textMuted, step.text.in(ctx.languages), textColumn,
                                kReadingLineHeight, ctx.audit);
        }
        // A one-line title sits level with the middle of its number; longer ones start at its top.
        const float firstLine = s.title.lines > 0 ? s.title.size.y / static_cast<float>(s.title.lines) : 0.0f;
        s.titleTop = std::max(0.0f, (circle - firstLine) * 0.5f);
        const float textBlock = s.titleTop + s.title.size.y + (s.text.lines > 0 ? theme.em(0.2f) + s.text.size.y : 0.0f);
        s.height = std::max(circle, textBlock);
        steps.push_back(std::move(s));
    }

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    ImFont* numberFont = theme.fonts().heading;
    float y = origin.y;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepLayout& s = steps[i];
        const ImVec2 center(origin.x + circle * 0.5f, y + circle * 0.5f);
        if (i + 1 < steps.size()) {
            const float half = theme.em(0.09f);
            draw.AddRectFilled(ImVec2(center.x - half, y + circle), ImVec2(center.x + half, y + s.height + gap), colors.chip);
        }
        draw.AddCircleFilled(center, circle * 0.5f, colors.primary, 32);
        const std::string number = std::to_string(i + 1);
        const float numberWidth = checkLabel(ctx, numberFont, number, circle);
        draw.AddText(numberFont, numberFont->FontSize,
                     ImVec2(center.x - numberWidth * 0.5f, center.y - numberFont->FontSize * 0.55f), colors.onPrimary,
                     number.c_str());
        drawTextLayout(draw, ImVec2(origin.x + textX, y + s.titleTop), s.title);
        if (s.text.lines > 0) {
            drawTextLayout(draw, ImVec2(origin.x + textX, y + s.titleTop + s.title.size.y + theme.em(0.2f)), s.text);
        }
        y += s.height + (i + 1 < steps.size() ? gap : 0.0f);
    }
    endBlock(place, origin, y - origin.y);
}

}  // namespace kiosk::ui
