// Applies intents to the navigation state and resets it when the visitor walks away.
#include "core/nav/navigator.hpp"

#include <algorithm>

#include "core/nav/field_check.hpp"
#include "core/util/log.hpp"

namespace kiosk::core {

std::string_view FlowSession::value(std::string_view fieldId) const {
    auto it = values.find(fieldId);
    return it == values.end() ? std::string_view{} : std::string_view(it->second);
}

Navigator::Navigator(const PackLibrary& library, std::vector<std::string> languages, std::string defaultLanguage,
                     IdlePolicy idle, TimePoint now, std::uint32_t randomSeed)
    : m_library(library),
      m_languages(std::move(languages)),
      m_defaultLanguage(std::move(defaultLanguage)),
      m_visit(idle, now),
      m_language(m_defaultLanguage),
      m_random(randomSeed) {}

const Pack* Navigator::currentPack() const {
    return m_location.isHome() ? nullptr : m_library.findPack(m_location.packId);
}

const Page* Navigator::currentPage() const {
    const Pack* pack = currentPack();
    return pack ? pack->findPage(m_location.pageId) : nullptr;
}

const Flow* Navigator::currentFlow() const {
    const Pack* pack = currentPack();
    return pack && m_flow ? pack->findFlow(m_flow->flowId) : nullptr;
}

std::string_view Navigator::quizAnswer(std::string_view quizId) const {
    auto it = m_quizAnswers.find(quizId);
    return it == m_quizAnswers.end() ? std::string_view{} : std::string_view(it->second);
}

// Whatever the visitor did on the page they leave (quiz answers, a flow) is not carried along.
void Navigator::leavePage() {
    m_flow.reset();
    m_quizAnswers.clear();
}

std::string Navigator::makeCaseNumber(std::string_view pattern) {
    std::string out(pattern);
    std::uniform_int_distribution<int> digit(0, 9);
    for (char& c : out) {
        if (c == '#') c = static_cast<char>('0' + digit(m_random));
    }
    return out;
}

void Navigator::applyFlowIntent(const Intent& intent) {
    const Flow* flow = currentFlow();
    if (!flow) {
        logWarning("nav", "ignored: flow intent outside a flow");
        return;
    }
    FlowSession& session = *m_flow;
    const std::size_t summary = flow->steps.size();
    if (const auto* set = std::get_if<SetFieldValue>(&intent)) {
        const bool onThisStep = session.step < summary &&
                                std::any_of(flow->steps[session.step].fields.begin(), flow->steps[session.step].fields.end(),
                                            [&](const FlowField& f) { return f.id == set->fieldId; });
        if (!onThisStep) {
            logWarning("nav", "ignored: field '" + set->fieldId + "' is not on the current step");
            return;
        }
        session.values[set->fieldId] = set->value;
    } else if (std::holds_alternative<NextStep>(intent)) {
        if (session.step < summary) {
            const FlowStep& step = flow->steps[session.step];
            const bool valid = std::all_of(step.fields.begin(), step.fields.end(), [&](const FlowField& f) {
                return checkField(f, session.value(f.id)) == FieldProblem::None;
            });
            if (!valid) {
                session.showProblems = true;
                return;
            }
            session.showProblems = false;
            ++session.step;
        } else if (session.step == summary) {
            session.caseNumber = makeCaseNumber(flow->caseNumberPattern);
            ++session.step;
        }
    } else if (std::holds_alternative<FinishFlow>(intent)) {
        const std::string nextPage = flow->nextPage;
        m_flow.reset();
        if (!nextPage.empty()) {
            m_history.push_back(m_location);
            m_location.pageId = nextPage;
            m_quizAnswers.clear();
        }
    }
}

void Navigator::apply(const Intent& intent, TimePoint now) {
    // Not an intent that begins a visit: ending one that is not there does nothing.
    if (std::holds_alternative<EndVisit>(intent)) {
        endSession(SessionEndReason::Home, now);
        resetVisitor();
        m_visit.endVisit(now);
        return;
    }
    if (!m_usage) {
        applyIntent(intent, now);
        return;
    }
    if (m_session == 0) beginSession(now);
    m_lastSeen = now;
    const UsageSnapshot before = usageSnapshot(intent);
    applyIntent(intent, now);
    reportChanges(before, intent, now);
}

void Navigator::applyIntent(const Intent& intent, TimePoint now) {
    m_visit.startVisit(now);
    if (std::holds_alternative<StartVisit>(intent) || std::holds_alternative<StillHere>(intent)) return;
    if (std::holds_alternative<SetFieldValue>(intent) || std::holds_alternative<NextStep>(intent) ||
        std::holds_alternative<FinishFlow>(intent)) {
        applyFlowIntent(intent);
        return;
    }
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, OpenPack>) {
                const Pack* pack = m_library.findPack(i.packId);
                if (!pack) {
                    logWarning("nav", "ignored: open unknown pack '" + i.packId + "'");
                    return;
                }
                m_history.push_back(m_location);
                leavePage();
                m_location = Location{pack->id, pack->startPage};
            } else if constexpr (std::is_same_v<T, OpenPage>) {
                const Pack* pack = currentPack();
                if (!pack || !pack->findPage(i.pageId)) {
                    logWarning("nav", "ignored: open unknown page '" + i.pageId + "'");
                    return;
                }
                m_history.push_back(m_location);
                leavePage();
                m_location.pageId = i.pageId;
            } else if constexpr (std::is_same_v<T, GoBack>) {
                if (m_flow && m_flow->step > 0) {
                    // The result is final: back from it leaves the flow like "Done" without a next page.
                    const Flow* flow = currentFlow();
                    if (flow && m_flow->step > flow->steps.size()) {
                        m_flow.reset();
                    } else {
                        --m_flow->step;
                        m_flow->showProblems = false;
                    }
                    return;
                }
                if (m_flow) {
                    m_flow.reset();
                    return;
                }
                leavePage();
                if (m_history.empty()) {
                    m_location = Location{};
                } else {
                    m_location = m_history.back();
                    m_history.pop_back();
                }
            } else if constexpr (std::is_same_v<T, GoHome>) {
                leavePage();
                m_location = Location{};
                m_history.clear();
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                if (std::find(m_languages.begin(), m_languages.end(), i.language) == m_languages.end()) {
                    logWarning("nav", "ignored: language '" + i.language + "' is not configured");
                    return;
                }
                m_language = i.language;
            } else if constexpr (std::is_same_v<T, AnswerQuiz>) {
                const QuizBlock* quiz = findQuiz(i.quizId);
                if (!quiz || !quiz->findAnswer(i.answerId)) {
                    logWarning("nav", "ignored: answer '" + i.answerId + "' of quiz '" + i.quizId + "'");
                    return;
                }
                m_quizAnswers[i.quizId] = i.answerId;
            } else if constexpr (std::is_same_v<T, SetAccessibility>) {
                m_accessibility = i.settings.clamped();
                m_visit.setTimeFactor(m_accessibility.timeFactor());
            } else if constexpr (std::is_same_v<T, StartFlow>) {
                const Pack* pack = currentPack();
                const Flow* flow = pack ? pack->findFlow(i.flowId) : nullptr;
                if (!flow) {
                    logWarning("nav", "ignored: start unknown flow '" + i.flowId + "'");
                    return;
                }
                m_flow = FlowSession{};
                m_flow->flowId = flow->id;
            }
        },
        intent);
}

const QuizBlock* Navigator::findQuiz(std::string_view quizId) const {
    const Page* page = currentPage();
    if (!page) return nullptr;
    for (const Block& block : page->blocks) {
        const auto* quiz = std::get_if<QuizBlock>(&block);
        if (quiz && quiz->id == quizId) return quiz;
    }
    return nullptr;
}

void Navigator::libraryChanged() {
    // The history may name pages that are gone; going back to one would be refused later anyway,
    // but a clean history is simpler to reason about.
    m_history.clear();
    m_quizAnswers.clear();
    const Pack* pack = currentPack();
    if (!pack) {
        m_location = Location{};
        m_flow.reset();
        return;
    }
    if (!pack->findPage(m_location.pageId)) m_location.pageId = pack->startPage;
    if (m_flow) {
        const Flow* flow = pack->findFlow(m_flow->flowId);
        if (!flow || m_flow->step > flow->steps.size() + 1) m_flow.reset();
    }
}

// Everything the visitor did goes: page, path, language, form values, quiz answers. The UI drops
// its own traces (text field buffers, scroll positions) when it sees the phase change.
void Navigator::resetVisitor() {
    leavePage();
    m_location = Location{};
    m_history.clear();
    m_language = m_defaultLanguage;
    m_accessibility = AccessibilitySettings{};
    m_visit.setTimeFactor(1);
}

bool Navigator::tick(TimePoint now) {
    const VisitTimer::Change change = m_visit.tick(now, m_flow.has_value());
    if (change == VisitTimer::Change::Reset) {
        if (m_session != 0) closeSession(SessionEndReason::Idle, m_lastSeen);
        resetVisitor();
    }
    return change != VisitTimer::Change::None;
}

}  // namespace kiosk::core
