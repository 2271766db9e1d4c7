// Phases follow from the time since the last touch; tick() only notices when a boundary passed.
#include "core/nav/visit_timer.hpp"

#include <algorithm>

namespace kiosk::core {

VisitTimer::VisitTimer(IdlePolicy policy, TimePoint now) : m_policy(policy), m_phaseSince(now), m_lastActivity(now) {}

void VisitTimer::enter(VisitorPhase phase, TimePoint now) {
    m_phase = phase;
    m_phaseSince = now;
    m_slide = 0;
}

void VisitTimer::startVisit(TimePoint now) {
    m_lastActivity = now;
    if (m_phase != VisitorPhase::Visiting) enter(VisitorPhase::Visiting, now);
}

void VisitTimer::endVisit(TimePoint now) {
    if (m_phase != VisitorPhase::Attract) enter(VisitorPhase::ResetNotice, now);
}

void VisitTimer::noteActivity(TimePoint now) {
    // Not while the prompt shows: it is answered by its own StillHere (a tap on it, a key), so
    // the touch that answers it is never also a touch on the page it covers.
    if (m_phase == VisitorPhase::Visiting) m_lastActivity = now;
}

int VisitTimer::secondsUntil(TimePoint reset, TimePoint now) const {
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(reset - now).count());
}

VisitTimer::Change VisitTimer::tick(TimePoint now, bool inFlow) {
    switch (m_phase) {
        case VisitorPhase::Visiting:
        case VisitorPhase::IdlePrompt: {
            const TimePoint reset = m_lastActivity + limit(inFlow);
            if (now >= reset) {
                enter(VisitorPhase::ResetNotice, now);
                return Change::Reset;
            }
            if (now < reset - prompt()) {
                // A flow left for a page shortens the time, entering one lengthens it: the prompt
                // may have to go away again.
                if (m_phase == VisitorPhase::Visiting) return Change::None;
                enter(VisitorPhase::Visiting, now);
                return Change::Redraw;
            }
            const int left = secondsUntil(reset, now);
            if (m_phase == VisitorPhase::IdlePrompt && left == m_secondsLeft) return Change::None;
            if (m_phase != VisitorPhase::IdlePrompt) enter(VisitorPhase::IdlePrompt, now);
            m_secondsLeft = left;
            return Change::Redraw;
        }
        case VisitorPhase::ResetNotice:
            if (now - m_phaseSince < m_policy.notice) return Change::None;
            enter(VisitorPhase::Attract, now);
            return Change::Redraw;
        case VisitorPhase::Attract: {
            const auto slide = static_cast<std::size_t>((now - m_phaseSince) / m_policy.slide);
            if (slide == m_slide) return Change::None;
            m_slide = slide;
            return Change::Redraw;
        }
    }
    return Change::None;
}

std::optional<TimePoint> VisitTimer::nextDeadline(bool inFlow) const {
    const TimePoint reset = m_lastActivity + limit(inFlow);
    switch (m_phase) {
        case VisitorPhase::Visiting: return reset - prompt();
        case VisitorPhase::IdlePrompt: return reset - std::chrono::seconds(std::max(m_secondsLeft - 1, 0));
        case VisitorPhase::ResetNotice: return m_phaseSince + m_policy.notice;
        case VisitorPhase::Attract: return m_phaseSince + m_policy.slide * static_cast<long>(m_slide + 1);
    }
    return std::nullopt;
}

}  // namespace kiosk::core
