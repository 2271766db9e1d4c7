// `kiosk stats`: reads <state>/usage.sqlite (read-only, while the kiosk may be running) and prints
// the summary with small cells suppressed as config usage.min_cell_sessions says.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "app/usage_stats_input.hpp"

namespace kiosk::app {

int statsCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const auto stats = readUsageStatsReporting(*config, line.stats.days, core::SystemWallClock().now(), "stats");
    if (!stats) return kExitFailure;
    const std::string& format = line.stats.format;
    const std::string text = format == "csv"    ? core::formatStatsCsv(*stats)
                             : format == "json" ? core::formatStatsJson(*stats)
                                                : core::formatStatsTable(*stats);
    std::fputs(text.c_str(), stdout);
    return kExitOk;
}

}  // namespace kiosk::app
