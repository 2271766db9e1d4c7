// Where the visitor is (home or a page of a pack), their path back, their language, and the
// visit's life by the clock (attract loop, idle prompt, reset).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/nav/intent.hpp"
#include "core/nav/visit_timer.hpp"
#include "core/pack/pack_library.hpp"
#include "core/usage/usage_event.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

struct Location {
    std::string packId;  // empty: the home screen
    std::string pageId;

    bool isHome() const { return packId.empty(); }
    bool operator==(const Location&) const = default;
};

// A visitor working through a simulated flow. Lives only in memory and is forgotten on idle reset,
// on leaving the flow and on going home: no visitor ever sees another's inputs.
struct FlowSession {
    std::string flowId;
    std::size_t step = 0;  // index into Flow::steps; steps.size() is the summary, steps.size() + 1 the result
    std::map<std::string, std::string, std::less<>> values;  // field id → value, see SetFieldValue
    bool showProblems = false;  // the visitor tried to go on with invalid fields: show the messages
    std::string caseNumber;     // made up when the result is reached

    std::string_view value(std::string_view fieldId) const;
};

class Navigator {
public:
    // Starts in the attract loop, with nobody there.
    Navigator(const PackLibrary& library, std::vector<std::string> languages, std::string defaultLanguage,
              IdlePolicy idle, TimePoint now, std::uint32_t randomSeed = std::random_device{}());

    // Intents naming packs or pages that do not exist are ignored (and logged): a screen can be
    // a frame behind a content reload, and a visitor must never land on an empty page. Every
    // intent counts as the visitor being there, and one in the attract loop begins a visit.
    void apply(const Intent& intent, TimePoint now);

    // After the library's packs were replaced (a preview reload): stays where the visitor is if
    // that page still exists, else the pack's start page, else home. A flow is left if it changed.
    void libraryChanged();

    // Any touch or key during a visit counts as the visitor still being there. The idle prompt
    // and the attract loop are answered by their own intents (StillHere, StartVisit).
    void noteActivity(TimePoint now) {
        m_visit.noteActivity(now);
        if (m_session != 0) m_lastSeen = now;
    }

    // Reports every visit to `log` from the next intent on (null: nothing is recorded). The log
    // must outlive the navigator, or be replaced by null first.
    void setUsageLog(UsageLog* log) { m_usage = log; }
    // Ends the recorded session now for a reason other than the idle reset (staff took over, the
    // visitor said goodbye); the next intent begins a new one. Does not forget the visitor's
    // inputs: that is the reset's job. Nothing happens without a session or a usage log.
    void endSession(SessionEndReason reason, TimePoint now);

    // Prompts, then forgets the visitor when they have been gone for the idle time (a flow's is
    // longer), and runs the attract loop. Returns true if that changed what is on screen.
    bool tick(TimePoint now);

    // When tick() may next have something to do; the frame loop sleeps until then.
    std::optional<TimePoint> nextDeadline() const { return m_visit.nextDeadline(m_flow.has_value()); }

    // Attract loop, visit, idle prompt (with its seconds left) or reset notice.
    const VisitTimer& visit() const { return m_visit; }

    const Location& location() const { return m_location; }
    const std::string& language() const { return m_language; }
    const std::string& defaultLanguage() const { return m_defaultLanguage; }
    const std::vector<std::string>& languages() const { return m_languages; }
    std::size_t historyDepth() const { return m_history.size(); }
    const PackLibrary& library() const { return m_library; }

    // The current pack and page; null on the home screen.
    const Pack* currentPack() const;
    const Page* currentPage() const;
    // The flow the visitor is in, drawn over the current page; null when not in a flow.
    const FlowSession* flowSession() const { return m_flow ? &*m_flow : nullptr; }
    const Flow* currentFlow() const;
    // What the visitor set in the accessibility menu; the defaults between visitors.
    const AccessibilitySettings& accessibility() const { return m_accessibility; }
    // The answer picked for a quiz of the current page; empty when none yet.
    std::string_view quizAnswer(std::string_view quizId) const;

private:
    // What the usage log compares before and after an intent, to report what changed.
    struct UsageSnapshot {
        Location location;
        std::string language;
        std::string flowId;
        std::size_t flowStep = 0;
        std::size_t flowSteps = 0;
        std::string quizAnswer;  // of the quiz the intent answers
        std::vector<std::string> accessibilityOn;
    };

    void applyIntent(const Intent& intent, TimePoint now);
    UsageSnapshot usageSnapshot(const Intent& intent) const;
    void reportChanges(const UsageSnapshot& before, const Intent& intent, TimePoint now);
    void reportFlowStep(const std::string& packId, const std::string& flowId, std::size_t step, std::size_t steps);
    void beginSession(TimePoint now);
    void closeSession(SessionEndReason reason, TimePoint at);
    void report(UsageKind kind, std::string pack, std::string page, std::string item, std::int64_t value = 0);

    void resetVisitor();
    void leavePage();
    const QuizBlock* findQuiz(std::string_view quizId) const;
    void applyFlowIntent(const Intent& intent);
    std::string makeCaseNumber(std::string_view pattern);

    const PackLibrary& m_library;
    std::vector<std::string> m_languages;
    std::string m_defaultLanguage;
    VisitTimer m_visit;

    Location m_location;
    std::vector<Location> m_history;
    std::string m_language;
    std::optional<FlowSession> m_flow;
    std::map<std::string, std::string, std::less<>> m_quizAnswers;  // of the current page: quiz id → answer id
    std::mt19937 m_random;
    AccessibilitySettings m_accessibility;

    UsageLog* m_usage = nullptr;
    std::uint64_t m_session = 0;  // 0: no session; a random token, only in memory
    std::set<std::string> m_accessibilityReported;  // features reported in this session: once each
    TimePoint m_sessionStart;
    TimePoint m_pageSince;  // when the visitor came to the current page (or home)
    TimePoint m_lastSeen;   // the last intent or touch: a visit ends there, not at the idle reset
};

}  // namespace kiosk::core
