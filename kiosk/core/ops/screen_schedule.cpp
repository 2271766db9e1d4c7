#include "core/ops/screen_schedule.hpp"

#include <ctime>

namespace kiosk::core {

CivilTime civilTimeOf(WallTime at) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    std::tm local{};
    localtime_r(&seconds, &local);
    CivilTime civil;
    civil.year = local.tm_year + 1900;
    civil.month = local.tm_mon + 1;
    civil.day = local.tm_mday;
    civil.weekday = (local.tm_wday + 6) % 7;  // tm counts from Sunday, opening hours from Monday
    civil.minuteOfDay = local.tm_hour * 60 + local.tm_min;
    civil.secondOfMinute = local.tm_sec;
    return civil;
}

ScreenSchedule::ScreenSchedule(OpeningHours hours, std::chrono::minutes wakeOnTouch)
    : m_hours(std::move(hours)), m_wakeOnTouch(wakeOnTouch) {}

ScreenState ScreenSchedule::state(WallTime now) const {
    if (m_hours.isOpen(civilTimeOf(now))) return ScreenState::Open;
    if (m_wokenUntil && now < *m_wokenUntil) return ScreenState::WokenUp;
    return ScreenState::Closed;
}

bool ScreenSchedule::touch(WallTime now) {
    const ScreenState before = state(now);
    if (before == ScreenState::Open || !wakesOnTouch()) return false;
    m_wokenUntil = now + m_wakeOnTouch;
    return before == ScreenState::Closed;
}

}  // namespace kiosk::core
