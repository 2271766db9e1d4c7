// `kiosk stats report`: the suppressed statistics as one self-contained HTML file staff can mail
// and print, in German or English, with charts as inline SVG.
#pragma once

#include <string>

#include "core/stats/usage_stats.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

enum class ReportLanguage { German, English };

struct ReportContext {
    WallTime generatedAt;
    WallTime periodEnd;  // the StatsRequest's `now`: the period is the stats' `days` before it
    ReportLanguage language = ReportLanguage::German;
    StatsTimeZone zone = StatsTimeZone::Local;  // as the stats were counted in
};

// The whole page: only what `stats` shows (a suppressed cell is "<k", and its value is used for
// nothing), every name from the data escaped, nothing loaded from anywhere else.
std::string formatStatsReport(const UsageStats& stats, const ReportContext& context);

}  // namespace kiosk::core
