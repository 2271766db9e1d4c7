// `kiosk stats`: reads <state>/usage.sqlite (read-only, while the kiosk may be running) and prints
// the summary with small cells suppressed as config usage.min_cell_sessions says.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/stats/usage_stats.hpp"
#include "core/usage/usage_database.hpp"

namespace kiosk::app {

int statsCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const std::filesystem::path state = prepareStateFolder(*config);
    core::StatsRequest request;
    request.now = core::SystemWallClock().now();
    request.days = line.stats.days;
    request.minCellSessions = config->usage.minCellSessions;
    const std::filesystem::path file = core::usageDatabasePath(state);
    auto stats = core::computeUsageStats(file, request);
    if (!stats) {
        std::fprintf(stderr, "stats: %s\n", stats.error().describe().c_str());
        return kExitFailure;
    }
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) std::fprintf(stderr, "stats: no usage log yet at %s: no visits recorded\n", file.c_str());
    const std::string& format = line.stats.format;
    const std::string text = format == "csv"    ? core::formatStatsCsv(stats.value())
                             : format == "json" ? core::formatStatsJson(stats.value())
                                                : core::formatStatsTable(stats.value());
    std::fputs(text.c_str(), stdout);
    return kExitOk;
}

}  // namespace kiosk::app
