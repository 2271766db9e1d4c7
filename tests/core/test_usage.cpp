// The usage log: what the Navigator reports for a visit, the SQLite store (round trip,
// migrations, retention, repair of a broken file) and the small-cell suppression of stats.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/nav/navigator.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/stats/usage_stats.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "diagnostics_text.hpp"
#include "recording_usage_log.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using core::UsageEvent;
using core::UsageKind;

namespace {

void writeDemoPack(const test::TempDir& dir) {
    dir.write("demo/pack.toml", R"(id = "demo"
version = "1.0.0"
category = "egov"
languages = ["de", "en"]
start_page = "start"
tile_icon = "images/tile.svg"
title.de = "Demo"
title.en = "Demo"
description.de = "Ein Paket mit Formular"
description.en = "A pack with a form"
)");
    dir.write("demo/images/tile.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>)");
    dir.write("demo/pages/start.toml", R"(title.de = "Start"
title.en = "Start"
[[blocks]]
type = "button"
id = "try"
flow = "apply"
label.de = "Ausprobieren"
label.en = "Try"
[[blocks]]
type = "quiz"
id = "q"
question.de = "Frage?"
question.en = "Question?"
[[blocks.answers]]
id = "yes"
correct = true
text.de = "Ja"
text.en = "Yes"
feedback.de = "Richtig"
feedback.en = "Right"
[[blocks.answers]]
id = "no"
text.de = "Nein"
text.en = "No"
feedback.de = "Falsch"
feedback.en = "Wrong"
[[blocks]]
type = "button"
id = "more"
to = "done"
label.de = "Weiter"
label.en = "On"
)");
    dir.write("demo/pages/done.toml", R"(title.de = "Fertig"
title.en = "Done"
[[blocks]]
type = "qr"
id = "real-service"
url = "https://example.org/service"
label.de = "Zum echten Dienst"
label.en = "The real service"
)");
    dir.write("demo/flows/apply.toml", R"(title.de = "Demo: Antrag"
title.en = "Demo: application"
[[steps]]
id = "one"
title.de = "Eins"
title.en = "One"
[[steps.fields]]
id = "name"
type = "text"
required = true
label.de = "Name"
label.en = "Name"
example.de = "Max Muster"
example.en = "Max Muster"
[[steps]]
id = "two"
title.de = "Zwei"
title.en = "Two"
[[steps.fields]]
id = "ok"
type = "check"
required = true
label.de = "Stimmt"
label.en = "Correct"
[result]
title.de = "Fertig"
title.en = "Done"
case_number = "AB-####"
text.de = "Nummer {case_number}"
text.en = "Number {case_number}"
next_page = "done"
)");
}

struct VisitFixture {
    test::TempDir dir;
    core::PackLibrary library;
    core::ManualClock clock;
    test::RecordingUsageLog log;
    std::optional<core::Navigator> nav;

    VisitFixture() {
        writeDemoPack(dir);
        auto report = core::loadPack(dir.path() / "demo");
        REQUIRE_MESSAGE(report.pack, test::allMessages(report.problems));
        library.packs.push_back(std::move(*report.pack));
        nav.emplace(library, std::vector<std::string>{"de", "en"}, "de", 60s, clock.now(), 42u);
        nav->setUsageLog(&log);
    }
    void apply(const core::Intent& intent) { nav->apply(intent, clock.now()); }
};

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::int64_t count(const std::filesystem::path& file, const std::string& sql) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
}

// A session of `seconds` that viewed one page of `pack`, through the real log; with an
// accessibility feature turned on, if named.
void recordVisit(core::SqliteUsageLog& log, std::uint64_t token, const std::string& pack, std::int64_t seconds,
                 const std::string& language = "de", const std::string& feature = "") {
    log.record(UsageEvent{UsageKind::SessionStart, token, "", "", language, 0});
    if (!feature.empty()) log.record(UsageEvent{UsageKind::AccessibilityOn, token, "", "", feature, 0});
    log.record(UsageEvent{UsageKind::PageView, token, pack, "start", "", seconds});
    log.record(UsageEvent{UsageKind::SessionEnd, token, "", "", "idle", seconds});
}

}  // namespace

TEST_CASE("usage: a scripted visit is reported as session, pages, link, flow, quiz, language and QR events") {
    VisitFixture f;
    f.apply(core::StartVisit{});
    f.clock.advance(3s);
    f.apply(core::OpenPack{"demo"});
    f.clock.advance(5s);
    f.apply(core::AnswerQuiz{"q", "no"});
    f.apply(core::AnswerQuiz{"q", "yes"});
    f.apply(core::SetLanguage{"en"});
    f.apply(core::StartFlow{"apply"});
    f.apply(core::SetFieldValue{"name", "Erika Mustermann"});
    f.apply(core::NextStep{});
    f.apply(core::SetFieldValue{"ok", "yes"});
    f.apply(core::NextStep{});  // summary
    f.apply(core::NextStep{});  // result
    f.clock.advance(10s);
    f.apply(core::FinishFlow{});  // to "done"
    f.clock.advance(4s);
    f.apply(core::GoBack{});
    f.apply(core::OpenPage{"done"});
    f.apply(core::StartFlow{"apply"});  // not in this pack's page, but flows belong to the pack
    f.clock.advance(2s);
    f.apply(core::GoBack{});  // leaves the flow at step 1: abandoned
    f.clock.advance(1s);
    f.nav->noteActivity(f.clock.now());
    f.clock.advance(120s);
    f.nav->tick(f.clock.now());  // idle reset

    const auto& e = f.log.events;
    REQUIRE(!e.empty());
    const std::uint64_t token = e.front().session;
    CHECK(token != 0);
    CHECK(std::all_of(e.begin(), e.end(), [&](const UsageEvent& x) { return x.session == token; }));
    const std::vector<UsageEvent> expected{
        {UsageKind::SessionStart, token, "", "", "de", 0},
        {UsageKind::QuizAnswer, token, "demo", "start", "q", 0},
        {UsageKind::QuizAnswer, token, "demo", "start", "q", 1},
        {UsageKind::LanguageChange, token, "", "", "en", 0},
        {UsageKind::FlowStep, token, "demo", "", "apply", 1},
        {UsageKind::FlowStep, token, "demo", "", "apply", 2},
        {UsageKind::FlowStep, token, "demo", "", "apply", 3},  // the summary
        {UsageKind::FlowComplete, token, "demo", "", "apply", 0},
        {UsageKind::PageView, token, "demo", "start", "", 15},
        {UsageKind::QrShown, token, "demo", "done", "real-service", 0},
        {UsageKind::PageView, token, "demo", "done", "", 4},
        {UsageKind::PageView, token, "demo", "start", "", 0},
        {UsageKind::LinkOpen, token, "demo", "start", "done", 0},
        {UsageKind::QrShown, token, "demo", "done", "real-service", 0},
        {UsageKind::FlowStep, token, "demo", "", "apply", 1},
        {UsageKind::FlowAbandon, token, "demo", "", "apply", 1},
        {UsageKind::PageView, token, "demo", "done", "", 3},  // until the last touch, not the reset
        {UsageKind::SessionEnd, token, "", "", "idle", 25},
    };
    REQUIRE(e.size() == expected.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
        CAPTURE(i);
        CHECK(e[i] == expected[i]);
    }

    // Nothing the visitor typed, and the next visit has a token of its own.
    for (const auto& x : e) CHECK(x.item.find("Erika") == std::string::npos);
    f.clock.advance(10s);
    f.apply(core::StartVisit{});
    REQUIRE(f.log.events.size() == expected.size() + 1);
    CHECK(f.log.events.back().kind == UsageKind::SessionStart);
    CHECK(f.log.events.back().session != token);
}

TEST_CASE("usage: each accessibility feature a visitor turns on is counted once per visit, with nothing else about them") {
    VisitFixture f;
    f.apply(core::StartVisit{});
    core::AccessibilitySettings settings;
    settings.highContrast = true;
    f.apply(core::SetAccessibility{settings});
    settings.textSizePercent = 200;
    settings.volume = 0.5f;  // a volume is no feature: not counted
    f.apply(core::SetAccessibility{settings});
    settings.highContrast = false;
    f.apply(core::SetAccessibility{settings});
    settings.highContrast = true;  // on again in the same visit: already counted
    settings.nonVisual = true;
    f.apply(core::SetAccessibility{settings});

    std::vector<std::string> counted;
    for (const UsageEvent& e : f.log.events) {
        if (e.kind == UsageKind::AccessibilityOn) counted.push_back(e.item);
    }
    CHECK(counted == std::vector<std::string>{"high-contrast", "text-200", "speech-guidance"});

    // The next visitor starts with nothing on and is counted afresh.
    f.apply(core::EndVisit{});
    f.clock.advance(10s);
    f.apply(core::StartVisit{});
    CHECK_FALSE(f.nav->accessibility().highContrast);
    f.apply(core::SetAccessibility{settings});
    CHECK(std::count_if(f.log.events.begin(), f.log.events.end(),
                        [](const UsageEvent& e) { return e.kind == UsageKind::AccessibilityOn; }) == 6);
}

TEST_CASE("usage: endSession ends the recorded visit with its reason, and no log means no events") {
    VisitFixture f;
    f.apply(core::OpenPack{"demo"});
    f.clock.advance(7s);
    f.nav->endSession(core::SessionEndReason::Staff, f.clock.now());
    REQUIRE(f.log.of(UsageKind::SessionEnd).size() == 1);
    CHECK(f.log.of(UsageKind::SessionEnd)[0].item == "staff");
    CHECK(f.log.of(UsageKind::SessionEnd)[0].value == 7);
    f.nav->endSession(core::SessionEndReason::Home, f.clock.now());  // none running: nothing
    CHECK(f.log.of(UsageKind::SessionEnd).size() == 1);

    f.nav->setUsageLog(nullptr);
    const std::size_t before = f.log.events.size();
    f.apply(core::OpenPage{"done"});
    CHECK(f.log.events.size() == before);
}

TEST_CASE("usage: 'end visit' ends the session as the visitor's own, resets, and begins none when nobody is there") {
    VisitFixture f;
    f.apply(core::OpenPack{"demo"});
    f.apply(core::SetLanguage{"en"});
    f.clock.advance(12s);
    f.apply(core::EndVisit{});
    REQUIRE(f.log.of(UsageKind::SessionEnd).size() == 1);
    CHECK(f.log.of(UsageKind::SessionEnd)[0].item == "home");
    CHECK(f.log.of(UsageKind::SessionEnd)[0].value == 12);
    CHECK(f.nav->visit().phase() == core::VisitorPhase::ResetNotice);
    CHECK(f.nav->location().isHome());
    CHECK(f.nav->language() == "de");
    // On the notice or in the attract loop there is no visit to end, and none is begun.
    const std::size_t before = f.log.events.size();
    f.apply(core::EndVisit{});
    f.clock.advance(5s);
    f.nav->tick(f.clock.now());
    REQUIRE(f.nav->visit().phase() == core::VisitorPhase::Attract);
    f.apply(core::EndVisit{});
    CHECK(f.log.events.size() == before);
    CHECK(f.nav->visit().phase() == core::VisitorPhase::Attract);
}

TEST_CASE("usage: the SQLite store keeps sessions as rows and events with content ids, minutes and values") {
    test::TempDir dir;
    core::ManualWallClock clock(core::WallTime{std::chrono::hours(24 * 20000) + 13h + 37min + 42s});
    {
        core::SqliteUsageLog log(dir.path(), clock);
        log.record(UsageEvent{UsageKind::SessionStart, 987654321, "", "", "uk", 0});
        log.record(UsageEvent{UsageKind::PageView, 987654321, "demo", "start", "", 12});
        log.record(UsageEvent{UsageKind::QuizAnswer, 987654321, "demo", "start", "q", 1});
        log.record(UsageEvent{UsageKind::SessionEnd, 987654321, "", "", "idle", 40});
        log.flush();
        CHECK(log.warnings().empty());
    }
    const auto file = core::usageDatabasePath(dir.path());
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    SQLite::Statement session(db, "SELECT id, started_minute, ended_minute, seconds, end_reason, language FROM sessions");
    REQUIRE(session.executeStep());
    const std::int64_t minute = 20000 * 24 * 60 + 13 * 60 + 37;
    CHECK(session.getColumn(0).getInt64() == 1);  // the store's own key, not the kiosk's token
    CHECK(session.getColumn(1).getInt64() == minute);
    CHECK(session.getColumn(2).getInt64() == minute);
    CHECK(session.getColumn(3).getInt64() == 40);
    CHECK(session.getColumn(4).getString() == "idle");
    CHECK(session.getColumn(5).getString() == "uk");
    CHECK_FALSE(session.executeStep());
    SQLite::Statement events(db, "SELECT session_id, minute, kind, pack, page, item, value FROM events ORDER BY id");
    REQUIRE(events.executeStep());
    CHECK(events.getColumn(2).getString() == "page_view");
    CHECK(events.getColumn(3).getString() == "demo");
    CHECK(events.getColumn(6).getInt64() == 12);
    REQUIRE(events.executeStep());
    CHECK(events.getColumn(2).getString() == "quiz_answer");
    CHECK(events.getColumn(5).getString() == "q");
    CHECK_FALSE(events.executeStep());
    // The in-memory token is written nowhere, not even as a number.
    CHECK(db.execAndGet("SELECT COUNT(*) FROM events WHERE value = 987654321").getInt() == 0);
}

TEST_CASE("usage: migrations create the schema in an empty file, and opening again changes nothing") {
    test::TempDir dir;
    const auto file = core::usageDatabasePath(dir.path());
    {  // an empty file, as a crash right after creating it leaves
        std::ofstream touch(file);
    }
    core::ManualWallClock clock;
    auto first = core::openUsageDatabase(dir.path(), clock.now());
    CHECK(first.warnings.empty());
    CHECK_FALSE(first.inMemory);
    CHECK(first.db->execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
    first.db->exec("INSERT INTO sessions(started_minute, language) VALUES (1, 'de')");
    first.db.reset();

    auto again = core::openUsageDatabase(dir.path(), clock.now());
    CHECK(again.warnings.empty());
    CHECK(again.db->execAndGet("SELECT COUNT(*) FROM sessions").getInt() == 1);
    CHECK(again.db->execAndGet("PRAGMA user_version").getInt() == core::kUsageSchemaVersion);
    core::migrateUsageDatabase(*again.db);  // idempotent
    CHECK(again.db->execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sessions', 'events')").getInt() == 2);
    again.db->exec("PRAGMA user_version = 99");
    CHECK_THROWS_AS(core::migrateUsageDatabase(*again.db), SQLite::Exception);  // from a newer kiosk: never touched
}

TEST_CASE("usage: retention deletes sessions older than the limit with their events, and keeps the rest") {
    test::TempDir dir;
    core::ManualWallClock clock;
    const auto file = core::usageDatabasePath(dir.path());
    {
        core::SqliteUsageLog log(dir.path(), clock);
        recordVisit(log, 1, "old-pack", 30);
        log.flush();
    }
    clock.advance(std::chrono::hours(24 * 100));
    {
        core::SqliteUsageLog log(dir.path(), clock);
        recordVisit(log, 2, "new-pack", 30);
        log.flush();
    }
    CHECK(count(file, "SELECT COUNT(*) FROM sessions") == 2);  // 100 days: within 180

    clock.advance(std::chrono::hours(24 * 90));
    {
        core::UsageLogOptions options;
        options.retentionDays = 180;
        core::SqliteUsageLog log(dir.path(), clock, options);
        log.flush();
    }
    CHECK(count(file, "SELECT COUNT(*) FROM sessions") == 1);
    CHECK(count(file, "SELECT COUNT(*) FROM events WHERE pack = 'old-pack'") == 0);
    CHECK(count(file, "SELECT COUNT(*) FROM events WHERE pack = 'new-pack'") == 1);
    // Deleted for good: the pack id of the old session is nowhere in the file, nor in its WAL.
    CHECK(fileBytes(file).find("old-pack") == std::string::npos);
    CHECK(fileBytes(file.string() + "-wal").find("old-pack") == std::string::npos);
}

TEST_CASE("usage: a corrupt file is moved aside, a fresh one started, and logging goes on with a warning") {
    test::TempDir dir;
    const auto file = core::usageDatabasePath(dir.path());
    std::string garbage(64 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919u + 13u) % 251u);
    dir.write("usage.sqlite", garbage);
    core::ManualWallClock clock;
    {
        core::SqliteUsageLog log(dir.path(), clock);
        recordVisit(log, 5, "demo", 20);
        log.flush();
        REQUIRE(log.warnings().size() == 1);
        CHECK(log.warnings()[0].find("moved aside to usage.sqlite.corrupt-") != std::string::npos);
    }
    int aside = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("usage.sqlite.corrupt-") && !name.ends_with("-wal")) {
            ++aside;
            CHECK(fileBytes(entry.path()) == garbage);  // kept as it was, for whoever investigates
        }
    }
    CHECK(aside == 1);
    CHECK(count(file, "SELECT COUNT(*) FROM sessions") == 1);
    CHECK(count(file, "SELECT COUNT(*) FROM events") == 1);
}

TEST_CASE("usage: a store that cannot be written in its folder counts in memory and says so") {
    test::TempDir dir;
    const auto missing = dir.path() / "a-file-not-a-folder";
    dir.write("a-file-not-a-folder", "x");
    core::ManualWallClock clock;
    core::SqliteUsageLog log(missing, clock);
    recordVisit(log, 9, "demo", 10);
    log.flush();
    REQUIRE_FALSE(log.warnings().empty());
    CHECK(log.warnings().back().find("counting in memory") != std::string::npos);
}

TEST_CASE("usage: a log counting in memory moves what it counted into its file once that can be written, and goes on there") {
    test::TempDir dir;
    const auto file = core::usageDatabasePath(dir.path());
    dir.write("usage.sqlite/in-the-way", "a folder where the file belongs");
    core::ManualWallClock clock;
    core::UsageLogOptions options;
    options.fileRetryEvery = 200ms;
    core::SqliteUsageLog log(dir.path(), clock, options);
    recordVisit(log, 1, "demo", 10);
    log.record(UsageEvent{UsageKind::SessionStart, 2, "", "", "en", 0});  // a visit under way throughout
    log.record(UsageEvent{UsageKind::PageView, 2, "demo", "start", "", 3});
    log.flush();
    REQUIRE(log.warnings().size() == 1);
    CHECK(log.warnings()[0].find("counting in memory until it can") != std::string::npos);

    // Still in the way at the next try: no new warning, nothing lost.
    std::this_thread::sleep_for(300ms);
    recordVisit(log, 3, "demo", 20);
    log.flush();
    CHECK(log.warnings().size() == 1);

    std::filesystem::remove_all(file);  // staff cleared it away
    std::this_thread::sleep_for(300ms);
    log.record(UsageEvent{UsageKind::PageView, 2, "demo", "form", "", 4});
    log.record(UsageEvent{UsageKind::SessionEnd, 2, "", "", "idle", 90});
    recordVisit(log, 4, "demo", 30);
    log.flush();
    REQUIRE(log.warnings().size() == 2);
    CHECK(log.warnings()[1] == "usage log: writing to " + file.string() + " again; the 3 visit(s) counted in memory meanwhile are in it");

    CHECK(count(file, "SELECT COUNT(*) FROM sessions") == 4);
    CHECK(count(file, "SELECT COUNT(*) FROM sessions WHERE ended_minute IS NULL") == 0);
    CHECK(count(file, "SELECT COUNT(*) FROM events") == 5);  // a page view each, the running visit's two
    // The visit under way kept its one row: its start and first page in memory, the rest in the file.
    CHECK(count(file, "SELECT seconds FROM sessions WHERE language = 'en'") == 90);
    CHECK(count(file, "SELECT COUNT(*) FROM events e JOIN sessions s ON s.id = e.session_id WHERE s.language = 'en'") == 2);
}

TEST_CASE("usage: a log that stops while counting in memory gives its file a last try") {
    test::TempDir dir;
    const auto file = core::usageDatabasePath(dir.path());
    dir.write("usage.sqlite/in-the-way", "x");
    core::ManualWallClock clock;
    {
        core::SqliteUsageLog log(dir.path(), clock);  // the next try would be in 5 minutes
        recordVisit(log, 1, "demo", 10);
        log.flush();
        REQUIRE(log.warnings().size() == 1);
        std::filesystem::remove_all(file);
    }
    CHECK(count(file, "SELECT COUNT(*) FROM sessions") == 1);
    CHECK(count(file, "SELECT COUNT(*) FROM events") == 1);
}

TEST_CASE("usage: visits that began in the file before it failed go on in their own rows when memory moves back in") {
    SQLite::Database file(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Database memory(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    core::migrateUsageDatabase(file);
    core::migrateUsageDatabase(memory);
    // In the file: an ended visit, and two under way when it failed (rows 2 and 3).
    file.exec("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (100, 101, 60, 'idle', 'de')");
    file.exec("INSERT INTO sessions(started_minute, language) VALUES (102, 'uk')");
    file.exec("INSERT INTO sessions(started_minute, language) VALUES (103, 'en')");
    file.exec("INSERT INTO events(session_id, minute, kind, pack, page) VALUES (2, 102, 'page_view', 'demo', 'start')");
    // In memory: row 3 of the file went on as memory row 1 and ended; a new visit is memory row 2.
    memory.exec("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (104, 105, 120, 'staff', '')");
    memory.exec("INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (104, 106, 30, 'idle', 'de')");
    memory.exec("INSERT INTO events(session_id, minute, kind, pack, page) VALUES (1, 104, 'page_view', 'demo', 'form')");
    memory.exec("INSERT INTO events(session_id, minute, kind, pack, page) VALUES (2, 104, 'page_view', 'demo', 'start')");

    const auto ids = core::copyUsageInto(memory, file, {{1, 3}});
    CHECK(ids == std::map<std::int64_t, std::int64_t>{{1, 3}, {2, 4}});
    CHECK(file.execAndGet("SELECT COUNT(*) FROM sessions").getInt() == 4);
    // Row 3 kept its start and language and got its end.
    CHECK(file.execAndGet("SELECT started_minute || ' ' || language || ' ' || ended_minute || ' ' || seconds || ' ' || end_reason FROM sessions "
                          "WHERE id = 3").getString() == "103 en 105 120 staff");
    CHECK(file.execAndGet("SELECT COUNT(*) FROM events WHERE session_id = 3 AND page = 'form'").getInt() == 1);
    CHECK(file.execAndGet("SELECT COUNT(*) FROM events WHERE session_id = 4").getInt() == 1);
    CHECK(file.execAndGet("SELECT ended_minute IS NULL FROM sessions WHERE id = 2").getInt() == 1);  // still under way
}

TEST_CASE("usage: stats suppress every cell with fewer sessions than the minimum, and say so") {
    test::TempDir dir;
    core::ManualWallClock clock(core::WallTime{std::chrono::hours(24 * 20000) + 10h});
    {
        core::SqliteUsageLog log(dir.path(), clock);
        // Speech guidance in the 6 popular sessions, large text in the 2 rare ones: that is hidden.
        for (std::uint64_t s = 1; s <= 6; ++s) recordVisit(log, s, "popular", static_cast<std::int64_t>(s * 10), "de", "speech-guidance");
        for (std::uint64_t s = 7; s <= 8; ++s) recordVisit(log, s, "rare", 100, "uk", "text-200");
        log.flush();
    }
    core::StatsRequest request;
    request.now = clock.now();
    request.days = 30;
    request.minCellSessions = 5;
    request.zone = core::StatsTimeZone::Utc;
    auto result = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().describe()));
    const core::UsageStats& stats = result.value();
    CHECK(stats.sessions.value == 8);
    CHECK_FALSE(stats.sessions.suppressed);
    CHECK(stats.medianSeconds.value == 45);  // 10 20 30 40 | 50 60 100 100
    CHECK(stats.averageSeconds.value == (210 + 200) / 8);
    REQUIRE(stats.perDay.size() == 1);
    CHECK(stats.perDay[0].name == "2024-10-04");
    REQUIRE(stats.packs.size() == 2);
    CHECK(stats.packs[0].name == "popular");
    CHECK(stats.packs[0].sessions.value == 6);
    CHECK(stats.packs[0].sessions.suppressed);  // secondary: the packs add up to the 8 sessions, 8 − 6 would give rare away
    CHECK(stats.packs[1].name == "rare");
    CHECK(stats.packs[1].sessions.suppressed);
    CHECK(stats.packs[1].views.suppressed);
    REQUIRE(stats.languages.size() == 2);
    CHECK(stats.languages[1].name == "uk");
    CHECK(stats.languages[1].sessions.suppressed);
    CHECK(stats.languages[0].sessions.suppressed);  // secondary, likewise
    REQUIRE(stats.accessibility.size() == 2);
    CHECK(stats.accessibility[0].name == "speech-guidance");
    CHECK(stats.accessibility[0].sessions.value == 6);
    CHECK_FALSE(stats.accessibility[0].sessions.suppressed);  // features overlap: nothing to subtract
    CHECK(stats.accessibility[1].name == "text-200");
    CHECK(stats.accessibility[1].sessions.suppressed);
    CHECK(formatStatsTable(stats).find("Accessibility features turned on") != std::string::npos);
    CHECK(formatStatsCsv(stats).find("accessibility,speech-guidance,6") != std::string::npos);
    CHECK(formatStatsJson(stats).find("\"accessibility\"") != std::string::npos);
    CHECK(stats.anySuppressed());

    const std::string table = core::formatStatsTable(stats);
    CHECK(table.find("fewer than 5 sessions are suppressed") != std::string::npos);
    CHECK(table.find("rare") != std::string::npos);
    const std::string csv = core::formatStatsCsv(stats);
    CHECK(csv.find("pack,rare,<5,<5") != std::string::npos);
    CHECK(csv.find("pack,popular,<5,<5") != std::string::npos);
    const std::string json = core::formatStatsJson(stats);
    CHECK(json.find(R"({"name": "rare", "sessions": null, "views": null})") != std::string::npos);

    request.minCellSessions = 1;  // never below 3
    auto loose = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);
    REQUIRE(loose);
    CHECK(loose.value().minCellSessions == 3);
    CHECK(loose.value().packs[1].sessions.suppressed);  // 2 sessions
}

TEST_CASE("usage: stats give hours of the day, flow funnels and quiz results, with small cells suppressed") {
    test::TempDir dir;
    core::ManualWallClock clock(core::WallTime{std::chrono::hours(24 * 20000) + 10h});
    {
        core::SqliteUsageLog log(dir.path(), clock);
        // 8 sessions at 10:xx open the form; 6 get to step 2, 2 leave at step 1; of the 6, 5 reach
        // step 3 (the summary) and complete, 1 leaves at step 2. 2 sessions at 14:xx only look.
        for (std::uint64_t s = 1; s <= 10; ++s) {
            if (s == 9) clock.advance(4h);
            log.record(UsageEvent{UsageKind::SessionStart, s, "", "", "de", 0});
            if (s <= 8) {
                log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 1});
                if (s <= 6) log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 2});
                if (s <= 5) {
                    log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 3});
                    log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 2});  // went back once
                    log.record(UsageEvent{UsageKind::FlowComplete, s, "demo", "", "apply", 0});
                } else {
                    log.record(UsageEvent{UsageKind::FlowAbandon, s, "demo", "", "apply", s == 6 ? 2 : 1});
                }
                // First answers: 6 right, 2 wrong; the wrong ones try again and are right.
                log.record(UsageEvent{UsageKind::QuizAnswer, s, "demo", "start", "q", s <= 6 ? 1 : 0});
                if (s > 6) log.record(UsageEvent{UsageKind::QuizAnswer, s, "demo", "start", "q", 1});
            }
            log.record(UsageEvent{UsageKind::SessionEnd, s, "", "", "idle", 30});
        }
        log.flush();
    }
    core::StatsRequest request;
    request.now = clock.now();
    request.minCellSessions = 5;
    request.zone = core::StatsTimeZone::Utc;
    auto result = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().describe()));
    const core::UsageStats& stats = result.value();

    REQUIRE(stats.perHour.size() == 2);
    CHECK(stats.perHour[0].name == "10");
    CHECK(stats.perHour[0].sessions.value == 8);
    CHECK(stats.perHour[0].sessions.suppressed);  // secondary: else the 10 sessions − 8 give 14:00 away
    CHECK(stats.perHour[1].name == "14");
    CHECK(stats.perHour[1].sessions.suppressed);

    REQUIRE(stats.flows.size() == 1);
    const core::FlowFunnel& f = stats.flows[0];
    CHECK(f.name == "demo/apply");
    CHECK(f.started.value == 8);
    CHECK(f.completed.value == 5);
    REQUIRE(f.steps.size() == 3);
    CHECK(f.steps[0].reached.value == 8);
    CHECK(f.steps[1].reached.value == 6);
    CHECK(f.steps[2].reached.value == 5);  // the visitors who went back still count at their furthest step
    // Secondary: 8 − 6, 8 − 5 would give the sessions that stopped at step 1 (and 1–2) away.
    CHECK_FALSE(f.steps[0].reached.suppressed);
    CHECK(f.steps[1].reached.suppressed);
    CHECK(f.steps[2].reached.suppressed);
    CHECK(f.completed.suppressed);
    CHECK(f.steps[0].left.value == 2);
    CHECK(f.steps[0].left.suppressed);
    CHECK(f.steps[2].left.value == 0);

    REQUIRE(stats.quizzes.size() == 1);
    const core::QuizResult& q = stats.quizzes[0];
    CHECK(q.name == "demo/start/q");
    CHECK(q.answered.value == 8);
    CHECK_FALSE(q.answered.suppressed);
    CHECK(q.right.value == 6);
    CHECK(q.wrong.value == 2);
    CHECK(q.wrong.suppressed);
    CHECK(q.right.suppressed);  // else answered − right would give the hidden wrong count away
    CHECK(stats.anySuppressed());

    const std::string table = core::formatStatsTable(stats);
    CHECK(table.find("14:00") != std::string::npos);
    CHECK(table.find("demo/apply: started 8, completed <5") != std::string::npos);
    const std::string csv = core::formatStatsCsv(stats);
    CHECK(csv.find("flow_reached,demo/apply/2,<5,") != std::string::npos);
    CHECK(csv.find("flow_left,demo/apply/1,<5,") != std::string::npos);
    CHECK(csv.find("quiz_wrong,demo/start/q,<5,") != std::string::npos);
    CHECK(csv.find("hour,14,<5,") != std::string::npos);
    const std::string json = core::formatStatsJson(stats);
    CHECK(json.find(R"({"step": 1, "reached": 8, "left": null})") != std::string::npos);
    CHECK(json.find(R"({"name": "demo/start/q", "answered": 8, "right": null, "wrong": null})") != std::string::npos);
}

namespace {

core::UsageStats statsOf(const test::TempDir& dir, const core::ManualWallClock& clock) {
    core::StatsRequest request;
    request.now = clock.now();
    request.minCellSessions = 5;
    request.zone = core::StatsTimeZone::Utc;
    auto result = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().describe()));
    return result.value();
}

// What subtraction from a shown total gives: the sum of the hidden rows. Never a count below k
// (unless nothing is hidden), and never a single hidden row.
void checkNoRowRecoverable(const std::vector<core::StatsRow>& rows, const core::StatsCell& total, int k) {
    std::int64_t hiddenSum = 0;
    int hidden = 0;
    for (const auto& r : rows) {
        if (r.sessions.suppressed) {
            hiddenSum += r.sessions.value;
            ++hidden;
        }
    }
    if (hidden == 0 || total.suppressed) return;
    CHECK(hidden >= 2);
    CHECK(hiddenSum >= k);
}

// Any two shown links of a funnel's chain (reached at each step, then completed) differ by 0 or by k or more.
void checkNoStepRecoverable(const core::FlowFunnel& f, int k) {
    std::vector<core::StatsCell> chain;
    for (const auto& st : f.steps) chain.push_back(st.reached);
    chain.push_back(f.completed);
    std::vector<std::int64_t> shown;
    for (const auto& c : chain) {
        if (!c.suppressed) shown.push_back(c.value);
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            const std::int64_t gap = shown[i] > shown[j] ? shown[i] - shown[j] : shown[j] - shown[i];
            CAPTURE(shown[i]);
            CAPTURE(shown[j]);
            CHECK((gap == 0 || gap >= k));
        }
    }
}

}  // namespace

TEST_CASE("usage: stats hide a second day when only one day is small, so the total does not give it away") {
    test::TempDir dir;
    core::ManualWallClock clock(core::WallTime{std::chrono::hours(24 * 20000) + 10h});
    {
        core::SqliteUsageLog log(dir.path(), clock);
        std::uint64_t token = 1;
        for (const int perDay : {6, 7, 2}) {  // three days: 6, 7 and 2 sessions
            for (int i = 0; i < perDay; ++i) recordVisit(log, token++, "demo", 30);
            clock.advance(24h);
        }
        log.flush();
    }
    const core::UsageStats stats = statsOf(dir, clock);
    CHECK(stats.sessions.value == 15);
    CHECK_FALSE(stats.sessions.suppressed);
    REQUIRE(stats.perDay.size() == 3);
    CHECK(stats.perDay[2].sessions.value == 2);
    CHECK(stats.perDay[2].sessions.suppressed);  // primary
    CHECK(stats.perDay[0].sessions.value == 6);
    CHECK(stats.perDay[0].sessions.suppressed);  // secondary: the smallest shown day, else 15 − 6 − 7 = 2
    CHECK_FALSE(stats.perDay[1].sessions.suppressed);
    CHECK(stats.perDay[1].sessions.value == 7);
    checkNoRowRecoverable(stats.perDay, stats.sessions, 5);
    // All at 10:00: one hour, nothing hidden, nothing more hidden.
    REQUIRE(stats.perHour.size() == 1);
    CHECK_FALSE(stats.perHour[0].sessions.suppressed);
    const std::string csv = core::formatStatsCsv(stats);
    CHECK(csv.find("day,2024-10-04,<5,") != std::string::npos);
    CHECK(csv.find("day,2024-10-05,7,") != std::string::npos);
    CHECK(csv.find("day,2024-10-06,<5,") != std::string::npos);
    CHECK(core::formatStatsTable(stats).find("worked out by subtraction") != std::string::npos);
}

TEST_CASE("usage: stats hide a funnel step whose difference to the step before would give a small count away") {
    test::TempDir dir;
    core::ManualWallClock clock(core::WallTime{std::chrono::hours(24 * 20000) + 10h});
    {
        core::SqliteUsageLog log(dir.path(), clock);
        // 20 open the form; 3 leave at step 1, 7 at step 2; 10 reach the summary (3) and complete.
        for (std::uint64_t s = 1; s <= 20; ++s) {
            log.record(UsageEvent{UsageKind::SessionStart, s, "", "", "de", 0});
            log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 1});
            if (s <= 3) {
                log.record(UsageEvent{UsageKind::FlowAbandon, s, "demo", "", "apply", 1});
            } else {
                log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 2});
                if (s <= 10) {
                    log.record(UsageEvent{UsageKind::FlowAbandon, s, "demo", "", "apply", 2});
                } else {
                    log.record(UsageEvent{UsageKind::FlowStep, s, "demo", "", "apply", 3});
                    log.record(UsageEvent{UsageKind::FlowComplete, s, "demo", "", "apply", 0});
                }
            }
            log.record(UsageEvent{UsageKind::SessionEnd, s, "", "", "idle", 30});
        }
        log.flush();
    }
    const core::UsageStats stats = statsOf(dir, clock);
    REQUIRE(stats.flows.size() == 1);
    const core::FlowFunnel& f = stats.flows[0];
    REQUIRE(f.steps.size() == 3);
    CHECK(f.steps[0].reached.value == 20);
    CHECK(f.steps[1].reached.value == 17);
    CHECK(f.steps[2].reached.value == 10);
    CHECK(f.completed.value == 10);
    CHECK(f.steps[0].left.value == 3);
    CHECK(f.steps[0].left.suppressed);  // primary
    // Before: reached 20 and 17 both shown, and 20 − 17 = 3 gave the hidden "left here" at step 1 away.
    CHECK(f.steps[1].reached.suppressed);
    CHECK_FALSE(f.started.suppressed);
    CHECK_FALSE(f.steps[0].reached.suppressed);
    CHECK_FALSE(f.steps[2].reached.suppressed);  // 20 − 10 = 10: not small
    CHECK_FALSE(f.completed.suppressed);         // 10 − 10 = 0
    CHECK_FALSE(f.steps[1].left.suppressed);     // 7
    checkNoStepRecoverable(f, 5);
    const std::string json = core::formatStatsJson(stats);
    CHECK(json.find(R"("steps": [{"step": 1, "reached": 20, "left": null}, {"step": 2, "reached": null, "left": 7}, {"step": 3, "reached": 10, "left": null}])") !=
          std::string::npos);
}

TEST_CASE("usage: files set aside as corrupt are deleted once they are older than the retention") {
    test::TempDir dir;
    dir.write("usage.sqlite.corrupt-20250101T120000Z", "old");
    dir.write("usage.sqlite.corrupt-20250101T120000Z-wal", "old");
    dir.write("usage.sqlite.corrupt-20251120T080000Z", "recent");
    dir.write("notes.txt", "not ours");
    const core::WallTime now = std::chrono::sys_days{std::chrono::year{2025} / 12 / 1};
    const auto removed = core::removeExpiredAsideDatabases(dir.path(), now, 180);
    CHECK(removed.size() == 2);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "usage.sqlite.corrupt-20250101T120000Z"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "usage.sqlite.corrupt-20250101T120000Z-wal"));
    CHECK(std::filesystem::exists(dir.path() / "usage.sqlite.corrupt-20251120T080000Z"));
    CHECK(std::filesystem::exists(dir.path() / "notes.txt"));
}
