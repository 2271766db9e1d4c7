// A simulated service flow, drawn instead of the page that started it: one step of fields at a
// time, then the summary, then the made-up result; a demo notice on every one of them.
#pragma once

#include <cstddef>
#include <string>

#include "core/nav/navigator.hpp"
#include "core/pack/pack.hpp"
#include "ui/frame_context.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/onscreen_keyboard.hpp"

namespace kiosk::ui {

// What the flow screen keeps between frames: only where it is (to start each step at the top and to
// scroll to the first problem after "Next") and the on-screen keyboard's state (its layer, which
// field it types into), never anything the visitor entered.
struct FlowScreenMemory {
    std::string flowId;
    std::size_t step = static_cast<std::size_t>(-1);
    bool scrollToProblem = false;
    KeyboardMemory keyboard;
    TextEditing editing;       // the text field edited in the last frame; empty fieldId: none
    std::string startEditing;  // Enter on the keyboard moved on to this field; it takes over when drawn
};

void drawFlowScreen(FrameContext& ctx, const core::Pack& pack, const core::Flow& flow, const core::FlowSession& session,
                    FlowScreenMemory& memory);

}  // namespace kiosk::ui
