// What a screen asks for. Screens only emit intents; the frame loop applies them after rendering.
#pragma once

#include <string>
#include <variant>

#include "core/access/accessibility_settings.hpp"

namespace kiosk::core {

// The first touch on the attract loop: a visit begins on the home screen. Any other intent
// begins one too; this one only does that.
struct StartVisit {};
// "Yes, I am still here" on the idle prompt.
struct StillHere {};

struct OpenPack {
    std::string packId;
};
struct OpenPage {
    std::string pageId;  // within the current pack
};
// Back one page, or one step within a flow (leaving the flow from its first step).
struct GoBack {};
struct GoHome {};
struct SetLanguage {
    std::string language;
};

// Picks an answer of a quiz on the current page; the feedback shows until the visitor leaves.
struct AnswerQuiz {
    std::string quizId;
    std::string answerId;
};

// Starts a flow of the current pack at its first step, with every field empty.
struct StartFlow {
    std::string flowId;
};
// Sets a field of the current flow step. Text as typed, a choice's option id, a date as
// "YYYY-MM-DD", a check as "yes" or "".
struct SetFieldValue {
    std::string fieldId;
    std::string value;
};
// To the next step if every field of this one is valid; otherwise the step shows its messages.
// From the summary, to the result.
struct NextStep {};
// From the result: leaves the flow (to its next page, or back to where it started).
struct FinishFlow {};
// "End visit": the visitor is done and is forgotten now, as by the idle reset (the notice that
// the inputs are deleted, then the attract loop), without waiting for the countdown.
struct EndVisit {};
// The accessibility menu (or the non-visual mode's gesture) changed the visit's settings. They
// last until the visitor leaves.
struct SetAccessibility {
    AccessibilitySettings settings;
};

using Intent = std::variant<StartVisit, StillHere, OpenPack, OpenPage, GoBack, GoHome, SetLanguage, AnswerQuiz, StartFlow, SetFieldValue,
                            NextStep, FinishFlow, EndVisit, SetAccessibility>;

}  // namespace kiosk::core
