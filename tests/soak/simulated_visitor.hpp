// Visitors for the soak: seeded random fingers on whatever the real UI drew as touch targets
// (tiles, buttons, links, back and home, quiz answers, a flow's fields, examples and steps, the
// on-screen keyboard's keys, languages, read aloud, the accessibility menu, clips), drags that
// scroll, and the end of a visit by walking away (the idle prompt and reset, by the clock) or by
// "End visit". Time is the soak's manual clock: a visitor who thinks for a minute costs nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/nav/navigator.hpp"
#include "core/util/clock.hpp"
#include "platform/headless_renderer.hpp"

namespace kiosk::soak {

// The kiosk's two clocks moved together: the navigator's (idle timers, attract pictures) and the
// wall clock the usage log stamps minutes with.
struct SoakTime {
    core::ManualClock steady;
    core::ManualWallClock wall;

    core::TimePoint now() const { return steady.now(); }
    void advance(core::Duration by) {
        steady.advance(by);
        wall.advance(std::chrono::duration_cast<std::chrono::system_clock::duration>(by));
    }
};

// What the visitors did, summed over the run.
struct VisitTally {
    std::uint64_t visits = 0;
    std::uint64_t taps = 0;
    std::uint64_t keys = 0;  // on-screen keyboard keys tapped
    std::uint64_t drags = 0;
    std::uint64_t languageChanges = 0;
    std::uint64_t readAloud = 0;
    std::uint64_t flowsFinished = 0;  // a flow's result (with its case number) reached
    std::uint64_t idleResets = 0;
    std::uint64_t endVisitTaps = 0;
    std::uint64_t stillHere = 0;  // "continue" on the idle prompt: the visitor came back
};

class SimulatedVisitor {
public:
    // `betweenActions` runs after every tap, drag and idle deadline (the soak's watch and reports);
    // once it returns true the soak is over and the visitor walks away.
    SimulatedVisitor(platform::HeadlessRenderer& renderer, core::Navigator& navigator, SoakTime& time, std::uint32_t seed,
                     std::function<bool()> betweenActions);

    // One visitor, from the first touch on the attract loop until the attract loop shows again.
    // Throws std::runtime_error when the kiosk does not get there (a stuck visit is a finding).
    void visit(VisitTally& tally);
    // The first visit of a run: what costs memory once and then stays (a clip's decoder threads,
    // speech's voices, a flow's first result, every language's glyph layouts) happens in the
    // warm-up, not by chance in the middle of the run. At its end the visitor stays on screen
    // while `stayingOn` runs (the soak syncs twice meanwhile).
    void warmUpTour(VisitTally& tally, const std::function<void()>& stayingOn);

private:
    void act(VisitTally& tally);
    void aimAndTap(VisitTally& tally);
    void fillStep(VisitTally& tally);
    void tapById(const std::string& itemId, VisitTally& tally);
    void tap(const ui::ItemRect& item, VisitTally& tally);
    void dragPage(VisitTally& tally);
    // Scrolls until the item is well inside the screen; false if it cannot be brought there.
    bool reveal(const std::string& itemId, VisitTally& tally);
    void think(core::Duration longest);
    void walkAway(VisitTally& tally);
    void endVisitByButton(VisitTally& tally);
    void settle() { m_renderer.settle(m_navigator, m_time.now()); }
    bool inFlowResult() const;
    std::vector<ui::ItemRect> touchTargets() const;
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }

    platform::HeadlessRenderer& m_renderer;
    core::Navigator& m_navigator;
    SoakTime& m_time;
    std::mt19937 m_random;
    std::function<bool()> m_betweenActions;
    bool m_timeUp = false;
    // KIOSK_SOAK_TRACE=1: every tap's item on stderr, to follow a visit that went wrong; 2: and
    // every target the visitor chose from.
    int m_trace;
};

}  // namespace kiosk::soak
