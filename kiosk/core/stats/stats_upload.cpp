// Daily statistics to the central server: which days are due, what is sent, when to try again.
#include "core/stats/stats_upload.hpp"

#include <ctime>
#include <fstream>
#include <random>
#include <regex>

#include "core/usage/usage_database.hpp"
#include "core/util/atomic_file.hpp"

namespace kiosk::core {
namespace {

constexpr const char* kMarkerName = "usage-uploaded-through";

bool parseDate(const std::string& date, std::tm& tm) {
    static const std::regex shape(R"(\d{4}-\d{2}-\d{2})");
    if (!std::regex_match(date, shape)) return false;
    tm = std::tm{};
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(8, 2));
    return tm.tm_mon >= 0 && tm.tm_mon < 12 && tm.tm_mday >= 1 && tm.tm_mday <= 31;
}

std::string formatDate(const std::tm& tm) {
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

// Calendar arithmetic through mktime's normalisation, at noon so that no summer-time switch
// (at night) moves the result to another day.
std::string addDays(const std::string& date, int days) {
    std::tm tm{};
    if (!parseDate(date, tm)) return {};
    tm.tm_mday += days;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    std::mktime(&tm);
    return formatDate(tm);
}

std::string dateOf(WallTime time, StatsTimeZone zone) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    if (zone == StatsTimeZone::Local) {
        localtime_r(&t, &tm);
    } else {
        gmtime_r(&t, &tm);
    }
    return formatDate(tm);
}

std::int64_t midnightMinute(const std::string& date, StatsTimeZone zone) {
    std::tm tm{};
    parseDate(date, tm);
    tm.tm_isdst = -1;
    const std::time_t t = zone == StatsTimeZone::Local ? std::mktime(&tm) : timegm(&tm);
    return static_cast<std::int64_t>(t) / 60;
}

MinuteSpan daySpan(const std::string& date, StatsTimeZone zone) {
    return MinuteSpan{midnightMinute(date, zone), midnightMinute(addDays(date, 1), zone)};
}

std::string readMarker(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string date;
    std::getline(in, date);
    std::tm tm{};
    return parseDate(date, tm) ? date : std::string();
}

std::string dayUrl(const StatsUploadSettings& settings, const std::string& date) {
    std::string url = settings.url;
    if (url.empty() || url.back() != '/') url += '/';
    return url + settings.kioskName + "/" + date + ".json";
}

// Pauses grow 1, 2, 4 … times the first, each shortened or stretched by up to a quarter, so
// kiosks that lost the network together do not all come back in the same second.
std::chrono::milliseconds pauseBefore(int retry, std::chrono::milliseconds first) {
    static thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_real_distribution<double> jitter(0.75, 1.25);
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(first.count()) * (1 << (retry - 1)) * jitter(random)));
}

}  // namespace

PutOutcome putOutcomeForStatus(long status, const std::string& url) {
    if (status >= 200 && status < 300) return PutOutcome{true, false, {}};
    const bool retry = status == 408 || status == 429 || status >= 500;
    std::string problem = url + ": the server answered HTTP " + std::to_string(status);
    if (status == 401 || status == 403) problem += " (check usage.upload_credentials_file and the server's access rules)";
    if (status == 404 || status == 405 || status == 409) problem += " (check usage.upload_url: the server must accept PUT there, e.g. nginx with dav_methods PUT)";
    return PutOutcome{false, retry, problem};
}

MinuteSpan localDaySpan(const std::string& date) { return daySpan(date, StatsTimeZone::Local); }

std::string dailyStatsDocument(const UsageStats& stats, const std::string& kioskName, const std::string& date) {
    std::string json = formatStatsJson(stats);
    while (!json.empty() && json.back() == '\n') json.pop_back();
    // kioskName is an identifier and date a checked date: neither needs JSON escaping.
    return "{\n\"format\": \"showroom-kiosk-day\",\n\"version\": 1,\n\"kiosk\": \"" + kioskName + "\",\n\"date\": \"" + date +
           "\",\n\"stats\": " + json + "\n}\n";
}

StatsUploadReport uploadDailyStats(const std::filesystem::path& stateFolder, const StatsUploadSettings& settings, WallTime now,
                                   const PutDocument& put, const Pause& pause) {
    StatsUploadReport report;
    const std::filesystem::path marker = stateFolder / kMarkerName;
    const std::string today = dateOf(now, settings.zone);
    const std::string yesterday = addDays(today, -1);
    const std::string oldest = addDays(today, -settings.maxDaysBack);
    const std::string sentThrough = readMarker(marker);
    // Without a marker the upload was just switched on: it starts with yesterday rather than
    // sending two weeks of days from before, most of them probably empty.
    std::string day = sentThrough.empty() ? yesterday : std::max(addDays(sentThrough, 1), oldest);

    for (; day <= yesterday; day = addDays(day, 1)) {
        StatsRequest request;
        request.now = now;
        request.days = 1;
        request.span = daySpan(day, settings.zone);
        request.minCellSessions = settings.minCellSessions;
        request.zone = settings.zone;
        auto stats = computeUsageStats(usageDatabasePath(stateFolder), request);
        if (!stats) {
            report.problem = stats.error().describe();
            return report;
        }
        const std::string url = dayUrl(settings, day);
        const std::string body = dailyStatsDocument(stats.value(), settings.kioskName, day);
        PutOutcome outcome;
        for (int attempt = 1; attempt <= settings.attemptsPerDay; ++attempt) {
            if (attempt > 1) pause(pauseBefore(attempt - 1, settings.firstPause));
            outcome = put(url, body);
            if (outcome.delivered || !outcome.worthRetrying) break;
        }
        if (!outcome.delivered) {
            report.problem = outcome.problem + "; " + day + " and later days are sent on the next run";
            return report;
        }
        report.uploaded.push_back(day);
        if (const std::string failed = writeFileAtomically(marker, day + "\n"); !failed.empty()) {
            report.problem = failed + "; the days already sent will be sent again (harmless: they are overwritten)";
            return report;
        }
    }
    return report;
}

}  // namespace kiosk::core
