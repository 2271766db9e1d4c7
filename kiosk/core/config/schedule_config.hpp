// [schedule]: the opening hours. Without the section the kiosk is on day and night.
#pragma once

#include <chrono>

#include "core/ops/opening_hours.hpp"

namespace kiosk::core {

class TableReader;

struct ScheduleConfig {
    OpeningHours hours;                       // hours.always while there is no [schedule]
    std::chrono::minutes wakeOnTouch{10};     // schedule.wake_on_touch_minutes; 0: dark means dark
};

void readScheduleConfig(const TableReader& root, ScheduleConfig& schedule);

}  // namespace kiosk::core
