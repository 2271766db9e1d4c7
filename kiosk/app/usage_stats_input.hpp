// What `kiosk stats` and `kiosk stats report` both read: the suppressed numbers of the state
// folder's usage log, with its problems printed once, the same way, under the command's name.
#pragma once

#include <optional>

#include "core/config/kiosk_config.hpp"
#include "core/stats/usage_stats.hpp"

namespace kiosk::app {

// The last `days` days up to `now`, suppressed as config usage.min_cell_sessions says. A log that
// does not exist yet gives empty numbers and a notice; one that cannot be read, nullopt and an
// error naming it (exit code kExitFailure).
std::optional<core::UsageStats> readUsageStatsReporting(const core::KioskConfig& config, int days, core::WallTime now, const char* command);

}  // namespace kiosk::app
