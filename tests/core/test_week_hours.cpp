// The weekday × hour table of `kiosk stats`: what it counts, and that none of its hidden cells,
// nor a hidden day or hour, can be worked out from everything else the statistics show.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <random>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/stats/usage_stats.hpp"
#include "core/stats/week_hour_protection.hpp"
#include "core/usage/usage_database.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

// 2024-10-04, a Friday, 00:00 UTC.
constexpr std::int64_t kFridayMinute = 20000LL * 24 * 60;
constexpr int kFri = 4;
constexpr int kSat = 5;
constexpr int kSun = 6;
constexpr int kMon = 0;
constexpr int kTue = 1;

// Sessions written straight into a log the kiosk created, as tests/cli/fill_usage.py does:
// `count` sessions beginning in hour `hour` of the day `day` days after the Friday.
class SessionWriter {
public:
    explicit SessionWriter(const test::TempDir& dir) : m_file(core::usageDatabasePath(dir.path())) {
        REQUIRE(core::openUsageDatabase(dir.path(), core::WallTime{std::chrono::minutes(kFridayMinute)}).db);
        m_db = std::make_unique<SQLite::Database>(m_file.string(), SQLite::OPEN_READWRITE);
        m_db->exec("BEGIN");
    }
    void add(int day, int hour, int count) {
        SQLite::Statement insert(*m_db, "INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (?1, ?1, 30, 'idle', 'de')");
        for (int i = 0; i < count; ++i) {
            insert.bind(1, kFridayMinute + day * 24 * 60 + hour * 60 + i % 60);
            insert.exec();
            insert.reset();
        }
        m_last = std::max(m_last, kFridayMinute + day * 24 * 60 + hour * 60 + 59);
    }
    // The stats of the 30 days up to the last session, in UTC (the tests' calendar).
    core::UsageStats stats(int k = 5) {
        m_db->exec("COMMIT");
        m_db->exec("BEGIN");
        core::StatsRequest request;
        request.now = core::WallTime{std::chrono::minutes(m_last)};
        request.minCellSessions = k;
        request.zone = core::StatsTimeZone::Utc;
        auto result = core::computeUsageStats(m_file, request);
        REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().describe()));
        return result.value();
    }

private:
    std::filesystem::path m_file;
    std::unique_ptr<SQLite::Database> m_db;
    std::int64_t m_last = kFridayMinute;
};

int hourOf(const core::StatsRow& row) { return std::stoi(row.name); }

// What someone holding every shown number can solve for. Unknowns are the hidden counts (cells,
// days, hours, the total); each sum the tables imply is an equation: a weekday's cells are its
// dates, an hour's cells its hour, the days and the hours each the total. A hidden count is
// worked out exactly when the equations pin it, i.e. when no solution of the homogeneous system
// moves it. Solved by Gauss-Jordan elimination in doubles: coefficients are 0 and ±1.
class Solver {
public:
    explicit Solver(const core::UsageStats& stats) : m_stats(stats) {
        for (int w = 0; w < 7; ++w) {
            for (int h = 0; h < 24; ++h) {
                if (stats.perWeekHour[w][h].suppressed) m_cell[{w, h}] = unknown("cell " + std::to_string(w) + "/" + std::to_string(h));
            }
        }
        for (std::size_t d = 0; d < stats.perDay.size(); ++d) {
            if (stats.perDay[d].sessions.suppressed) m_day[d] = unknown("day " + stats.perDay[d].name);
        }
        for (std::size_t h = 0; h < stats.perHour.size(); ++h) {
            if (stats.perHour[h].sessions.suppressed) m_hour[h] = unknown("hour " + stats.perHour[h].name);
        }
        if (stats.sessions.suppressed) m_total = unknown("total");

        for (int w = 0; w < 7; ++w) {
            std::vector<double> row(m_names.size(), 0.0);
            for (int h = 0; h < 24; ++h) {
                if (auto c = m_cell.find({w, h}); c != m_cell.end()) row[c->second] += 1;
            }
            for (const auto& [d, index] : m_day) {
                if (core::weekdayOfDate(stats.perDay[d].name) == w) row[index] -= 1;
            }
            m_rows.push_back(row);
        }
        for (int h = 0; h < 24; ++h) {
            std::vector<double> row(m_names.size(), 0.0);
            for (int w = 0; w < 7; ++w) {
                if (auto c = m_cell.find({w, h}); c != m_cell.end()) row[c->second] += 1;
            }
            for (const auto& [i, index] : m_hour) {
                if (hourOf(stats.perHour[i]) == h) row[index] -= 1;
            }
            m_rows.push_back(row);
        }
        std::vector<double> days(m_names.size(), 0.0);
        std::vector<double> hours(m_names.size(), 0.0);
        for (const auto& [d, index] : m_day) days[index] += 1;
        for (const auto& [h, index] : m_hour) hours[index] += 1;
        if (m_total) {
            days[*m_total] -= 1;
            hours[*m_total] -= 1;
        }
        m_rows.push_back(days);
        m_rows.push_back(hours);
        eliminate();
    }

    // The names of the hidden counts the equations pin.
    std::vector<std::string> pinned(bool smallOnly, int k) const {
        std::vector<std::string> out;
        auto small = [&](std::int64_t v) { return !smallOnly || (v > 0 && v < k); };
        for (const auto& [wh, index] : m_cell) {
            if (isPinned(index) && small(m_stats.perWeekHour[wh.first][wh.second].value)) out.push_back(m_names[index]);
        }
        for (const auto& [d, index] : m_day) {
            if (isPinned(index) && small(m_stats.perDay[d].sessions.value)) out.push_back(m_names[index]);
        }
        for (const auto& [h, index] : m_hour) {
            if (isPinned(index) && small(m_stats.perHour[h].sessions.value)) out.push_back(m_names[index]);
        }
        if (m_total && isPinned(*m_total) && small(m_stats.sessions.value)) out.push_back("total");
        return out;
    }
    bool cellPinned(int w, int h) const {
        const auto c = m_cell.find({w, h});
        return c != m_cell.end() && isPinned(c->second);
    }

private:
    std::size_t unknown(std::string name) {
        m_names.push_back(std::move(name));
        return m_names.size() - 1;
    }
    void eliminate() {
        const std::size_t columns = m_names.size();
        std::size_t rank = 0;
        m_pivotRow.assign(columns, -1);
        for (std::size_t c = 0; c < columns && rank < m_rows.size(); ++c) {
            std::size_t best = rank;
            for (std::size_t r = rank; r < m_rows.size(); ++r) {
                if (std::fabs(m_rows[r][c]) > std::fabs(m_rows[best][c])) best = r;
            }
            if (std::fabs(m_rows[best][c]) < 1e-9) continue;
            std::swap(m_rows[rank], m_rows[best]);
            const double pivot = m_rows[rank][c];
            for (double& v : m_rows[rank]) v /= pivot;
            for (std::size_t r = 0; r < m_rows.size(); ++r) {
                if (r == rank || std::fabs(m_rows[r][c]) < 1e-12) continue;
                const double factor = m_rows[r][c];
                for (std::size_t j = 0; j < columns; ++j) m_rows[r][j] -= factor * m_rows[rank][j];
            }
            m_pivotRow[c] = static_cast<int>(rank++);
        }
    }
    // A pivot variable whose row holds no free variable: its value is a constant of the shown numbers.
    bool isPinned(std::size_t index) const {
        if (m_pivotRow[index] < 0) return false;
        const auto& row = m_rows[static_cast<std::size_t>(m_pivotRow[index])];
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (j != index && m_pivotRow[j] < 0 && std::fabs(row[j]) > 1e-9) return false;
        }
        return true;
    }

    const core::UsageStats& m_stats;
    std::vector<std::string> m_names;
    std::map<std::pair<int, int>, std::size_t> m_cell;
    std::map<std::size_t, std::size_t> m_day;
    std::map<std::size_t, std::size_t> m_hour;
    std::optional<std::size_t> m_total;
    std::vector<std::vector<double>> m_rows;
    std::vector<int> m_pivotRow;
};

// Everything the rule promises, checked from the outside: the cells are the sessions by weekday
// and hour, a shown cell is empty or holds k or more, subtraction from a shown sum never leaves
// fewer than k hidden, and no hidden cell (nor small hidden day or hour) is pinned by the sums.
void checkWeekHoursSafe(const core::UsageStats& stats, int k) {
    std::array<std::int64_t, 7> byWeekday{};
    std::array<bool, 7> weekdayKnown{true, true, true, true, true, true, true};
    for (const auto& day : stats.perDay) {
        const int w = core::weekdayOfDate(day.name);
        REQUIRE(w >= 0);
        byWeekday[w] += day.sessions.value;
        if (day.sessions.suppressed) weekdayKnown[w] = false;
    }
    std::array<std::int64_t, 24> byHour{};
    std::array<bool, 24> hourKnown{};
    hourKnown.fill(true);
    for (const auto& hour : stats.perHour) {
        byHour[hourOf(hour)] = hour.sessions.value;
        hourKnown[hourOf(hour)] = !hour.sessions.suppressed;
    }
    std::int64_t hiddenAll = 0;
    for (int w = 0; w < 7; ++w) {
        std::int64_t sum = 0;
        std::int64_t hidden = 0;
        for (int h = 0; h < 24; ++h) {
            const core::StatsCell& c = stats.perWeekHour[w][h];
            sum += c.value;
            if (c.suppressed) hidden += c.value;
            CAPTURE(w);
            CAPTURE(h);
            if (!c.suppressed) CHECK((c.value == 0 || c.value >= k));
        }
        CHECK(sum == byWeekday[w]);
        if (weekdayKnown[w]) CHECK((hidden == 0 || hidden >= k));
        hiddenAll += hidden;
    }
    for (int h = 0; h < 24; ++h) {
        std::int64_t sum = 0;
        std::int64_t hidden = 0;
        for (int w = 0; w < 7; ++w) {
            sum += stats.perWeekHour[w][h].value;
            if (stats.perWeekHour[w][h].suppressed) hidden += stats.perWeekHour[w][h].value;
        }
        CAPTURE(h);
        CHECK(sum == byHour[h]);
        if (hourKnown[h]) CHECK((hidden == 0 || hidden >= k));
    }
    if (!stats.sessions.suppressed) CHECK((hiddenAll == 0 || hiddenAll >= k));

    const Solver solver(stats);
    for (const auto& name : solver.pinned(false, k)) {
        // Every hidden cell is free; of hidden days and hours only the small ones need to be
        // (a larger one hidden beside them may be pinned, its sessions are no secret).
        CHECK_MESSAGE(name.rfind("cell ", 0) != 0, name);
    }
    for (const auto& name : solver.pinned(true, k)) FAIL_CHECK(name << " can be worked out");
}

int hiddenCells(const core::UsageStats& stats) {
    int n = 0;
    for (const auto& hours : stats.perWeekHour) {
        for (const auto& c : hours) n += c.suppressed;
    }
    return n;
}

}  // namespace

TEST_CASE("week hours: sessions are counted by weekday and hour, and a small cell is hidden with one from which it follows") {
    test::TempDir dir;
    SessionWriter sessions(dir);
    sessions.add(0, 10, 8);  // Friday
    sessions.add(0, 11, 6);
    sessions.add(0, 12, 2);
    sessions.add(1, 10, 7);  // Saturday
    sessions.add(1, 11, 9);
    const core::UsageStats stats = sessions.stats();
    CHECK(stats.sessions.value == 32);
    CHECK(stats.perWeekHour[kFri][10].value == 8);
    CHECK(stats.perWeekHour[kFri][12].value == 2);
    CHECK(stats.perWeekHour[kSat][11].value == 9);
    CHECK(stats.perWeekHour[kSun][11].value == 0);
    CHECK_FALSE(stats.perWeekHour[kSun][11].suppressed);  // nobody came: shown, as empty days are
    CHECK(stats.perWeekHour[kFri][12].suppressed);        // primary
    // Hour 12 (2) and, beside it, hour 10 (15) are hidden in the hours table; Friday's 16 is
    // shown. Friday 16 − 6 − 8 would give the 2 away, so Friday 10:00 is hidden too; then the
    // shown numbers fit Friday 12:00 being 5, with 10:00 at 5 and the hours 10 and 12 at 12 and 5.
    CHECK(stats.perWeekHour[kFri][10].suppressed);
    CHECK_FALSE(stats.perWeekHour[kFri][11].suppressed);
    CHECK_FALSE(stats.perWeekHour[kSat][10].suppressed);
    CHECK_FALSE(stats.perWeekHour[kSat][11].suppressed);
    CHECK(hiddenCells(stats) == 2);
    CHECK(stats.anySuppressed());
    checkWeekHoursSafe(stats, 5);

    const std::string json = core::formatStatsJson(stats);
    CHECK(json.find("\"per_week_hour\": [") != std::string::npos);
    CHECK(json.find(R"({"weekday": "fri", "sessions": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 6, null, 0,)") != std::string::npos);
    CHECK(json.find(R"({"weekday": "sun", "sessions": [0, 0,)") != std::string::npos);
    const std::string csv = core::formatStatsCsv(stats);
    CHECK(csv.find("week_hour,fri-10,<5,\nweek_hour,fri-11,6,\nweek_hour,fri-12,<5,\nweek_hour,sat-10,7,\nweek_hour,sat-11,9,\n") !=
          std::string::npos);
    CHECK(csv.find("week_hour,sun") == std::string::npos);
    const std::string table = core::formatStatsTable(stats);
    CHECK(table.find("Sessions per weekday and hour of day (. none)\n        10   11   12\n  Mon    .    .    .\n") != std::string::npos);
    CHECK(table.find("  Fri   <5    6   <5\n  Sat    7    9    .\n") != std::string::npos);
}

TEST_CASE("week hours: hiding the smallest shown cell, as the other tables do, would leave a small cell to subtraction") {
    test::TempDir dir;
    SessionWriter sessions(dir);
    sessions.add(0, 10, 8);  // Friday: 10, shown in the days table
    sessions.add(0, 12, 2);
    sessions.add(1, 9, 6);   // Saturday: 22
    sessions.add(1, 10, 9);
    sessions.add(1, 11, 7);
    const core::UsageStats stats = sessions.stats();
    REQUIRE_FALSE(stats.perDay[0].sessions.suppressed);
    REQUIRE(stats.perWeekHour[kFri][12].suppressed);
    checkWeekHoursSafe(stats, 5);
    // Friday's 10 − 8 = 2: Friday 10:00 must not be shown.
    CHECK(stats.perWeekHour[kFri][10].suppressed);

    // The control: the one-group rule (the small cell and the smallest shown one, Saturday 9:00)
    // lets the solver pin Friday 12:00, so the check above could fail.
    core::UsageStats naive = stats;
    for (auto& hours : naive.perWeekHour) {
        for (auto& c : hours) c.suppressed = c.value > 0 && c.value < 5;
    }
    naive.perWeekHour[kSat][9].suppressed = true;
    CHECK(Solver(naive).cellPinned(kFri, 12));
}

TEST_CASE("week hours: a quiet day hidden in the days table is not given away by its weekday's cells") {
    test::TempDir dir;
    SessionWriter sessions(dir);
    // Mondays: 12 (6 at 10:00, 6 at 11:00), a week later 2 (at 10:00, hidden). Tuesday 9, the
    // smallest shown day, is hidden beside it. Wednesday 16.
    sessions.add(3, 10, 6);
    sessions.add(3, 11, 6);
    sessions.add(10, 10, 2);
    sessions.add(4, 10, 5);
    sessions.add(4, 11, 4);
    sessions.add(5, 10, 8);
    sessions.add(5, 11, 8);
    const core::UsageStats stats = sessions.stats();
    REQUIRE(stats.perDay.size() == 4);
    const auto quiet = std::find_if(stats.perDay.begin(), stats.perDay.end(), [](const core::StatsRow& r) { return r.sessions.value == 2; });
    REQUIRE(quiet != stats.perDay.end());
    CHECK(quiet->sessions.suppressed);
    // Monday's cells (8 and 6) both shown would make the Mondays 14, and 14 − 12 the quiet one.
    CHECK((stats.perWeekHour[kMon][10].suppressed || stats.perWeekHour[kMon][11].suppressed));
    CHECK(stats.perWeekHour[kTue][11].suppressed);  // 4: primary
    checkWeekHoursSafe(stats, 5);
}

TEST_CASE("week hours: a visitor alone on a Sunday, and evening visitors alone in their hour, stay hidden") {
    test::TempDir dir;
    SessionWriter sessions(dir);
    for (int day = 0; day < 28; ++day) {
        const int weekday = (kFri + day) % 7;
        if (weekday < 5) {
            for (int hour = 9; hour < 17; ++hour) sessions.add(day, hour, hour == 9 ? 1 : 3);
        }
    }
    sessions.add(2, 15, 1);   // the first Sunday
    sessions.add(5, 21, 2);   // an evening event on a Wednesday
    const core::UsageStats stats = sessions.stats();
    CHECK(stats.perWeekHour[kSun][15].suppressed);
    CHECK(stats.perWeekHour[2][21].suppressed);
    CHECK(stats.perWeekHour[kMon][9].suppressed);  // 4 Mondays at 9:00, one visitor each
    checkWeekHoursSafe(stats, 5);
}

TEST_CASE("week hours: random months of visitors never leave a hidden count to be worked out") {
    for (const int k : {3, 5, 10}) {
        for (unsigned seed = 1; seed <= 25; ++seed) {
            CAPTURE(k);
            CAPTURE(seed);
            test::TempDir dir;
            SessionWriter sessions(dir);
            std::mt19937 random(seed);
            // Opening hours that differ by seed, busy or quiet; some hours with a visitor or two.
            const int open = 8 + static_cast<int>(random() % 3);
            const int close = 15 + static_cast<int>(random() % 5);
            const double busy = 0.3 + static_cast<double>(random() % 30) / 10.0;
            for (int day = 0; day < 30; ++day) {
                const int weekday = (kFri + day) % 7;
                if (weekday == kSun && random() % 4 != 0) continue;
                std::poisson_distribution<int> visitors(weekday == kSat ? busy * 0.5 : busy);
                for (int hour = open; hour < close; ++hour) sessions.add(day, hour, visitors(random));
                if (random() % 9 == 0) sessions.add(day, 19 + static_cast<int>(random() % 4), 1 + static_cast<int>(random() % 3));
            }
            const core::UsageStats stats = sessions.stats(k);
            checkWeekHoursSafe(stats, stats.minCellSessions);
        }
    }
}

TEST_CASE("week hours: where the shown days and hours alone pin a small cell, the whole table is hidden") {
    // Not what the stats give (their hours table would hide a second hour beside the first), but
    // the rule must not rely on that: hour 10 is the total 10 minus hour 11's 8.
    core::WeekHourCells cells{};
    cells[kMon][10] = core::StatsCell{2, true};
    cells[kMon][11] = core::StatsCell{8, false};
    const std::vector<core::StatsRow> days{{"2024-10-07", {10, false}, {}}};
    const std::vector<core::StatsRow> hours{{"10", {2, true}, {}}, {"11", {8, false}, {}}};
    core::protectWeekHours(cells, days, hours, core::StatsCell{10, false}, 5);
    for (const auto& row : cells) {
        for (const auto& c : row) CHECK(c.suppressed);
    }

    // And a day whose name is no date: its weekday is unknown, so nothing of the table is shown.
    core::WeekHourCells other{};
    other[kMon][10] = core::StatsCell{12, false};
    core::protectWeekHours(other, {{"someday", {12, false}, {}}}, {{"10", {12, false}, {}}}, core::StatsCell{12, false}, 5);
    CHECK(other[kMon][10].suppressed);
    CHECK(core::weekdayOfDate("2024-10-04") == kFri);
    CHECK(core::weekdayOfDate("2024-10-06") == kSun);
    CHECK(core::weekdayOfDate("2024-02-30") == -1);
}
