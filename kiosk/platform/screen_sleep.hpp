// The window loop's side of the opening hours: when the screen goes dark, which input wakes it,
// and how long the loop may sleep meanwhile. While dark the loop draws nothing at all.
#pragma once

#include <SDL_events.h>

#include "core/ops/screen_schedule.hpp"
#include "core/util/clock.hpp"

namespace kiosk::platform {

class ScreenSleep {
public:
    // Both may be null (no [schedule], or a `--frames` run): the screen never sleeps.
    ScreenSleep(core::ScreenSchedule* schedule, const core::WallClock* wallClock) : m_schedule(schedule), m_wallClock(wallClock) {}

    bool dark() const { return m_dark; }
    // Call once per loop iteration. The screen goes dark only when the hours say so and nobody
    // is using it (the attract loop is showing, the staff screen is closed): closing time never
    // cuts a visitor off. Returns true when the state changed.
    bool update(bool nobodyThere);
    // Call for each visitor input before anything else sees it. True: the input is swallowed,
    // being one that wakes the screen or lands on a dark one; a touch that wakes the screen
    // presses nothing, and neither does the rest of it until the finger lifts.
    bool swallow(const SDL_Event& event, bool isVisitorInput);
    // How long a dark loop may wait for input: until the next full minute, when the hours may
    // have begun. A lit loop is not limited here.
    int darkSleepMilliseconds() const;

private:
    core::ScreenSchedule* m_schedule;
    const core::WallClock* m_wallClock;
    bool m_dark = false;
    bool m_swallowUntilRelease = false;
};

}  // namespace kiosk::platform
