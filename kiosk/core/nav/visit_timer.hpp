// The life of one visit, by the clock: the attract loop while nobody is there, the visit, the
// "are you still there?" prompt before the reset, and the short notice that the inputs are gone.
// Only timing lives here; what a reset erases is the Navigator's business.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>

#include "core/util/clock.hpp"

namespace kiosk::core {

enum class VisitorPhase {
    Attract,      // nobody there: the slideshow with "touch to start"
    Visiting,     // a visitor is using the kiosk
    IdlePrompt,   // no touch for a while: "are you still there?" with a countdown
    ResetNotice,  // just reset: "your inputs have been deleted", then the attract loop
};

struct IdlePolicy {
    Duration page = std::chrono::seconds(90);  // no touch for this long on a page or home: reset
    Duration flow = std::chrono::seconds(180);  // in a form people stop to think, look for a card …
    Duration prompt = std::chrono::seconds(20);  // the countdown before the reset, within the time above
    Duration notice = std::chrono::seconds(4);   // how long "your inputs have been deleted" shows
    Duration slide = std::chrono::seconds(8);    // one picture of the attract loop

    IdlePolicy() = default;
    // The page time alone (tests, a bare --idle-seconds): a flow gets twice that, and the prompt
    // a third of the page time, 20 s at most.
    // Implicit on purpose, and for any std::chrono unit: a bare time reads as a policy.
    template <class Rep, class Period>
    IdlePolicy(std::chrono::duration<Rep, Period> pageTime)
        : page(std::chrono::duration_cast<Duration>(pageTime)),
          flow(page * 2),
          prompt(std::min<Duration>(std::chrono::seconds(20), page / 3)) {}
};

class VisitTimer {
public:
    // Starts with nobody there.
    VisitTimer(IdlePolicy policy, TimePoint now);

    // The first touch on the attract loop, or any intent: a visit begins (or goes on).
    void startVisit(TimePoint now);
    // A touch or key during a visit: the wait starts again. On the prompt, in the attract loop
    // and on the notice it changes nothing: StillHere and StartVisit (intents) answer those.
    void noteActivity(TimePoint now);
    // The visitor ended the visit: straight to the reset notice, as if the countdown had run out.
    void endVisit(TimePoint now);

    enum class Change { None, Redraw, Reset };
    // Moves to the phase the clock calls for. Reset: the visitor must be forgotten now (the phase
    // is then ResetNotice). Redraw: what the screen shows changed (a phase, a countdown second,
    // an attract picture). `inFlow` picks the flow's longer time.
    Change tick(TimePoint now, bool inFlow);

    // When tick() may next have something to do; the frame loop sleeps until then.
    std::optional<TimePoint> nextDeadline(bool inFlow) const;

    VisitorPhase phase() const { return m_phase; }
    // Whole seconds until the reset, counted down on the prompt.
    int secondsLeft() const { return m_secondsLeft; }
    // How many attract pictures have been shown since the loop began.
    std::size_t slide() const { return m_slide; }
    const IdlePolicy& policy() const { return m_policy; }

    // Every visitor timeout (the reset and its prompt) runs this many times longer, from now
    // on: the visitor asked for more time, or uses the kiosk without sight. 1 is the policy.
    void setTimeFactor(int factor) { m_timeFactor = std::max(1, factor); }
    int timeFactor() const { return m_timeFactor; }

private:
    Duration limit(bool inFlow) const { return (inFlow ? m_policy.flow : m_policy.page) * m_timeFactor; }
    Duration prompt() const { return m_policy.prompt * m_timeFactor; }
    int secondsUntil(TimePoint reset, TimePoint now) const;
    void enter(VisitorPhase phase, TimePoint now);

    IdlePolicy m_policy;
    VisitorPhase m_phase = VisitorPhase::Attract;
    TimePoint m_phaseSince;
    TimePoint m_lastActivity;
    int m_secondsLeft = 0;
    std::size_t m_slide = 0;
    int m_timeFactor = 1;
};

}  // namespace kiosk::core
