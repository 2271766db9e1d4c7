// The optional daily upload of statistics to the central server (config usage.upload_url): one
// JSON document per finished calendar day, with exactly the suppressed numbers `kiosk stats`
// shows. Never raw events, never today's (an unfinished day is a small, telling sample).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/stats/usage_stats.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

struct StatsUploadSettings {
    std::string url;         // usage.upload_url: a WebDAV folder; days go to <url>/<name>/<date>.json
    std::string kioskName;   // usage.upload_name: which kiosk of the hub this is ("foyer")
    int minCellSessions = 5;
    StatsTimeZone zone = StatsTimeZone::Local;
    int maxDaysBack = 14;    // after a long time offline, older days are not sent any more
    int attemptsPerDay = 3;  // retried on no answer, 408, 429 and 5xx, with growing pauses
    std::chrono::milliseconds firstPause{2000};
};

// One try at sending one document.
struct PutOutcome {
    bool delivered = false;  // the server stored it (2xx)
    bool worthRetrying = false;
    std::string problem;     // what went wrong, for the log and the staff screen
};

using PutDocument = std::function<PutOutcome(const std::string& url, const std::string& body)>;
using Pause = std::function<void(std::chrono::milliseconds)>;

// 2xx delivered; 408, 429 and 5xx worth retrying; any other status (401, 403, 404 …) is a setup
// mistake that trying again will not fix.
PutOutcome putOutcomeForStatus(long status, const std::string& url);

struct StatsUploadReport {
    std::vector<std::string> uploaded;  // the days sent, "2026-11-30"
    std::string problem;                // empty when every due day was sent
    bool upToDate() const { return problem.empty(); }
};

// Sends each finished day not sent yet, oldest first, and remembers the last one sent in
// <stateFolder>/usage-uploaded-through. Stops at the first day that cannot be sent, so the next
// run starts there: a day is never skipped. A PUT is idempotent, so sending a day twice (the
// marker lost in a power cut) only overwrites it with the same numbers.
StatsUploadReport uploadDailyStats(const std::filesystem::path& stateFolder, const StatsUploadSettings& settings, WallTime now,
                                   const PutDocument& put, const Pause& pause);

// The document for one day, as uploaded: {"format": "showroom-kiosk-day", "kiosk": …, "date": …,
// "stats": <kiosk stats --format json for that day>}.
std::string dailyStatsDocument(const UsageStats& stats, const std::string& kioskName, const std::string& date);

// The local calendar day `date` ("2026-11-30") as minutes; 23 or 25 hours long on the days
// summer time starts or ends.
MinuteSpan localDaySpan(const std::string& date);

}  // namespace kiosk::core
