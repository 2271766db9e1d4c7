// The fields of a flow step, large for touch: label, optional help, the input itself and, when the
// step shows its problems, a validation message with a mark and words right under the input.
#pragma once

#include <string>
#include <string_view>

#include "core/nav/field_check.hpp"
#include "core/pack/flow.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// A text field that is being edited says so here, for the on-screen keyboard: which field, what
// it expects (its layer) and where its input is (to keep it in view above the keyboard).
struct TextEditing {
    std::string fieldId;  // empty: no text field is being edited
    core::TextFormat format = core::TextFormat::Any;
    ImVec2 min{0, 0};  // the input box, in screen coordinates
    ImVec2 max{0, 0};
};

struct FieldView {
    const core::FlowField& field;
    std::string itemId;          // "flow/<flow>/step/<step>/field/<field>"; parts add "/example" …
    std::string_view value;      // as in FlowSession::values: text, option id, "YYYY-MM-DD", "yes"
    core::FieldProblem problem;  // None unless the step shows its problems
    TextEditing* editing = nullptr;  // text fields: filled in while the field is being edited
    // Text fields: start editing without a tap, because Enter on the on-screen keyboard moved here.
    bool startEditing = false;
};

// Draws the field at the cursor, in a column starting at the cursor's x and `width` wide, and
// emits SetFieldValue when the visitor changes it. Leaves the cursor below the field.
void drawFormField(FrameContext& ctx, const FieldView& view, float width);

// The message for a problem: the author's `error` where they wrote one, the kiosk's standard
// message for the problem and format otherwise.
std::string fieldProblemMessage(const FrameContext& ctx, const core::FlowField& field, core::FieldProblem problem);

// The value as a sentence shows it: an option's label, a date in words, yes or no, the text.
// Empty when nothing was entered.
std::string fieldAnswerText(const FrameContext& ctx, const core::FlowField& field, std::string_view value);

// Per field type (form_fields.cpp dispatches): the input part only, without label and message.
void drawTextInput(FrameContext& ctx, const FieldView& view, float width);

// Between visitors: ends any editing and overwrites ImGui's own copies of typed text.
void forgetTypedText();
void drawDateInput(FrameContext& ctx, const FieldView& view, float width);

}  // namespace kiosk::ui
