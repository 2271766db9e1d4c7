// Upgrades of usage.sqlite: a file of every schema version a kiosk ever shipped (the frozen,
// hand-written tests/fixtures/usage/schema-v*.sql) opens with today's kiosk, migrated, with every
// row kept and counted by `kiosk stats`; a file from a newer kiosk is set aside, never changed.
#include <doctest/doctest.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/stats/usage_stats.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(KIOSK_TEST_DATA) / "usage";

std::filesystem::path fixtureOf(int version) { return kFixtures / ("schema-v" + std::to_string(version) + ".sql"); }

// Every schema-v<N>.sql, with its N, in version order.
std::vector<std::pair<int, std::filesystem::path>> schemaFixtures() {
    std::vector<std::pair<int, std::filesystem::path>> found;
    for (const auto& entry : std::filesystem::directory_iterator(kFixtures)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with("schema-v") || !name.ends_with(".sql")) continue;
        int version = 0;
        const char* first = name.data() + 8;
        const char* last = name.data() + name.size() - 4;
        const auto [end, error] = std::from_chars(first, last, version);
        if (error == std::errc() && end == last) found.emplace_back(version, entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// usage.sqlite in `folder` as a kiosk of that version left it (its files are always WAL).
void buildDatabase(const std::filesystem::path& folder, const std::filesystem::path& sql) {
    SQLite::Database db(core::usageDatabasePath(folder).string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec(readText(sql));
}

// The rows of each table of the fixture, each as SQL literals of the fixture's own columns (so a
// later migration may add columns, but not drop, rename or change what was there), sorted.
using TableRows = std::map<std::string, std::pair<std::string, std::vector<std::string>>>;  // table → (select list, rows)

TableRows fixtureRows(SQLite::Database& db) {
    TableRows tables;
    SQLite::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (names.executeStep()) {
        const std::string table = names.getColumn(0).getString();
        std::string select;
        SQLite::Statement columns(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        columns.bind(1, table);
        while (columns.executeStep()) select += (select.empty() ? "quote(" : " || ',' || quote(") + columns.getColumn(0).getString() + ")";
        tables[table].first = select;
    }
    return tables;
}

std::vector<std::string> rowsOf(SQLite::Database& db, const std::string& table, const std::string& select) {
    std::vector<std::string> rows;
    SQLite::Statement query(db, "SELECT " + select + " FROM " + table);
    while (query.executeStep()) rows.push_back(query.getColumn(0).getString());
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::int64_t count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

std::vector<std::string> asideFiles(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.find(".corrupt-") != std::string::npos && !name.ends_with("-wal")) names.push_back(name);
    }
    return names;
}

// The shape of a database, column by column, as lines to compare: the same whatever whitespace
// the CREATE statements had, so a hand-written fixture compares with what the migrations make.
std::vector<std::string> schemaOf(SQLite::Database& db) {
    std::vector<std::string> lines;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        lines.push_back("table " + table);
        SQLite::Statement columns(db, "SELECT name, type, \"notnull\", ifnull(dflt_value, 'NULL'), pk FROM pragma_table_info(?) ORDER BY cid");
        columns.bind(1, table);
        while (columns.executeStep()) {
            lines.push_back("  column " + columns.getColumn(0).getString() + " " + columns.getColumn(1).getString() +
                            (columns.getColumn(2).getInt() ? " NOT NULL" : "") + " DEFAULT " + columns.getColumn(3).getString() +
                            " pk " + columns.getColumn(4).getString());
        }
        SQLite::Statement keys(db, "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq");
        keys.bind(1, table);
        while (keys.executeStep()) {
            lines.push_back("  references " + keys.getColumn(0).getString() + " -> " + keys.getColumn(1).getString() + "(" +
                            keys.getColumn(2).getString() + ")");
        }
        SQLite::Statement indexes(db, "SELECT name, \"unique\" FROM pragma_index_list(?) ORDER BY name");
        indexes.bind(1, table);
        while (indexes.executeStep()) {
            std::string line = "  index " + indexes.getColumn(0).getString() + (indexes.getColumn(1).getInt() ? " unique" : "") + " on";
            SQLite::Statement on(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            on.bind(1, indexes.getColumn(0).getString());
            while (on.executeStep()) line += " " + on.getColumn(0).getString();
            lines.push_back(line);
        }
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// What `kiosk stats` must find in a fixture, asked of the fixture itself before it is migrated.
// The kind names are part of the file format (usage_event.cpp), in every version.
struct Expected {
    std::int64_t sessions = 0;
    std::int64_t maxSession = 0;
    std::int64_t lastStartMinute = 0;
    std::int64_t pageViews = 0;
    std::int64_t flows = 0;
    std::int64_t quizzes = 0;
};

Expected expectedOf(SQLite::Database& db) {
    Expected e;
    e.sessions = count(db, "SELECT COUNT(*) FROM sessions");
    e.maxSession = count(db, "SELECT MAX(id) FROM sessions");
    e.lastStartMinute = count(db, "SELECT MAX(started_minute) FROM sessions");
    e.pageViews = count(db, "SELECT COUNT(*) FROM events WHERE kind = 'page_view'");
    e.flows = count(db, "SELECT COUNT(DISTINCT pack || '/' || item) FROM events WHERE kind = 'flow_step'");
    e.quizzes = count(db, "SELECT COUNT(DISTINCT pack || '/' || page || '/' || item) FROM events WHERE kind = 'quiz_answer'");
    return e;
}

}  // namespace

TEST_CASE("usage migrations: every shipped schema version has its frozen fixture") {
    // Whoever adds schema version N adds schema-vN.sql, written by hand as that version makes it.
    for (int version = 1; version <= core::kUsageSchemaVersion; ++version) {
        CHECK_MESSAGE(std::filesystem::exists(fixtureOf(version)),
                      "missing " << fixtureOf(version).string() << ": freeze schema version " << version << " as a SQL fixture");
    }
    for (const auto& [version, file] : schemaFixtures()) {
        CHECK_MESSAGE(version <= core::kUsageSchemaVersion, file.string() << " is for a schema this kiosk does not know");
    }
}

TEST_CASE("usage migrations: a file of every earlier schema version opens migrated, with every row kept and counted") {
    const auto fixtures = schemaFixtures();
    REQUIRE(!fixtures.empty());
    for (const auto& [version, sql] : fixtures) {
        CAPTURE(sql.string());
        test::TempDir dir;
        const auto file = core::usageDatabasePath(dir.path());
        buildDatabase(dir.path(), sql);

        TableRows before;
        Expected expected;
        {
            SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
            REQUIRE_MESSAGE(db.execAndGet("PRAGMA user_version").getInt() == version, "the fixture sets a user_version other than its name's");
            before = fixtureRows(db);
            for (auto& [table, columns] : before) columns.second = rowsOf(db, table, columns.first);
            expected = expectedOf(db);
        }
        REQUIRE(expected.sessions > 0);

        // The day after the fixture's last visit: within `kiosk stats`' period and the log's retention.
        core::ManualWallClock clock(core::WallTime{std::chrono::minutes(expected.lastStartMinute) + std::chrono::hours(24)});
        {
            auto opened = core::openUsageDatabase(dir.path(), clock.now());
            CHECK(opened.warnings.empty());
            CHECK_FALSE(opened.inMemory);
            CHECK(opened.db->execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
            CHECK(opened.db->execAndGet("PRAGMA integrity_check").getString() == "ok");
            for (const auto& [table, columns] : before) {
                CAPTURE(table);
                const auto after = rowsOf(*opened.db, table, columns.first);
                CHECK(std::includes(after.begin(), after.end(), columns.second.begin(), columns.second.end()));
            }
            // An edit of a shipped migration shows here: today's migrations from an empty file
            // must make exactly the schema that this old file migrated to.
            test::TempDir emptyDir;
            auto fresh = core::openUsageDatabase(emptyDir.path(), clock.now());
            CHECK(joined(schemaOf(*opened.db)) == joined(schemaOf(*fresh.db)));
            core::migrateUsageDatabase(*opened.db);  // once migrated, again changes nothing
            CHECK(opened.db->execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
        }
        CHECK(std::filesystem::exists(file));
        CHECK(asideFiles(dir.path()).empty());

        core::StatsRequest request;
        request.now = clock.now();
        request.days = 30;
        request.zone = core::StatsTimeZone::Utc;
        const auto stats = core::computeUsageStats(file, request);
        REQUIRE_MESSAGE(stats.ok(), (stats.ok() ? std::string() : stats.error().describe()));
        CHECK(stats.value().sessions.value == expected.sessions);
        std::int64_t views = 0;
        for (const auto& p : stats.value().packs) views += p.views.value;
        CHECK(views == expected.pageViews);
        CHECK(static_cast<std::int64_t>(stats.value().flows.size()) == expected.flows);
        CHECK(static_cast<std::int64_t>(stats.value().quizzes.size()) == expected.quizzes);
        CHECK_FALSE(stats.value().languages.empty());

        // Today's writer goes on in the migrated file, and a new visit never reuses a session key.
        {
            core::SqliteUsageLog log(dir.path(), clock);
            log.record(core::UsageEvent{core::UsageKind::SessionStart, 7, "", "", "de", 0});
            log.record(core::UsageEvent{core::UsageKind::PageView, 7, "demo", "start", "", 5});
            log.record(core::UsageEvent{core::UsageKind::SessionEnd, 7, "", "", "idle", 5});
            log.flush();
            CHECK(log.warnings().empty());
        }
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        CHECK(count(db, "SELECT COUNT(*) FROM sessions") == expected.sessions + 1);
        CHECK(count(db, "SELECT MAX(id) FROM sessions") > expected.maxSession);
        CHECK(asideFiles(dir.path()).empty());
    }
}

TEST_CASE("usage migrations: a file from a newer kiosk is moved aside untouched, with a warning naming it") {
    test::TempDir dir;
    const auto file = core::usageDatabasePath(dir.path());
    const int newer = core::kUsageSchemaVersion + 1;
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("CREATE TABLE visits_of_the_future (id INTEGER PRIMARY KEY)");
        db.exec("INSERT INTO visits_of_the_future VALUES (1)");
        db.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    core::ManualWallClock clock;
    auto opened = core::openUsageDatabase(dir.path(), clock.now());
    REQUIRE(opened.warnings.size() == 1);
    const std::string& warning = opened.warnings[0];
    CHECK(warning.find(file.string()) != std::string::npos);
    CHECK(warning.find("written by a newer kiosk") != std::string::npos);
    CHECK(warning.find("moved aside to usage.sqlite.corrupt-") != std::string::npos);
    CHECK_FALSE(opened.inMemory);
    CHECK(opened.db->execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
    CHECK(count(*opened.db, "SELECT COUNT(*) FROM sessions") == 0);
    opened.db.reset();

    // The newer kiosk's file as it was: an update of this kiosk can still read it.
    const auto aside = asideFiles(dir.path());
    REQUIRE(aside.size() == 1);
    CHECK(warning.find(aside[0]) != std::string::npos);
    SQLite::Database old((dir.path() / aside[0]).string(), SQLite::OPEN_READONLY);
    CHECK(old.execAndGet("PRAGMA user_version").getInt() == newer);
    CHECK(count(old, "SELECT COUNT(*) FROM visits_of_the_future") == 1);
}
