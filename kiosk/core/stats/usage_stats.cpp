// Aggregates usage.sqlite in SQL and suppresses every count that fewer than k sessions make up.
#include "core/stats/usage_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/config/kiosk_config.hpp"
#include "core/stats/week_hour_protection.hpp"
#include "core/usage/usage_database.hpp"

namespace kiosk::core {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;
// Language-neutral weekday names for the exports, Monday first as WeekHourCells counts.
constexpr std::array<const char*, 7> kWeekdayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

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

// Every query reads the sessions that began within the span: ?1 is its first minute, ?2 the
// minute after its last.
void bindSpan(SQLite::Statement& query, const MinuteSpan& span) {
    query.bind(1, span.from);
    query.bind(2, span.to);
}

MinuteSpan lastDays(WallTime now, int days) {
    const std::int64_t end = usageMinute(now) + 1;
    return MinuteSpan{end - static_cast<std::int64_t>(days) * kMinutesPerDay, end};
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

// Secondary suppression. Primary suppression hides every cell below k, but a hidden cell can
// still be worked out by subtraction when the cells around it add up to a shown number.
//
// Rows (days and hours → total sessions, languages, top packs when they add up to the total): if
// any row of the group is hidden, the smallest shown row is hidden too. Then the hidden rows are
// at least two, exactly one of them has k or more sessions and the rest fewer, so their sum
// (all that subtraction gives) is at least k, and swapping the big one's value with any small
// one's fits every shown number equally well: no single hidden row can be worked out.
// (Stopping as soon as the hidden sum reaches k is not enough: hidden rows 4, 4, 4 next to a shown
// 5 could then only be three rows below k, i.e. exactly 4 each.)
void protectRows(std::vector<StatsRow>& rs) {
    if (std::none_of(rs.begin(), rs.end(), [](const StatsRow& r) { return r.sessions.suppressed; })) return;
    StatsRow* smallest = nullptr;
    for (auto& r : rs) {
        if (!r.sessions.suppressed && (!smallest || r.sessions.value < smallest->sessions.value)) smallest = &r;
    }
    if (smallest) smallest->sessions.suppressed = smallest->views.suppressed = true;
}

// Funnels: "reached" at step 1 … n and then "completed" is a chain of sessions that got at least
// that far; the difference of two shown links is how many stopped in between (and close to the
// hidden "left here" counts there). Walking from step 1, a link is hidden when it differs from the
// last shown link by more than 0 and less than k, so any two shown links differ by 0 or by k or
// more, and a hidden link only tells that it lies between its shown neighbours.
void protectFunnel(FlowFunnel& funnel, int k) {
    std::vector<StatsCell*> chain;
    for (auto& st : funnel.steps) chain.push_back(&st.reached);
    chain.push_back(&funnel.completed);
    const StatsCell* lastShown = nullptr;
    for (StatsCell* link : chain) {
        if (link->suppressed) continue;
        if (lastShown) {
            const std::int64_t gap = lastShown->value > link->value ? lastShown->value - link->value : link->value - lastShown->value;
            if (gap > 0 && gap < k) {
                link->suppressed = true;
                continue;
            }
        }
        lastShown = link;
    }
}

// Funnels from three queries: each session's furthest step per flow (a visitor who goes back and
// forth counts once, at the furthest step), then abandon and completion as distinct sessions.
std::vector<FlowFunnel> flowFunnels(SQLite::Database& db, const MinuteSpan& span, int k) {
    struct Counts {
        std::map<int, std::int64_t> furthest;  // step → sessions whose furthest step it is
        std::map<int, std::int64_t> left;
        std::int64_t completed = 0;
    };
    std::map<std::string, Counts> byFlow;
    const std::string joined = " FROM events JOIN sessions ON sessions.id = events.session_id WHERE sessions.started_minute >= ?1 AND sessions.started_minute < ?2 AND ";
    SQLite::Statement furthest(db,
                               "SELECT name, top, COUNT(*) FROM (SELECT pack || '/' || item AS name, session_id, MAX(value) AS top" + joined +
                                   "kind = 'flow_step' GROUP BY name, session_id) GROUP BY name, top");
    bindSpan(furthest, span);
    while (furthest.executeStep()) {
        byFlow[furthest.getColumn(0).getString()].furthest[furthest.getColumn(1).getInt()] += furthest.getColumn(2).getInt64();
    }
    SQLite::Statement left(db, "SELECT pack || '/' || item AS name, value, COUNT(DISTINCT session_id)" + joined +
                                   "kind = 'flow_abandon' GROUP BY name, value");
    bindSpan(left, span);
    while (left.executeStep()) byFlow[left.getColumn(0).getString()].left[left.getColumn(1).getInt()] = left.getColumn(2).getInt64();
    SQLite::Statement completed(db, "SELECT pack || '/' || item AS name, COUNT(DISTINCT session_id)" + joined +
                                        "kind = 'flow_complete' GROUP BY name");
    bindSpan(completed, span);
    while (completed.executeStep()) byFlow[completed.getColumn(0).getString()].completed = completed.getColumn(1).getInt64();

    std::vector<FlowFunnel> out;
    for (const auto& [name, counts] : byFlow) {
        int last = 0;
        if (!counts.furthest.empty()) last = std::max(last, counts.furthest.rbegin()->first);
        if (!counts.left.empty()) last = std::max(last, counts.left.rbegin()->first);
        FlowFunnel funnel{name, {}, cell(counts.completed, counts.completed, k), {}};
        for (int step = last; step >= 1; --step) {
            std::int64_t reached = 0;
            for (auto it = counts.furthest.lower_bound(step); it != counts.furthest.end(); ++it) reached += it->second;
            const auto l = counts.left.find(step);
            const std::int64_t leftHere = l == counts.left.end() ? 0 : l->second;
            funnel.steps.push_back(FunnelStep{step, cell(reached, reached, k), cell(leftHere, leftHere, k)});
        }
        std::reverse(funnel.steps.begin(), funnel.steps.end());
        protectFunnel(funnel, k);
        funnel.started = funnel.steps.empty() ? cell(0, 0, k) : funnel.steps.front().reached;
        out.push_back(std::move(funnel));
    }
    std::stable_sort(out.begin(), out.end(), [](const FlowFunnel& a, const FlowFunnel& b) { return a.started.value > b.started.value; });
    return out;
}

std::vector<QuizResult> quizResults(SQLite::Database& db, const MinuteSpan& span, int k) {
    // events.id grows with time, so the lowest id per session and quiz is the first answer.
    SQLite::Statement query(db,
                            "SELECT name, COUNT(*), SUM(value) FROM ("
                            " SELECT pack || '/' || page || '/' || item AS name, value,"
                            "   ROW_NUMBER() OVER (PARTITION BY session_id, pack, page, item ORDER BY events.id) AS nth"
                            " FROM events JOIN sessions ON sessions.id = events.session_id"
                            " WHERE kind = 'quiz_answer' AND sessions.started_minute >= ?1 AND sessions.started_minute < ?2)"
                            " WHERE nth = 1 GROUP BY name ORDER BY COUNT(*) DESC, name");
    bindSpan(query, span);
    std::vector<QuizResult> out;
    while (query.executeStep()) {
        const std::int64_t answered = query.getColumn(1).getInt64();
        const std::int64_t right = query.getColumn(2).getInt64();
        QuizResult q{query.getColumn(0).getString(), cell(answered, answered, k), cell(right, right, k), cell(answered - right, answered - right, k)};
        // right + wrong = answered: with only one of them hidden, the shown total gives it away.
        if (q.right.suppressed || q.wrong.suppressed) q.right.suppressed = q.wrong.suppressed = true;
        out.push_back(std::move(q));
    }
    return out;
}

// The weekday × hour table for a terminal: only the hours from the first to the last with
// anything in them, so a showroom's opening hours fit 80 columns.
std::string weekHourTable(const WeekHourCells& cells, int k) {
    static constexpr std::array<const char*, 7> kDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    int first = 24;
    int last = -1;
    for (const auto& hours : cells) {
        for (int h = 0; h < 24; ++h) {
            if (hours[h].value == 0 && !hours[h].suppressed) continue;
            first = std::min(first, h);
            last = std::max(last, h);
        }
    }
    std::string out = "\nSessions per weekday and hour of day (. none)\n";
    if (last < 0) return out + "  (none)\n";
    out += "     ";
    for (int h = first; h <= last; ++h) {
        char head[8];
        std::snprintf(head, sizeof head, "%5d", h);
        out += head;
    }
    out += "\n";
    for (int w = 0; w < 7; ++w) {
        out += std::string("  ") + kDays[w];
        for (int h = first; h <= last; ++h) {
            const StatsCell& c = cells[w][h];
            char text[24];
            std::snprintf(text, sizeof text, "%5s", c.value == 0 && !c.suppressed ? "." : shown(c, k).c_str());
            out += text;
        }
        out += "\n";
    }
    return out;
}

}  // namespace

bool UsageStats::anySuppressed() const {
    auto anyRow = [](const std::vector<StatsRow>& rs) {
        return std::any_of(rs.begin(), rs.end(), [](const StatsRow& r) { return r.sessions.suppressed || r.views.suppressed; });
    };
    const bool anyFlow = std::any_of(flows.begin(), flows.end(), [](const FlowFunnel& f) {
        return f.started.suppressed || f.completed.suppressed ||
               std::any_of(f.steps.begin(), f.steps.end(), [](const FunnelStep& st) { return st.reached.suppressed || st.left.suppressed; });
    });
    const bool anyQuiz = std::any_of(quizzes.begin(), quizzes.end(),
                                     [](const QuizResult& q) { return q.answered.suppressed || q.right.suppressed || q.wrong.suppressed; });
    const bool anyWeekHour = std::any_of(perWeekHour.begin(), perWeekHour.end(), [](const auto& hours) {
        return std::any_of(hours.begin(), hours.end(), [](const StatsCell& c) { return c.suppressed; });
    });
    return sessions.suppressed || averageSeconds.suppressed || medianSeconds.suppressed || anyRow(perDay) || anyRow(perHour) ||
           anyRow(packs) || anyRow(pages) || anyRow(languages) || anyRow(accessibility) || anyFlow || anyQuiz || anyWeekHour;
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
        const MinuteSpan span = request.span ? *request.span : lastDays(request.now, request.days);
        const std::string day = request.zone == StatsTimeZone::Local ? "date(started_minute * 60, 'unixepoch', 'localtime')"
                                                                     : "date(started_minute * 60, 'unixepoch')";

        SQLite::Statement total(db, "SELECT COUNT(*) FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2");
        bindSpan(total, span);
        total.executeStep();
        stats.sessions = cell(total.getColumn(0).getInt64(), total.getColumn(0).getInt64(), k);

        SQLite::Statement lengths(db, "SELECT seconds FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2 AND seconds IS NOT NULL ORDER BY seconds");
        bindSpan(lengths, span);
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

        SQLite::Statement perDay(db, "SELECT " + day + " AS d, COUNT(*) FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2 GROUP BY d ORDER BY d");
        bindSpan(perDay, span);
        stats.perDay = rows(perDay, k, false);

        const std::string hour = request.zone == StatsTimeZone::Local ? "strftime('%H', started_minute * 60, 'unixepoch', 'localtime')"
                                                                      : "strftime('%H', started_minute * 60, 'unixepoch')";
        SQLite::Statement perHour(db, "SELECT " + hour + " AS h, COUNT(*) FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2 GROUP BY h ORDER BY h");
        bindSpan(perHour, span);
        stats.perHour = rows(perHour, k, false);

        // strftime's %w counts from Sunday; WeekHourCells from Monday.
        const std::string zone = request.zone == StatsTimeZone::Local ? ", 'localtime'" : "";
        SQLite::Statement perWeekHour(db, "SELECT (CAST(strftime('%w', started_minute * 60, 'unixepoch'" + zone + ") AS INTEGER) + 6) % 7 AS w,"
                                          " CAST(strftime('%H', started_minute * 60, 'unixepoch'" + zone + ") AS INTEGER) AS h, COUNT(*)"
                                          " FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2 GROUP BY w, h");
        bindSpan(perWeekHour, span);
        while (perWeekHour.executeStep()) {
            const int w = perWeekHour.getColumn(0).getInt();
            const int h = perWeekHour.getColumn(1).getInt();
            const std::int64_t n = perWeekHour.getColumn(2).getInt64();
            if (w >= 0 && w < 7 && h >= 0 && h < 24) stats.perWeekHour[w][h] = StatsCell{n, n < k};
        }

        const std::string viewsFrom =
            " FROM events JOIN sessions ON sessions.id = events.session_id WHERE kind = 'page_view' AND sessions.started_minute >= ?1 AND sessions.started_minute < ?2 ";
        SQLite::Statement packs(db, "SELECT pack, COUNT(DISTINCT session_id) AS s, COUNT(*) AS v" + viewsFrom +
                                        "GROUP BY pack ORDER BY s DESC, v DESC, pack LIMIT ?3");
        bindSpan(packs, span);
        packs.bind(3, static_cast<std::int64_t>(request.top));
        stats.packs = rows(packs, k, true);

        SQLite::Statement pages(db, "SELECT pack || '/' || page AS p, COUNT(DISTINCT session_id) AS s, COUNT(*) AS v" + viewsFrom +
                                        "GROUP BY p ORDER BY s DESC, v DESC, p LIMIT ?3");
        bindSpan(pages, span);
        pages.bind(3, static_cast<std::int64_t>(request.top));
        stats.pages = rows(pages, k, true);

        SQLite::Statement languages(db,
                                    "SELECT language, COUNT(DISTINCT sid) AS s FROM ("
                                    " SELECT id AS sid, language FROM sessions WHERE started_minute >= ?1 AND started_minute < ?2 AND language <> ''"
                                    " UNION SELECT session_id, item FROM events JOIN sessions ON sessions.id = events.session_id"
                                    "   WHERE kind = 'language_change' AND sessions.started_minute >= ?1 AND sessions.started_minute < ?2)"
                                    " GROUP BY language ORDER BY s DESC, language");
        bindSpan(languages, span);
        stats.languages = rows(languages, k, false);

        SQLite::Statement accessibility(db, "SELECT item, COUNT(DISTINCT session_id) AS s FROM events JOIN sessions ON sessions.id = events.session_id"
                                            " WHERE kind = 'accessibility_on' AND sessions.started_minute >= ?1 AND sessions.started_minute < ?2"
                                            " GROUP BY item ORDER BY s DESC, item");
        bindSpan(accessibility, span);
        stats.accessibility = rows(accessibility, k, false);

        protectRows(stats.perDay);
        protectRows(stats.perHour);
        protectRows(stats.languages);
        std::int64_t packSessions = 0;
        for (const auto& p : stats.packs) packSessions += p.sessions.value;
        if (packSessions == stats.sessions.value) protectRows(stats.packs);  // else they add up to no shown number
        // After the days and hours: it guards their hidden rows too.
        protectWeekHours(stats.perWeekHour, stats.perDay, stats.perHour, stats.sessions, k);

        stats.flows = flowFunnels(db, span, k);
        stats.quizzes = quizResults(db, span, k);
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
    std::vector<StatsRow> hours = stats.perHour;
    for (auto& h : hours) h.name += ":00";
    section("Sessions per hour of day", hours, false);
    section("Top packs", stats.packs, true);
    section("Top pages", stats.pages, true);
    section("Languages", stats.languages, false);
    section("Accessibility features turned on", stats.accessibility, false);

    out += "\nFlow funnels (sessions; the step after a form's last is its summary)\n";
    if (stats.flows.empty()) out += "  (none)\n";
    for (const auto& f : stats.flows) {
        out += "  " + f.name + ": started " + shown(f.started, k) + ", completed " + shown(f.completed, k) + "\n";
        for (const auto& st : f.steps) {
            char line[128];
            std::snprintf(line, sizeof line, "    step %-3d reached %8s   left here %8s\n", st.step, shown(st.reached, k).c_str(),
                          shown(st.left, k).c_str());
            out += line;
        }
    }
    out += "\nQuiz results (each session's first answer)\n";
    if (stats.quizzes.empty()) out += "  (none)\n";
    for (const auto& q : stats.quizzes) {
        char line[256];
        std::snprintf(line, sizeof line, "  %-40s %8s answered  %8s right  %8s wrong\n", q.name.c_str(), shown(q.answered, k).c_str(),
                      shown(q.right, k).c_str(), shown(q.wrong, k).c_str());
        out += line;
    }
    out += weekHourTable(stats.perWeekHour, k);
    out += "\nCounts from fewer than " + std::to_string(k) + " sessions are suppressed and shown as <" + std::to_string(k) +
           (stats.anySuppressed() ? " (some are, above)." : " (none were).") +
           "\nSo that none can be worked out by subtraction, a few larger counts next to them are hidden the same way.\n";
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
    for (const auto& r : stats.accessibility) line("accessibility", r.name, r.sessions, "");
    for (const auto& r : stats.perHour) line("hour", r.name, r.sessions, "");
    // Every count below is of sessions; a step's rows are named pack/flow/step (ids have no '/').
    for (const auto& f : stats.flows) {
        line("flow_started", f.name, f.started, "");
        for (const auto& st : f.steps) {
            line("flow_reached", f.name + "/" + std::to_string(st.step), st.reached, "");
            line("flow_left", f.name + "/" + std::to_string(st.step), st.left, "");
        }
        line("flow_completed", f.name, f.completed, "");
    }
    for (const auto& q : stats.quizzes) {
        line("quiz_answered", q.name, q.answered, "");
        line("quiz_right", q.name, q.right, "");
        line("quiz_wrong", q.name, q.wrong, "");
    }
    // Like the hours: only cells with sessions, and every hidden one (an empty cell may be hidden
    // too, and leaving it out would say it is empty).
    for (int w = 0; w < 7; ++w) {
        for (int h = 0; h < 24; ++h) {
            const StatsCell& c = stats.perWeekHour[w][h];
            if (c.value > 0 || c.suppressed) line("week_hour", std::string(kWeekdayNames[w]) + "-" + (h < 10 ? "0" : "") + std::to_string(h), c, "");
        }
    }
    out += "# cells from fewer than " + std::to_string(k) + " sessions are suppressed and shown as <" + std::to_string(k) +
           "; so are a few larger cells from which they could be worked out\n";
    return out;
}

std::string formatStatsJson(const UsageStats& stats) {
    std::string out = "{\n  \"days\": " + std::to_string(stats.days) + ",\n  \"min_cell_sessions\": " + std::to_string(stats.minCellSessions) +
                      ",\n  \"suppressed\": \"counts from fewer than " + std::to_string(stats.minCellSessions) +
                      " sessions are null, and so are a few larger ones from which they could be worked out\",\n  \"any_suppressed\": " + (stats.anySuppressed() ? "true" : "false") +
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
    list("accessibility", stats.accessibility, false);
    list("per_hour", stats.perHour, false);

    out += ",\n  \"flows\": [";
    for (std::size_t i = 0; i < stats.flows.size(); ++i) {
        const FlowFunnel& f = stats.flows[i];
        out += (i ? ",\n    " : "\n    ") + std::string("{\"name\": ") + jsonString(f.name) + ", \"started\": " + jsonCell(f.started) +
               ", \"completed\": " + jsonCell(f.completed) + ", \"steps\": [";
        for (std::size_t j = 0; j < f.steps.size(); ++j) {
            out += (j ? ", " : "") + std::string("{\"step\": ") + std::to_string(f.steps[j].step) + ", \"reached\": " +
                   jsonCell(f.steps[j].reached) + ", \"left\": " + jsonCell(f.steps[j].left) + "}";
        }
        out += "]}";
    }
    out += stats.flows.empty() ? "]" : "\n  ]";

    out += ",\n  \"quizzes\": [";
    for (std::size_t i = 0; i < stats.quizzes.size(); ++i) {
        const QuizResult& q = stats.quizzes[i];
        out += (i ? ",\n    " : "\n    ") + std::string("{\"name\": ") + jsonString(q.name) + ", \"answered\": " + jsonCell(q.answered) +
               ", \"right\": " + jsonCell(q.right) + ", \"wrong\": " + jsonCell(q.wrong) + "}";
    }
    out += stats.quizzes.empty() ? "]" : "\n  ]";

    // One line per weekday, its 24 hours from 00:00 in order.
    out += ",\n  \"per_week_hour\": [";
    for (int w = 0; w < 7; ++w) {
        out += (w ? ",\n    " : "\n    ") + std::string("{\"weekday\": \"") + kWeekdayNames[w] + "\", \"sessions\": [";
        for (int h = 0; h < 24; ++h) out += (h ? ", " : "") + jsonCell(stats.perWeekHour[w][h]);
        out += "]}";
    }
    out += "\n  ]";
    return out + "\n}\n";
}

}  // namespace kiosk::core
