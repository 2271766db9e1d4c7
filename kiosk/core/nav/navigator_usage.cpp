// The Navigator's reports to the usage log (DESIGN.md §6): events are derived from what an intent
// changed, never from the intent's payload, so a field value or a typed text cannot reach the log:
// nothing here ever reads FlowSession::values.
#include "core/nav/navigator.hpp"

#include <algorithm>
#include <chrono>
#include <random>

namespace kiosk::core {
namespace {

std::int64_t wholeSeconds(Duration d) {
    return std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

}  // namespace

void Navigator::report(UsageKind kind, std::string pack, std::string page, std::string item, std::int64_t value) {
    if (!m_usage || m_session == 0) return;
    m_usage->record(UsageEvent{kind, m_session, std::move(pack), std::move(page), std::move(item), value});
}

void Navigator::beginSession(TimePoint now) {
    // A fresh token from the system's entropy for every visit: never derived from the previous
    // one, never written anywhere (the store numbers sessions itself).
    std::random_device entropy;
    std::uint64_t token = 0;
    while (token == 0 || token == m_session) token = (std::uint64_t{entropy()} << 32) ^ entropy();
    m_session = token;
    m_sessionStart = now;
    m_accessibilityReported.clear();
    m_pageSince = now;  // a session begun on a page (an intent after endSession) counts it from now
    m_lastSeen = now;
    report(UsageKind::SessionStart, "", "", m_language);
}

void Navigator::closeSession(SessionEndReason reason, TimePoint at) {
    if (m_flow) {
        const Flow* flow = currentFlow();
        if (flow && m_flow->step <= flow->steps.size()) {
            report(UsageKind::FlowAbandon, m_location.packId, "", m_flow->flowId, static_cast<std::int64_t>(m_flow->step + 1));
        }
    }
    if (!m_location.isHome()) report(UsageKind::PageView, m_location.packId, m_location.pageId, "", wholeSeconds(at - m_pageSince));
    report(UsageKind::SessionEnd, "", "", std::string(sessionEndReasonName(reason)), wholeSeconds(at - m_sessionStart));
    m_session = 0;
}

void Navigator::endSession(SessionEndReason reason, TimePoint now) {
    if (m_session == 0) return;
    m_lastSeen = now;
    closeSession(reason, now);
}

Navigator::UsageSnapshot Navigator::usageSnapshot(const Intent& intent) const {
    UsageSnapshot s;
    s.location = m_location;
    s.language = m_language;
    if (m_flow) {
        s.flowId = m_flow->flowId;
        s.flowStep = m_flow->step;
        if (const Flow* flow = currentFlow()) s.flowSteps = flow->steps.size();
    }
    if (const auto* answer = std::get_if<AnswerQuiz>(&intent)) s.quizAnswer = std::string(quizAnswer(answer->quizId));
    if (std::holds_alternative<SetAccessibility>(intent)) s.accessibilityOn = m_accessibility.featuresOn();
    return s;
}

void Navigator::reportFlowStep(const std::string& packId, const std::string& flowId, std::size_t step, std::size_t steps) {
    if (step <= steps) {
        report(UsageKind::FlowStep, packId, "", flowId, static_cast<std::int64_t>(step + 1));
    } else {
        report(UsageKind::FlowComplete, packId, "", flowId);
    }
}

void Navigator::reportChanges(const UsageSnapshot& before, const Intent& intent, TimePoint now) {
    const bool sameFlow = m_flow && !before.flowId.empty() && m_flow->flowId == before.flowId &&
                          m_location.packId == before.location.packId;
    if (!before.flowId.empty() && !sameFlow && before.flowStep <= before.flowSteps) {
        report(UsageKind::FlowAbandon, before.location.packId, "", before.flowId, static_cast<std::int64_t>(before.flowStep + 1));
    }
    if (m_flow) {
        const Flow* flow = currentFlow();
        const std::size_t steps = flow ? flow->steps.size() : 0;
        if (!sameFlow || m_flow->step > before.flowStep) reportFlowStep(m_location.packId, m_flow->flowId, m_flow->step, steps);
    }

    if (m_location != before.location) {
        if (!before.location.isHome()) {
            report(UsageKind::PageView, before.location.packId, before.location.pageId, "", wholeSeconds(now - m_pageSince));
        }
        m_pageSince = now;
        if (std::holds_alternative<OpenPage>(intent)) {
            report(UsageKind::LinkOpen, m_location.packId, before.location.pageId, m_location.pageId);
        }
        if (const Page* page = currentPage()) {
            for (const Block& block : page->blocks) {
                if (const auto* qr = std::get_if<QrBlock>(&block)) report(UsageKind::QrShown, m_location.packId, page->id, qr->id);
            }
        }
    }

    if (m_language != before.language) report(UsageKind::LanguageChange, "", "", m_language);

    if (std::holds_alternative<SetAccessibility>(intent)) {
        for (const std::string& feature : m_accessibility.featuresOn()) {
            const bool wasOn = std::find(before.accessibilityOn.begin(), before.accessibilityOn.end(), feature) != before.accessibilityOn.end();
            if (!wasOn && m_accessibilityReported.insert(feature).second) report(UsageKind::AccessibilityOn, "", "", feature);
        }
    }

    if (const auto* answer = std::get_if<AnswerQuiz>(&intent)) {
        const std::string_view pickedId = quizAnswer(answer->quizId);
        if (!pickedId.empty() && pickedId != before.quizAnswer) {
            const QuizBlock* quiz = findQuiz(answer->quizId);
            const QuizAnswer* picked = quiz ? quiz->findAnswer(pickedId) : nullptr;
            report(UsageKind::QuizAnswer, m_location.packId, m_location.pageId, quiz ? quiz->id : std::string(),
                   picked && picked->correct ? 1 : 0);
        }
    }
}

}  // namespace kiosk::core
