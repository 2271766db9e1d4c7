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

}  // namespace kiosk::core
