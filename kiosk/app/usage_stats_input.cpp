// Reading the usage log for the stats commands, read-only, while the kiosk may be writing it.
#include "app/usage_stats_input.hpp"

#include <cstdio>

#include "app/startup.hpp"
#include "core/usage/usage_database.hpp"

namespace kiosk::app {

std::optional<core::UsageStats> readUsageStatsReporting(const core::KioskConfig& config, int days, core::WallTime now, const char* command) {
    core::StatsRequest request;
    request.now = now;
    request.days = days;
    request.minCellSessions = config.usage.minCellSessions;
    const std::filesystem::path file = core::usageDatabasePath(prepareStateFolder(config));
    auto stats = core::computeUsageStats(file, request);
    if (!stats) {
        std::fprintf(stderr, "%s: %s\n", command, stats.error().describe().c_str());
        return std::nullopt;
    }
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) std::fprintf(stderr, "%s: no usage log yet at %s: no visits recorded\n", command, file.c_str());
    return std::move(stats).value();
}

}  // namespace kiosk::app
