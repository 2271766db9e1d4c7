// A quiz: a question, answers as large buttons, and feedback on the picked answer.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// Answers are "page/<page>/quiz/<id>/answer/<answerId>" and push core::AnswerQuiz. The picked
// answer (nav.quizAnswer) shows ✓ or ✗, a word saying right or wrong, and the author's feedback;
// after a wrong pick the right answer is marked too. Any other answer can still be tapped.
void drawQuizBlock(FrameContext& ctx, const BlockPlace& place, const core::QuizBlock& block);

}  // namespace kiosk::ui
