// The clock is injected: core never asks the system for the time, so tests control it.
#pragma once

#include <chrono>

namespace kiosk::core {

using Duration = std::chrono::steady_clock::duration;
using TimePoint = std::chrono::steady_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SteadyClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

// For tests: time moves only when told to.
class ManualClock final : public Clock {
public:
    TimePoint now() const override { return m_now; }
    void advance(Duration by) { m_now += by; }

private:
    TimePoint m_now{};
};

// The calendar time, for what must survive a restart (a steady clock starts anew at boot):
// the wrong-PIN delay. Injected like Clock.
using WallTime = std::chrono::system_clock::time_point;

class WallClock {
public:
    virtual ~WallClock() = default;
    virtual WallTime now() const = 0;
};

class SystemWallClock final : public WallClock {
public:
    WallTime now() const override { return std::chrono::system_clock::now(); }
};

class ManualWallClock final : public WallClock {
public:
    explicit ManualWallClock(WallTime start = WallTime{std::chrono::hours(24 * 365 * 55)}) : m_now(start) {}
    WallTime now() const override { return m_now; }
    void advance(std::chrono::system_clock::duration by) { m_now += by; }

private:
    WallTime m_now;
};

}  // namespace kiosk::core

