// What the usage log records about a visit, and the small interface the Navigator reports to.
// Every string in an event is a content id (pack, page, flow, quiz, QR block) or a configured
// language tag that the Navigator checked exists: never anything a visitor typed or chose in a form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::core {

enum class UsageKind : std::uint8_t {
    SessionStart,    // item: the language the visit began in
    SessionEnd,      // item: the reason (see SessionEndReason), value: seconds from first to last touch
    PageView,        // pack, page; value: seconds on the page (recorded when the visitor leaves it)
    LinkOpen,        // pack, page (where the button or link was), item: the page it leads to
    FlowStep,        // pack, item: flow; value: step reached, 1 … steps, steps + 1 is the summary
    FlowComplete,    // pack, item: flow; the result was reached
    FlowAbandon,     // pack, item: flow; value: the step the visitor left at (as FlowStep)
    QuizAnswer,      // pack, page, item: quiz; value: 1 right, 0 wrong
    LanguageChange,  // item: the new language
    QrShown,         // pack, page, item: the QR block shown with the page
    // item: an accessibility feature the visitor turned on (accessibilityFeatureNames); once per
    // feature and visit. Staff learn whether the features are found, never who used them.
    AccessibilityOn,
};

enum class SessionEndReason : std::uint8_t {
    Idle,   // the visitor walked away: the idle reset
    Home,   // the visitor ended the visit themselves
    Staff,  // staff took over the screen
};

// The names stored in the database and printed by `kiosk stats`.
std::string_view usageKindName(UsageKind kind);
std::string_view sessionEndReasonName(SessionEndReason reason);

struct UsageEvent {
    UsageKind kind = UsageKind::SessionStart;
    // Links the events of one visit on their way to the store. A random number held only in
    // memory: the store keeps sessions as rows with their own key and never writes this.
    std::uint64_t session = 0;
    std::string pack;
    std::string page;
    std::string item;
    std::int64_t value = 0;

    bool operator==(const UsageEvent&) const = default;
};

// Where the Navigator reports what happens. record() is called on the frame loop: it must never
// wait for a disk, and never throw.
class UsageLog {
public:
    virtual ~UsageLog() = default;
    virtual void record(UsageEvent event) noexcept = 0;
};

}  // namespace kiosk::core
