// `kiosk stats`: what the usage log says about a period, with every small cell suppressed.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

enum class StatsTimeZone { Local, Utc };  // which calendar the days are counted in

// Minutes as usageMinute counts them: from `from` up to, not including, `to`.
struct MinuteSpan {
    std::int64_t from = 0;
    std::int64_t to = 0;
};

struct StatsRequest {
    WallTime now;
    int days = 30;              // the period: the last `days` days up to now
    std::optional<MinuteSpan> span;  // instead of `days`: the sessions that began within it (one calendar day)
    int minCellSessions = 5;    // config usage.min_cell_sessions; never below kMinCellSessionsFloor
    std::size_t top = 10;       // rows of the top packs and pages
    StatsTimeZone zone = StatsTimeZone::Local;
};

// A number that is only shown when at least minCellSessions sessions stand behind it.
struct StatsCell {
    std::int64_t value = 0;
    bool suppressed = false;
};

struct StatsRow {
    std::string name;  // a day, a pack id, "pack/page" or a language tag
    StatsCell sessions;
    StatsCell views;   // page views; 0 for days and languages
};

// One step of a flow's funnel. Steps are numbered as the usage log stores them: 1 … n are the
// form's steps, n + 1 its summary (the log knows no step names, only what was reached).
struct FunnelStep {
    int step = 0;
    StatsCell reached;  // sessions that got at least this far
    StatsCell left;     // sessions that abandoned the flow at this step (walked away, went home)
};

struct FlowFunnel {
    std::string name;  // "pack/flow"
    StatsCell started;    // sessions that opened the flow (reached step 1)
    StatsCell completed;  // sessions that reached its result
    std::vector<FunnelStep> steps;
};

// A quiz, counted by each session's first answer (a visitor who tries again after seeing the
// feedback would otherwise count as right and wrong at once).
struct QuizResult {
    std::string name;  // "pack/page/quiz"
    StatsCell answered;
    StatsCell right;
    StatsCell wrong;
};

// Sessions by the weekday and the hour of the day they began in, all weeks of the period
// together: [0] is Monday … [6] Sunday, [w][h] the hour from h:00. A cell without sessions is
// 0 and shown, as days and hours without visits are; a cell with 1 … k − 1 is hidden, and so
// are the further cells protectWeekHours (week_hour_protection.hpp) hides.
using WeekHourCells = std::array<std::array<StatsCell, 24>, 7>;

struct UsageStats {
    int days = 0;
    int minCellSessions = 0;
    StatsCell sessions;
    StatsCell averageSeconds;  // of the sessions that ended (a kiosk switched off ends none)
    StatsCell medianSeconds;
    std::vector<StatsRow> perDay;
    std::vector<StatsRow> perHour;  // "00" … "23", hours of the day over the whole period; only hours with sessions
    WeekHourCells perWeekHour{};
    std::vector<StatsRow> packs;
    std::vector<StatsRow> pages;
    std::vector<StatsRow> languages;
    // Sessions that turned each accessibility feature on ("speech-guidance", "text-200" …). They
    // overlap, so they add up to nothing and need no protection beyond their own cells.
    std::vector<StatsRow> accessibility;
    std::vector<FlowFunnel> flows;
    std::vector<QuizResult> quizzes;

    bool anySuppressed() const;
};

// Reads <file> (usage.sqlite) read-only; the kiosk may be writing it meanwhile. A missing file
// gives empty statistics; a file that cannot be read is an error naming it.
Result<UsageStats> computeUsageStats(const std::filesystem::path& file, const StatsRequest& request);

std::string formatStatsTable(const UsageStats& stats);
std::string formatStatsCsv(const UsageStats& stats);
std::string formatStatsJson(const UsageStats& stats);

}  // namespace kiosk::core
