// Aggregates usage.sqlite in SQL and suppresses every count that fewer than k sessions make up.
#include "core/stats/usage_stats.hpp"

#include <algorithm>
#include <cstdio>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/config/kiosk_config.hpp"
#include "core/usage/usage_database.hpp"

namespace kiosk::core {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;

StatsCell cell(std::int64_t value, std::int64_t sessions, int k) { return StatsCell{value, sessions < k}; }

StatsRow row(std::string name, std::int64_t sessions, std::int64_t views, int k) {
    return StatsRow{std::move(name), cell(sessions, sessions, k), cell(views, sessions, k)};
}

std::vector<StatsRow> rows(SQLite::Statement& query, int k, bool withViews) {
    std::vector<StatsRow> out;
    while (query.executeStep()) {
        out.push_back(row(query.getColumn(0).getString(), query.getColumn(1).getInt64(), withViews ? query.getColumn(2).getInt64() : 0, k));
    }
    return out;
}

std::string shown(const StatsCell& c, int k) { return c.suppressed ? "<" + std::to_string(k) : std::to_string(c.value); }

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string jsonCell(const StatsCell& c) { return c.suppressed ? "null" : std::to_string(c.value); }

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

bool UsageStats::anySuppressed() const {
    auto anyRow = [](const std::vector<StatsRow>& rs) {
        return std::any_of(rs.begin(), rs.end(), [](const StatsRow& r) { return r.sessions.suppressed || r.views.suppressed; });
    };
    return sessions.suppressed || averageSeconds.suppressed || medianSeconds.suppressed || anyRow(perDay) || anyRow(packs) ||
           anyRow(pages) || anyRow(languages);
}

Result<UsageStats> computeUsageStats(const std::filesystem::path& file, const StatsRequest& request) {
    UsageStats stats;
    stats.days = request.days;
    const int k = std::max(request.minCellSessions, kMinCellSessionsFloor);
    stats.minCellSessions = k;
    stats.sessions = cell(0, 0, k);
    stats.averageSeconds = stats.medianSeconds = cell(0, 0, k);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return stats;
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        db.setBusyTimeout(2000);
        if (db.execAndGet("PRAGMA user_version").getInt() != kUsageSchemaVersion) {
            return Error{ErrorCode::FileUnreadable, file.string(), 0, "the usage log has schema version " +
                                                                          std::to_string(db.execAndGet("PRAGMA user_version").getInt()) +
                                                                          ", this kiosk reads " + std::to_string(kUsageSchemaVersion),
                         "run the kiosk once to migrate it, or use the kiosk version that wrote it"};
        }
        const std::int64_t from = usageMinute(request.now) - static_cast<std::int64_t>(request.days) * kMinutesPerDay;
        const std::string day = request.zone == StatsTimeZone::Local ? "date(started_minute * 60, 'unixepoch', 'localtime')"
                                                                     : "date(started_minute * 60, 'unixepoch')";

        SQLite::Statement total(db, "SELECT COUNT(*) FROM sessions WHERE started_minute >= ?");
        total.bind(1, from);
        total.executeStep();
        stats.sessions = cell(total.getColumn(0).getInt64(), total.getColumn(0).getInt64(), k);

        SQLite::Statement lengths(db, "SELECT seconds FROM sessions WHERE started_minute >= ? AND seconds IS NOT NULL ORDER BY seconds");
        lengths.bind(1, from);
        std::vector<std::int64_t> seconds;
        while (lengths.executeStep()) seconds.push_back(lengths.getColumn(0).getInt64());
        const auto ended = static_cast<std::int64_t>(seconds.size());
        std::int64_t sum = 0;
        for (auto s : seconds) sum += s;
        const std::int64_t median = seconds.empty() ? 0
                                    : seconds.size() % 2 ? seconds[seconds.size() / 2]
                                                         : (seconds[seconds.size() / 2 - 1] + seconds[seconds.size() / 2]) / 2;
        stats.averageSeconds = cell(ended ? sum / ended : 0, ended, k);
        stats.medianSeconds = cell(median, ended, k);

        SQLite::Statement perDay(db, "SELECT " + day + " AS d, COUNT(*) FROM sessions WHERE started_minute >= ? GROUP BY d ORDER BY d");
        perDay.bind(1, from);
        stats.perDay = rows(perDay, k, false);

        const std::string viewsFrom =
            " FROM events JOIN sessions ON sessions.id = events.session_id WHERE kind = 'page_view' AND sessions.started_minute >= ? ";
        SQLite::Statement packs(db, "SELECT pack, COUNT(DISTINCT session_id) AS s, COUNT(*) AS v" + viewsFrom +
                                        "GROUP BY pack ORDER BY s DESC, v DESC, pack LIMIT ?");
        packs.bind(1, from);
        packs.bind(2, static_cast<std::int64_t>(request.top));
        stats.packs = rows(packs, k, true);

        SQLite::Statement pages(db, "SELECT pack || '/' || page AS p, COUNT(DISTINCT session_id) AS s, COUNT(*) AS v" + viewsFrom +
                                        "GROUP BY p ORDER BY s DESC, v DESC, p LIMIT ?");
        pages.bind(1, from);
        pages.bind(2, static_cast<std::int64_t>(request.top));
        stats.pages = rows(pages, k, true);

        SQLite::Statement languages(db,
                                    "SELECT language, COUNT(DISTINCT sid) AS s FROM ("
                                    " SELECT id AS sid, language FROM sessions WHERE started_minute >= ?1 AND language <> ''"
                                    " UNION SELECT session_id, item FROM events JOIN sessions ON sessions.id = events.session_id"
                                    "   WHERE kind = 'language_change' AND sessions.started_minute >= ?1)"
                                    " GROUP BY language ORDER BY s DESC, language");
        languages.bind(1, from);
        stats.languages = rows(languages, k, false);
    } catch (const SQLite::Exception& e) {
        return Error{ErrorCode::FileUnreadable, file.string(), 0, std::string("cannot read the usage log: ") + e.what(),
                     "the kiosk moves a broken log aside and starts a new one when it next runs"};
    }
    return stats;
}

std::string formatStatsTable(const UsageStats& stats) {
    const int k = stats.minCellSessions;
    std::string out = "Usage of the last " + std::to_string(stats.days) + " day(s)\n";
    out += "  sessions: " + shown(stats.sessions, k) + "\n";
    out += "  session length: average " + shown(stats.averageSeconds, k) + " s, median " + shown(stats.medianSeconds, k) + " s\n";
    auto section = [&](const char* title, const std::vector<StatsRow>& rs, bool views) {
        out += std::string("\n") + title + "\n";
        if (rs.empty()) out += "  (none)\n";
        for (const auto& r : rs) {
            char line[256];
            std::snprintf(line, sizeof line, "  %-40s %8s sessions", r.name.c_str(), shown(r.sessions, k).c_str());
            out += line;
            if (views) out += "  " + shown(r.views, k) + " views";
            out += "\n";
        }
    };
    section("Sessions per day", stats.perDay, false);
    section("Top packs", stats.packs, true);
    section("Top pages", stats.pages, true);
    section("Languages", stats.languages, false);
    out += "\nCounts from fewer than " + std::to_string(k) + " sessions are suppressed and shown as <" + std::to_string(k) +
           (stats.anySuppressed() ? " (some are, above)." : " (none were).") + "\n";
    return out;
}

std::string formatStatsCsv(const UsageStats& stats) {
    const int k = stats.minCellSessions;
    std::string out = "section,name,sessions,views\n";
    auto line = [&](const char* section, const std::string& name, const StatsCell& sessions, const std::string& views) {
        out += std::string(section) + "," + csvField(name) + "," + shown(sessions, k) + "," + views + "\n";
    };
    line("total", "sessions", stats.sessions, "");
    line("length", "average_seconds", stats.averageSeconds, "");
    line("length", "median_seconds", stats.medianSeconds, "");
    for (const auto& r : stats.perDay) line("day", r.name, r.sessions, "");
    for (const auto& r : stats.packs) line("pack", r.name, r.sessions, shown(r.views, k));
    for (const auto& r : stats.pages) line("page", r.name, r.sessions, shown(r.views, k));
    for (const auto& r : stats.languages) line("language", r.name, r.sessions, "");
    out += "# cells from fewer than " + std::to_string(k) + " sessions are suppressed and shown as <" + std::to_string(k) + "\n";
    return out;
}

std::string formatStatsJson(const UsageStats& stats) {
    std::string out = "{\n  \"days\": " + std::to_string(stats.days) + ",\n  \"min_cell_sessions\": " + std::to_string(stats.minCellSessions) +
                      ",\n  \"suppressed\": \"counts from fewer than " + std::to_string(stats.minCellSessions) +
                      " sessions are null\",\n  \"any_suppressed\": " + (stats.anySuppressed() ? "true" : "false") +
                      ",\n  \"sessions\": " + jsonCell(stats.sessions) + ",\n  \"average_seconds\": " + jsonCell(stats.averageSeconds) +
                      ",\n  \"median_seconds\": " + jsonCell(stats.medianSeconds);
    auto list = [&](const char* key, const std::vector<StatsRow>& rs, bool views) {
        out += std::string(",\n  \"") + key + "\": [";
        for (std::size_t i = 0; i < rs.size(); ++i) {
            out += (i ? ",\n    " : "\n    ") + std::string("{\"name\": ") + jsonString(rs[i].name) + ", \"sessions\": " + jsonCell(rs[i].sessions);
            if (views) out += ", \"views\": " + jsonCell(rs[i].views);
            out += "}";
        }
        out += rs.empty() ? "]" : "\n  ]";
    };
    list("per_day", stats.perDay, false);
    list("packs", stats.packs, true);
    list("pages", stats.pages, true);
    list("languages", stats.languages, false);
    return out + "\n}\n";
}

}  // namespace kiosk::core
