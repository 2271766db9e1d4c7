// Raw finger events → the gestures of the non-visual mode (issue 5): touch to explore, double tap
// to activate, flick to move on, a long two-finger hold to switch the mode. Pure logic, no SDL:
// time comes with the events and with poll(), so tests play exact sequences.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/util/clock.hpp"

namespace kiosk::core {

struct FingerEvent {
    enum class Kind { Down, Move, Up };
    Kind kind;
    std::int64_t finger;  // SDL finger id, or 0 for a mouse
    float x, y;           // pixels, screen coordinates
    TimePoint at;
};

struct Gesture {
    enum class Kind {
        Touch,      // a finger rests or moves slowly, or a single tap was confirmed: speak what is under (x, y)
        DoubleTap,  // two quick taps: activate the focused element (the position does not matter)
        SwipeRight,
        SwipeLeft,
        SwipeUp,
        SwipeDown,     // one quick flick, named by where the finger went (y grows downward)
        TwoFingerHold  // two fingers held still for twoFingerHold: toggles non-visual mode
    };
    Kind kind;
    float x = 0, y = 0;
};

struct GestureTuning {           // pixels and durations; the UI derives the pixels from the theme's em
    float tapSlop = 20;          // a tap or a hold moves less than this
    float swipeMinDistance = 80; // a swipe travels at least this, mostly along one axis (|major| >= 2*|minor|)
    Duration swipeMaxTime = std::chrono::milliseconds(500);
    Duration tapMaxTime = std::chrono::milliseconds(300);
    Duration doubleTapGap = std::chrono::milliseconds(350);  // from the first tap's up to the second's down
    Duration twoFingerHold = std::chrono::milliseconds(1500);
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureTuning tuning = {});

    // Feed every finger event in order; returns the gestures it completes (usually none or one).
    // What fell due before event.at (see poll) is completed first, so polling is optional for
    // correctness, only needed for promptness.
    std::vector<Gesture> handle(const FingerEvent& event);
    // Call now and then (every loop iteration): completes what time alone decides: a single tap
    // whose double-tap window has passed (→ Touch at the tap), a finger that has rested or slid
    // long enough to explore (→ Touch), a two-finger hold.
    std::vector<Gesture> poll(TimePoint now);
    // When poll() next has something to do (the loop sleeps until then); nullopt: nothing pending.
    std::optional<TimePoint> nextDeadline() const;
    // Forget all fingers and pending taps (the mode was switched): later events of fingers that
    // were down are then events of unknown fingers, and ignored.
    void reset();

private:
    struct Finger {
        std::int64_t id;
        float downX, downY;
        TimePoint downAt;
        float x, y;
        float farthest = 0;         // the largest distance from where it came down
        float anchorX = 0, anchorY = 0;  // where it was when a two-finger hold began
        float spokenX = 0, spokenY = 0;  // where the last Touch was reported while exploring
        bool exploring = false;
    };
    struct PendingTap {
        float x, y;
        TimePoint upAt;
        bool followed = false;  // a contact began within the gap: it decides, not the clock
    };
    // A contact lasts from the first finger down to the last one up.
    enum class Contact {
        None,
        OneFinger,   // a tap, a swipe or exploration: which one is still open
        TwoFingers,  // a two-finger hold in progress
        Spent,       // gave its gesture or cannot give one any more: silent until all fingers are up
    };

    void fingerDown(const FingerEvent& event, std::vector<Gesture>& out);
    void fingerMoved(const FingerEvent& event, std::vector<Gesture>& out);
    void fingerUp(const FingerEvent& event, std::vector<Gesture>& out);
    void oneFingerLifted(const Finger& finger, TimePoint at, std::vector<Gesture>& out);
    void forgetFinger(std::int64_t id, std::vector<Gesture>& out);
    void beginExploring(Finger& finger, std::vector<Gesture>& out);
    void settlePendingTap(std::vector<Gesture>& out);
    std::optional<Gesture::Kind> swipeOf(const Finger& finger, TimePoint liftedAt) const;
    TimePoint exploringFrom(const Finger& finger) const;
    Finger* findFinger(std::int64_t id);

    GestureTuning m_tuning;
    std::vector<Finger> m_fingers;
    Contact m_contact = Contact::None;
    TimePoint m_holdFrom;
    std::optional<PendingTap> m_pendingTap;
};

}  // namespace kiosk::core
