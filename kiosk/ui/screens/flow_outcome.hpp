// The end of a flow: the summary of every answer, and the result with its made-up case number.
#pragma once

#include "core/nav/navigator.hpp"
#include "core/pack/flow.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// The readable column of a flow screen, in the scrolling child's local coordinates.
struct FlowColumn {
    float x;
    float width;
};

// Rich text of a flow (step intros, summary intro, result text) at the cursor, in the column.
void drawFlowText(FrameContext& ctx, const core::RichText& text, const FlowColumn& column);

// Every step's answers under the step's title, each step with "Change" to go back to it.
void drawFlowSummary(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, const FlowColumn& column);

// A tick, the title, the case number on a card of its own, and the text with the number filled in.
void drawFlowResult(FrameContext& ctx, const core::Flow& flow, const core::FlowSession& session, const FlowColumn& column);

}  // namespace kiosk::ui
