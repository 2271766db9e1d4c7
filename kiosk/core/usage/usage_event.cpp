// The stored names of usage events: part of the database format, so never rename one.
#include "core/usage/usage_event.hpp"

namespace kiosk::core {

std::string_view usageKindName(UsageKind kind) {
    switch (kind) {
        case UsageKind::SessionStart: return "session_start";
        case UsageKind::SessionEnd: return "session_end";
        case UsageKind::PageView: return "page_view";
        case UsageKind::LinkOpen: return "link_open";
        case UsageKind::FlowStep: return "flow_step";
        case UsageKind::FlowComplete: return "flow_complete";
        case UsageKind::FlowAbandon: return "flow_abandon";
        case UsageKind::QuizAnswer: return "quiz_answer";
        case UsageKind::LanguageChange: return "language_change";
        case UsageKind::QrShown: return "qr_shown";
        case UsageKind::AccessibilityOn: return "accessibility_on";
    }
    return "unknown";
}

std::string_view sessionEndReasonName(SessionEndReason reason) {
    switch (reason) {
        case SessionEndReason::Idle: return "idle";
        case SessionEndReason::Home: return "home";
        case SessionEndReason::Staff: return "staff";
    }
    return "unknown";
}

}  // namespace kiosk::core
