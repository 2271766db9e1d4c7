// Right and wrong are told three ways at once: a ✓ or ✗ badge, the words, and the colour.
#include "ui/blocks/quiz_block.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

enum class AnswerState {
    Open,           // nothing picked yet, or another answer picked and this one is not right
    PickedRight,
    PickedWrong,
    RightNotPicked,  // marked once the visitor picked a wrong answer
};

struct AnswerLayout {
    const core::QuizAnswer* answer;
    AnswerState state;
    TextLayout text;
    TextLayout verdict;   // "Richtig!" / "Nicht ganz" / "Richtige Antwort"
    TextLayout feedback;  // the author's, on the picked answer only
    float height;
};

AnswerState stateOf(const core::QuizBlock& quiz, const core::QuizAnswer& answer, std::string_view picked) {
    if (picked.empty()) return AnswerState::Open;
    if (answer.id == picked) return answer.correct ? AnswerState::PickedRight : AnswerState::PickedWrong;
    const core::QuizAnswer* pickedAnswer = quiz.findAnswer(picked);
    if (answer.correct && pickedAnswer && !pickedAnswer->correct) return AnswerState::RightNotPicked;
    return AnswerState::Open;
}

}  // namespace

void drawQuizBlock(FrameContext& ctx, const BlockPlace& place, const core::QuizBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const BlockStrings& words = ctx.strings.blocks;
    const std::string_view picked = ctx.nav.quizAnswer(block.id);

    const float padding = theme.em(1.2f);
    const float inner = place.width - 2 * padding;
    const float answerPadding = theme.em(0.8f);
    const float marker = theme.em(1.8f);
    const float answerTextX = answerPadding + marker + theme.em(0.8f);
    const float answerTextWidth = std::max(inner - answerTextX - answerPadding, theme.em(6.0f));
    const float answerGap = theme.em(0.6f);

    ImFont* badgeFont = theme.fonts().small;
    const float badgeTextWidth = checkLabel(ctx, badgeFont, words.quizBadge, inner);
    const float badgeHeight = badgeFont->FontSize * 1.6f;
    const TextLayout question = layoutText(theme.fonts().subheading, colors.text, block.question.in(ctx.languages), inner,
                                           kLabelLineHeight, ctx.audit);

    std::vector<AnswerLayout> answers;
    for (const core::QuizAnswer& answer : block.answers) {
        AnswerLayout a{&answer, stateOf(block, answer, picked),
                       layoutText(theme.fonts().body, colors.text, answer.text.in(ctx.languages), answerTextWidth,
                                  kReadingLineHeight, ctx.audit),
                       {}, {}, 0};
        switch (a.state) {
            case AnswerState::PickedRight:
            case AnswerState::PickedWrong: {
                const bool right = a.state == AnswerState::PickedRight;
                a.verdict = layoutText(theme.fonts().bodyBold, right ? colors.success : colors.failure,
                                       right ? words.quizRight : words.quizWrong, answerTextWidth, kLabelLineHeight, ctx.audit);
                a.feedback = layoutText(theme.fonts().body, colors.text, answer.feedback.in(ctx.languages), answerTextWidth,
                                        kReadingLineHeight, ctx.audit);
                break;
            }
            case AnswerState::RightNotPicked:
                a.verdict = layoutText(theme.fonts().bodyBold, colors.success, words.quizCorrectAnswer, answerTextWidth,
                                       kLabelLineHeight, ctx.audit);
                break;
            case AnswerState::Open: break;
        }
        const float firstLine = a.text.lines > 0 ? a.text.size.y / static_cast<float>(a.text.lines) : 0.0f;
        float content = std::max(firstLine, marker) - firstLine + a.text.size.y;
        if (a.verdict.lines > 0) content += theme.em(0.5f) + a.verdict.size.y;
        if (a.feedback.lines > 0) content += theme.em(0.2f) + a.feedback.size.y;
        a.height = std::max(theme.touchTarget(), content + 2 * answerPadding);
        answers.push_back(std::move(a));
    }
    const TextLayout tryOther = picked.empty() ? TextLayout{}
                                               : layoutText(theme.fonts().small, colors.textMuted, words.quizTryOther, inner,
                                                            kReadingLineHeight, ctx.audit);

    float height = padding + badgeHeight + theme.em(0.6f) + question.size.y + theme.em(1.0f);
    for (const AnswerLayout& a : answers) height += a.height + answerGap;
    height += tryOther.lines > 0 ? theme.em(0.2f) + tryOther.size.y : -answerGap;
    height += padding;

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    drawCard(draw, theme, origin, ImVec2(origin.x + place.width, origin.y + height), colors.surface, colors.border,
             theme.hairline());
    const float left = origin.x + padding;
    float y = origin.y + padding;
    draw.AddRectFilled(ImVec2(left, y), ImVec2(left + badgeTextWidth + theme.em(1.2f), y + badgeHeight), colors.chip,
                       badgeHeight * 0.5f);
    draw.AddText(badgeFont, badgeFont->FontSize, ImVec2(left + theme.em(0.6f), y + (badgeHeight - badgeFont->FontSize) * 0.5f),
                 colors.primary, words.quizBadge);
    y += badgeHeight + theme.em(0.6f);
    drawTextLayout(draw, ImVec2(left, y), question);
    y += question.size.y + theme.em(1.0f);

    const std::string base = place.idPrefix() + "/quiz/" + block.id + "/answer/";
    char letter = 'A';
    for (const AnswerLayout& a : answers) {
        ImGui::SetCursorScreenPos(ImVec2(left, y));
        const auto [tapped, pressed, min, max] = tapTarget(ctx, base + a.answer->id, ImVec2(inner, a.height));
        ctx.items.describeLast(a.answer->text.in(ctx.languages), ItemRole::Option, a.answer->id == picked);
        if (tapped && a.answer->id != picked) ctx.emit<core::AnswerQuiz>(block.id, a.answer->id);

        ImU32 fill = pressed ? colors.surfacePressed : colors.surface;
        ImU32 border = colors.border;
        float borderWidth = theme.hairline() * 2;
        if (a.state == AnswerState::PickedRight || a.state == AnswerState::RightNotPicked) {
            border = colors.success;
            borderWidth = theme.em(0.12f);
            if (a.state == AnswerState::PickedRight && !pressed) fill = colors.successSurface;
        } else if (a.state == AnswerState::PickedWrong) {
            border = colors.failure;
            borderWidth = theme.em(0.12f);
            if (!pressed) fill = colors.failureSurface;
        }
        drawCard(draw, theme, min, max, fill, border, borderWidth);

        // The letter, or in its place the ✓ / ✗ badge once the answer has been judged; level with
        // the answer's first line.
        const float firstLine = a.text.lines > 0 ? a.text.size.y / static_cast<float>(a.text.lines) : 0.0f;
        const float firstRow = std::max(firstLine, marker);
        const ImVec2 markerCenter(min.x + answerPadding + marker * 0.5f,
                                  min.y + std::max(answerPadding + firstRow * 0.5f, theme.touchTarget() * 0.5f));
        if (a.state == AnswerState::Open) {
            draw.AddCircleFilled(markerCenter, marker * 0.5f, colors.chip, 24);
            ImFont* letterFont = theme.fonts().bodyBold;
            const char text[2] = {letter, '\0'};
            const float w = textWidth(letterFont, text);
            draw.AddText(letterFont, letterFont->FontSize,
                         ImVec2(markerCenter.x - w * 0.5f, markerCenter.y - letterFont->FontSize * 0.55f), colors.primary, text);
        } else {
            const bool right = a.state != AnswerState::PickedWrong;
            drawBadge(draw, right ? Pictogram::Check : Pictogram::Cross, markerCenter, marker,
                      right ? colors.success : colors.failure, colors.onPrimary);
        }
        ++letter;

        const float textX = min.x + answerTextX;
        float textY = markerCenter.y - firstLine * 0.5f;
        drawTextLayout(draw, ImVec2(textX, textY), a.text);
        textY += a.text.size.y;
        if (a.verdict.lines > 0) {
            textY += theme.em(0.5f);
            drawTextLayout(draw, ImVec2(textX, textY), a.verdict);
            textY += a.verdict.size.y;
        }
        if (a.feedback.lines > 0) drawTextLayout(draw, ImVec2(textX, textY + theme.em(0.2f)), a.feedback);
        y += a.height + answerGap;
    }
    if (tryOther.lines > 0) drawTextLayout(draw, ImVec2(left, y + theme.em(0.2f)), tryOther);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
