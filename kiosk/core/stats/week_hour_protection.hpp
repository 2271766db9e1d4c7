// Secondary suppression of the weekday × hour table: which further cells to hide so that none of
// its small counts, and no hidden day or hour, can be worked out from everything else shown.
#pragma once

#include <string_view>
#include <vector>

#include "core/stats/usage_stats.hpp"

namespace kiosk::core {

// `cells` comes with its primary suppression (1 … k − 1 hidden, 0 shown); `perDay` (named by
// date), `perHour` and `total` are final, with their own secondary suppression done. Only
// cells of `cells` are hidden further. The rule and why it is safe: week_hour_protection.cpp.
void protectWeekHours(WeekHourCells& cells, const std::vector<StatsRow>& perDay, const std::vector<StatsRow>& perHour,
                      const StatsCell& total, int k);

// 0 for Monday … 6 for Sunday, of a "YYYY-MM-DD" date; -1 for anything else.
int weekdayOfDate(std::string_view date);

}  // namespace kiosk::core
