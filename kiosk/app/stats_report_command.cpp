// `kiosk stats report`: reads <state>/usage.sqlite like `kiosk stats` and writes the same
// suppressed numbers as one HTML file, atomically: a report being mailed is never half-written.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/stats/stats_report.hpp"
#include "app/usage_stats_input.hpp"
#include "core/util/atomic_file.hpp"

namespace kiosk::app {

int statsReportCommand(const CommandLine& line) {
    const StatsOptions& options = line.stats;
    if (options.reportOut.empty()) {
        std::fprintf(stderr,
                     "kiosk stats report: no file to write the report to; name one with --out, e.g. "
                     "kiosk stats report --out nutzung.html\n");
        return kExitUsage;
    }
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const core::WallTime now = core::SystemWallClock().now();
    const auto stats = readUsageStatsReporting(*config, options.days, now, "kiosk stats report");
    if (!stats) return kExitFailure;
    const core::ReportContext context{now, now, options.reportLanguage == "en" ? core::ReportLanguage::English : core::ReportLanguage::German,
                                      core::StatsTimeZone::Local};
    const std::string html = core::formatStatsReport(*stats, context);
    if (const std::string error = core::writeFileAtomically(options.reportOut, html); !error.empty()) {
        std::fprintf(stderr,
                     "kiosk stats report: the report could not be written to %s (%s); nothing was changed there. Choose a folder "
                     "that exists and that you may write to, e.g. --out ~/nutzung.html\n",
                     options.reportOut.c_str(), error.c_str());
        return kExitFailure;
    }
    std::printf("wrote %s (%d day(s), %s)\n", options.reportOut.c_str(), options.days, options.reportLanguage.c_str());
    return kExitOk;
}

}  // namespace kiosk::app
