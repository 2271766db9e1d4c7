// Whether the screen shows the kiosk or stays dark, from the opening hours and the last touch.
// Outside opening hours a touch can wake the screen for a while (schedule.wake_on_touch_minutes);
// a visitor still at the screen when the showroom closes is never cut off (the window loop goes
// dark only once the visit has ended).
#pragma once

#include <chrono>
#include <optional>

#include "core/ops/opening_hours.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

enum class ScreenState { Open, Closed, WokenUp };

// The local time (TZ) at a moment; the one place that asks the C library for a time zone.
CivilTime civilTimeOf(WallTime at);

class ScreenSchedule {
public:
    ScreenSchedule(OpeningHours hours, std::chrono::minutes wakeOnTouch);

    ScreenState state(WallTime now) const;
    bool screenOn(WallTime now) const { return state(now) != ScreenState::Closed; }
    // A visitor's touch or key. Outside the hours it wakes the screen (or keeps it awake) for the
    // configured minutes; returns true when it switched a dark screen on.
    bool touch(WallTime now);
    // With wake_on_touch_minutes = 0 a dark screen ignores every touch.
    bool wakesOnTouch() const { return m_wakeOnTouch.count() > 0; }
    const OpeningHours& hours() const { return m_hours; }

private:
    OpeningHours m_hours;
    std::chrono::minutes m_wakeOnTouch;
    std::optional<WallTime> m_wokenUntil;
};

}  // namespace kiosk::core
