#include "platform/screen_sleep.hpp"

#include <algorithm>

#include "core/util/log.hpp"

namespace kiosk::platform {
namespace {

bool isRelease(const SDL_Event& event) { return event.type == SDL_FINGERUP || event.type == SDL_MOUSEBUTTONUP; }

}  // namespace

bool ScreenSleep::update(bool nobodyThere) {
    if (m_schedule == nullptr) return false;
    const bool dark = nobodyThere && !m_schedule->screenOn(m_wallClock->now());
    if (dark == m_dark) return false;
    m_dark = dark;
    core::logInfo("schedule", dark ? "outside opening hours: the screen is dark" : "the screen is on");
    return true;
}

bool ScreenSleep::swallow(const SDL_Event& event, bool isVisitorInput) {
    if (m_schedule == nullptr || !isVisitorInput) return false;
    if (m_swallowUntilRelease) {
        if (isRelease(event)) m_swallowUntilRelease = false;
        return true;
    }
    const bool woke = m_schedule->touch(m_wallClock->now());  // also keeps a woken screen awake
    if (!m_dark) return false;
    if (woke) {
        m_dark = false;
        m_swallowUntilRelease = !isRelease(event);
        core::logInfo("schedule", "a touch woke the screen outside opening hours");
    }
    return true;
}

int ScreenSleep::darkSleepMilliseconds() const {
    const auto sinceEpoch = m_wallClock->now().time_since_epoch();
    const auto intoMinute = sinceEpoch - std::chrono::floor<std::chrono::minutes>(sinceEpoch);
    const auto left = std::chrono::minutes(1) - std::chrono::duration_cast<std::chrono::milliseconds>(intoMinute);
    return static_cast<int>(std::clamp<long long>(left.count(), 1, 60'000));
}

}  // namespace kiosk::platform
