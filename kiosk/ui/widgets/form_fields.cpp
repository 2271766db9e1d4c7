// Field layout shared by every type (label, help, message) and the two tap-only inputs: choice and check.
#include "ui/widgets/form_fields.hpp"

#include <algorithm>
#include <cfloat>

#include "ui/widgets/date_text.hpp"
#include "ui/widgets/form_marks.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

ImVec2 measure(const ImFont* font, std::string_view text, float wrapWidth) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
}

// The label, and for fields that may stay empty a quiet "optional" after it: visitors should not
// wonder whether they have to fill in everything.
void drawLabel(FrameContext& ctx, const core::FlowField& field, float width) {
    const Theme& theme = ctx.theme;
    const float x = ImGui::GetCursorPosX();
    const std::string& label = field.label.in(ctx.languages);
    drawWrapped(ctx, theme.fonts().bodyBold, theme.colors().text, label, width, kLabelLineHeight);
    if (field.required) return;
    const std::string suffix = std::string("(") + ctx.strings.flow.optional + ")";
    const float labelWidth = measure(theme.fonts().bodyBold, label, 0.0f).x;
    const float suffixWidth = measure(theme.fonts().small, suffix, 0.0f).x;
    const float gap = theme.em(0.4f);
    if (labelWidth + gap + suffixWidth <= width) {
        // On the label's line, baselines roughly aligned: the small font sits lower by the size difference.
        const ImVec2 after = ImGui::GetCursorPos();
        const float lineHeight = theme.fonts().bodyBold->FontSize;
        ImGui::SetCursorPos(ImVec2(x + labelWidth + gap, after.y - ImGui::GetStyle().ItemSpacing.y - lineHeight +
                                                             (lineHeight - theme.fonts().small->FontSize) * 0.7f));
        drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, suffix, width - labelWidth - gap);
        ImGui::SetCursorPos(after);
    } else {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, suffix, width);
    }
}

enum class RowMark { Radio, CheckBox };

// A full-width row with a mark on the left: one option of a choice, or a check with its label.
// The whole row is the tap target, not just the small mark.
bool drawMarkedRow(FrameContext& ctx, const std::string& itemId, std::string_view text, float width, RowMark mark, bool on) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float padding = theme.em(0.7f);
    const float markSize = theme.em(mark == RowMark::Radio ? 1.3f : 1.5f);
    const float textX = padding + markSize + theme.em(0.7f);
    ImFont* font = on ? theme.fonts().bodyBold : theme.fonts().body;
    const float textWidth = width - textX - padding;
    const ImVec2 textSize = measure(font, text, textWidth);
    const float height = std::max(theme.touchTarget(), textSize.y + 2 * padding);

    const auto [tapped, pressed, min, max] = tapTarget(ctx, itemId, ImVec2(width, height));
    ctx.items.describeLast(std::string(text), ItemRole::Option, on);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float radius = theme.cornerRadius();
    // The chosen row has a thick primary border (a shape change), its mark filled and its text bold.
    const float border = on ? theme.em(0.12f) : theme.hairline() * 2;
    draw.AddRectFilled(min, max, on ? colors.primary : colors.border, radius);
    draw.AddRectFilled(ImVec2(min.x + border, min.y + border), ImVec2(max.x - border, max.y - border),
                       pressed ? colors.surfacePressed : (on ? colors.chip : colors.surface), std::max(0.0f, radius - border));
    const float midY = min.y + height * 0.5f;
    if (mark == RowMark::Radio) {
        drawRadio(theme, draw, ImVec2(min.x + padding + markSize * 0.5f, midY), markSize, on);
    } else {
        drawCheckBox(theme, draw, ImVec2(min.x + padding, midY - markSize * 0.5f), markSize, on);
    }
    draw.AddText(font, font->FontSize, ImVec2(min.x + textX, midY - textSize.y * 0.5f), colors.text, text.data(),
                 text.data() + text.size(), textWidth);
    return tapped;
}

void drawChoiceInput(FrameContext& ctx, const FieldView& view, float width) {
    const float x = ImGui::GetCursorPosX();
    for (const core::FieldOption& option : view.field.options) {
        ImGui::SetCursorPosX(x);
        const bool chosen = view.value == option.id;
        if (drawMarkedRow(ctx, view.itemId + "/option/" + option.id, option.label.in(ctx.languages), width, RowMark::Radio,
                          chosen) &&
            !chosen) {
            ctx.emit<core::SetFieldValue>(view.field.id, option.id);
        }
    }
}

void drawCheckInput(FrameContext& ctx, const FieldView& view, float width) {
    const bool ticked = view.value == "yes";
    if (drawMarkedRow(ctx, view.itemId, view.field.label.in(ctx.languages), width, RowMark::CheckBox, ticked)) {
        ctx.emit<core::SetFieldValue>(view.field.id, ticked ? "" : "yes");
    }
}

// The mark and the words, directly under the input they are about.
void drawProblem(FrameContext& ctx, const FieldView& view, float width) {
    const Theme& theme = ctx.theme;
    const std::string message = fieldProblemMessage(ctx, view.field, view.problem);
    ImFont* font = theme.fonts().bodyBold;
    const float markSize = theme.em(1.1f);
    const float textX = markSize + theme.em(0.5f);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    drawProblemMark(theme, draw, ImVec2(min.x + markSize * 0.5f, min.y + font->FontSize * 0.5f + theme.em(0.05f)), markSize);
    ImGui::SetCursorScreenPos(ImVec2(min.x + textX, min.y));
    const std::size_t before = ctx.items.size();
    drawWrapped(ctx, font, theme.colors().text, message, width - textX);
    // One element for speech, the mark's meaning with the words: where the non-visual mode
    // goes when "next" was refused.
    ctx.items.silenceTextsFrom(before);
    ctx.items.record(view.itemId + "/problem", min, ImVec2(min.x + width, ImGui::GetCursorScreenPos().y));
    ctx.items.describeLast(message, ItemRole::Problem);
}

}  // namespace

void drawFormField(FrameContext& ctx, const FieldView& view, float width) {
    const Theme& theme = ctx.theme;
    const float x = ImGui::GetCursorPosX();
    const core::FlowField& field = view.field;
    if (field.type != core::FlowField::Type::Check) {
        drawLabel(ctx, field, width);
        if (!field.help.empty()) {
            ImGui::SetCursorPosX(x);
            drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, field.help.in(ctx.languages), width);
        }
        ImGui::Dummy(ImVec2(0, theme.em(0.1f)));
    }
    ImGui::SetCursorPosX(x);
    switch (field.type) {
        case core::FlowField::Type::Text: drawTextInput(ctx, view, width); break;
        case core::FlowField::Type::Choice: drawChoiceInput(ctx, view, width); break;
        case core::FlowField::Type::Date: drawDateInput(ctx, view, width); break;
        case core::FlowField::Type::Check: drawCheckInput(ctx, view, width); break;
    }
    if (field.type == core::FlowField::Type::Check && !field.help.empty()) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, field.help.in(ctx.languages), width);
    }
    if (view.problem != core::FieldProblem::None) {
        ImGui::SetCursorPosX(x);
        drawProblem(ctx, view, width);
    }
}

std::string fieldProblemMessage(const FrameContext& ctx, const core::FlowField& field, core::FieldProblem problem) {
    if (problem == core::FieldProblem::None) return {};
    if (!field.error.empty()) return field.error.in(ctx.languages);
    const FlowStrings& words = ctx.strings.flow;
    using Type = core::FlowField::Type;
    if (problem == core::FieldProblem::TooLong) {
        return fillPlaceholders(words.tooLong, {{"max", std::to_string(field.maxLength)}});
    }
    if (problem == core::FieldProblem::Missing) {
        switch (field.type) {
            case Type::Text: return words.missingText;
            case Type::Choice: return words.missingChoice;
            case Type::Date: return words.missingDate;
            case Type::Check: return words.missingCheck;
        }
    }
    switch (field.type) {
        case Type::Choice: return words.malformedChoice;
        case Type::Date: return words.malformedDate;
        case Type::Check: return words.missingCheck;
        case Type::Text: break;
    }
    switch (field.format) {
        case core::TextFormat::Postcode: return words.malformedPostcode;
        case core::TextFormat::Number: return words.malformedNumber;
        case core::TextFormat::Email: return words.malformedEmail;
        case core::TextFormat::Phone: return words.malformedPhone;
        case core::TextFormat::Any: break;
    }
    return words.missingText;  // "any" text is never malformed; kept for completeness
}

std::string fieldAnswerText(const FrameContext& ctx, const core::FlowField& field, std::string_view value) {
    using Type = core::FlowField::Type;
    switch (field.type) {
        case Type::Text: {
            const bool blank = std::all_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; });
            return blank ? std::string() : std::string(value);
        }
        case Type::Choice: {
            const core::FieldOption* option = field.findOption(value);
            return option ? option->label.in(ctx.languages) : std::string();
        }
        case Type::Date: {
            const auto date = parseFieldDate(value);
            return date ? formatDate(ctx.strings.flow, *date) : std::string();
        }
        case Type::Check: return value == "yes" ? ctx.strings.flow.yes : ctx.strings.flow.no;
    }
    return {};
}

}  // namespace kiosk::ui
