// Summary and result of a flow. "Change" needs no intent of its own: it steps back with GoBack
// as often as needed, and the navigator keeps every value on the way.
#include "ui/screens/flow_outcome.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/form_marks.hpp"
#include "ui/widgets/rich_text.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

float textHeight(const ImFont* font, std::string_view text, float wrapWidth) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size()).y;
}

core::RichText withCaseNumber(core::RichText text, const std::string& caseNumber) {
    static constexpr std::string_view kPlaceholder = "{case_number}";
    for (core::RichParagraph& paragraph : text) {
        for (core::TextSpan& span : paragraph.spans) {
            for (auto at = span.text.find(kPlaceholder); at != std::string::npos;
                 at = span.text.find(kPlaceholder, at + caseNumber.size())) {
                span.text.replace(at, kPlaceholder.size(), caseNumber);
            }
        }
    }
    return text;
}

void drawStepAnswers(FrameContext& ctx, const core::Flow& flow, std::size_t stepIndex, const core::FlowSession& session,
                     const FlowColumn& column) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const core::FlowStep& step = flow.steps[stepIndex];

    // The step's title with "Change" at the right of the same row.
    const ButtonSpec change{"flow/" + flow.id + "/summary/" + step.id + "/change", ctx.strings.flow.change,
                            ButtonStyle::Chip};
    const float changeWidth = buttonWidth(ctx, change);
    const float chipHeight = theme.em(2.2f);
    const float titleWidth = column.width - changeWidth - theme.em(0.8f);
    const ImVec2 rowMin = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(rowMin.x + column.width - changeWidth, rowMin.y));
    if (touchButton(ctx, change, ImVec2(changeWidth, chipHeight))) {
        for (std::size_t back = flow.steps.size(); back > stepIndex; --back) ctx.emit<core::GoBack>();
    }
    ImFont* titleFont = theme.fonts().heading;
    const float titleHeight = textHeight(titleFont, step.title.in(ctx.languages), titleWidth);
    ImGui::SetCursorScreenPos(ImVec2(rowMin.x, rowMin.y + std::max(0.0f, (chipHeight - titleFont->FontSize) * 0.5f)));
    drawWrapped(ctx, titleFont, colors.text, step.title.in(ctx.languages), titleWidth, kLabelLineHeight);
    ImGui::SetCursorScreenPos(ImVec2(rowMin.x, rowMin.y + std::max(chipHeight, titleHeight) + theme.em(0.4f)));

    for (const core::FlowField& field : step.fields) {
        ImGui::SetCursorPosX(column.x);
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, field.label.in(ctx.languages), column.width);
        const std::string answer = fieldAnswerText(ctx, field, session.value(field.id));
        ImGui::SetCursorPosX(column.x);
        if (answer.empty()) {
            drawWrapped(ctx, theme.fonts().body, colors.textMuted, ctx.strings.flow.notAnswered, column.width);
        } else {
            drawWrapped(ctx, theme.fonts().bodyBold, colors.text, answer, column.width, kLabelLineHeight);
        }
        ImGui::Dummy(ImVec2(0, theme.em(0.3f)));
    }
}

}  // namespace

void drawFlowText(FrameContext& ctx, const core::RichText& text, const FlowColumn& column) {
    // A link leaves the flow for its page, as on a real service's form. One rich text per flow
    // screen, and the result's is rebuilt every frame (its case number filled in): a fixed id.
    scoped::Id scope("flow-text");
    ImGui::SetCursorPosX(column.x);
    drawRichText(ctx, text, column.width, "flow");
}

void drawFlowSummary(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, const FlowColumn& column) {
    const Theme& theme = ctx.theme;
    const std::string& ownTitle = flow.summaryTitle.in(ctx.languages);
    ImGui::SetCursorPosX(column.x);
    drawWrapped(ctx, theme.fonts().display, theme.colors().text, ownTitle.empty() ? ctx.strings.flow.summaryTitle : ownTitle,
                column.width, kLabelLineHeight);
    if (!flow.summaryIntro.empty()) {
        ImGui::SetCursorPosX(column.x);
        drawFlowText(ctx, flow.summaryIntro.in(ctx.languages), column);
    }
    for (std::size_t i = 0; i < flow.steps.size(); ++i) {
        ImGui::Dummy(ImVec2(0, theme.em(0.6f)));
        ImGui::SetCursorPosX(column.x);
        drawStepAnswers(ctx, flow, i, session, column);
        // A divider as a filled rectangle: thin anti-aliased lines vanish in the software renderer.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float left = at.x - ImGui::GetCursorPosX() + column.x;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, at.y), ImVec2(left + column.width, at.y + theme.hairline()),
                                                  theme.colors().border);
        ImGui::Dummy(ImVec2(0, theme.hairline()));
    }
}

void drawFlowResult(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, const FlowColumn& column) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();

    // A tick on a filled circle: "done" before a word is read.
    const float markSize = theme.em(3.0f);
    ImGui::SetCursorPosX(column.x);
    const ImVec2 markAt = ImGui::GetCursorScreenPos();
    draw.AddCircleFilled(ImVec2(markAt.x + markSize * 0.5f, markAt.y + markSize * 0.5f), markSize * 0.5f, colors.primary, 40);
    drawTick(draw, ImVec2(markAt.x + markSize * 0.5f, markAt.y + markSize * 0.5f), markSize * 0.8f, theme.em(0.3f),
             colors.onPrimary);
    ImGui::Dummy(ImVec2(markSize, markSize));

    ImGui::SetCursorPosX(column.x);
    drawWrapped(ctx, theme.fonts().display, colors.text, flow.resultTitle.in(ctx.languages), column.width, kLabelLineHeight);

    if (!session.caseNumber.empty()) {
        ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
        ImGui::SetCursorPosX(column.x);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        const float padding = theme.em(1.0f);
        ImFont* label = theme.fonts().small;
        ImFont* number = theme.fonts().display;
        const float innerWidth = column.width - 2 * padding;
        const float labelHeight = textHeight(label, ctx.strings.flow.caseNumber, innerWidth);
        const float numberHeight = textHeight(number, session.caseNumber, innerWidth);
        const ImVec2 max(min.x + column.width, min.y + 2 * padding + labelHeight + theme.em(0.2f) + numberHeight);
        draw.AddRectFilled(min, max, colors.primary, theme.cornerRadius());
        draw.AddRectFilled(ImVec2(min.x + theme.em(0.12f), min.y + theme.em(0.12f)),
                           ImVec2(max.x - theme.em(0.12f), max.y - theme.em(0.12f)), colors.surface,
                           theme.cornerRadius() - theme.em(0.12f));
        ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + padding));
        drawWrapped(ctx, label, colors.textMuted, ctx.strings.flow.caseNumber, innerWidth, kLabelLineHeight);
        ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + padding + labelHeight + theme.em(0.2f)));
        drawWrapped(ctx, number, colors.text, session.caseNumber, innerWidth, kLabelLineHeight);
        ctx.items.record("flow/" + flow.id + "/case-number", min, max);
        ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
        ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    }
    if (!flow.resultText.empty()) {
        ImGui::SetCursorPosX(column.x);
        drawFlowText(ctx, withCaseNumber(flow.resultText.in(ctx.languages), session.caseNumber), column);
    }
}

}  // namespace kiosk::ui
