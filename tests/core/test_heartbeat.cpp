// The heartbeat: its JSON round trip, what it says about a kiosk (packs and where they came from,
// catalogs, warnings), that nothing about visitors ever gets into it, that a broken file is an
// error naming the file and the field, and how the sender treats outcomes and pauses.
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/config/kiosk_config.hpp"
#include "core/ops/heartbeat.hpp"
#include "core/ops/heartbeat_collect.hpp"
#include "core/ops/heartbeat_delivery.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/folder_import.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/util/small_file.hpp"
#include "core/util/utc_time.hpp"
#include "published_stick.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const core::WallTime kPublished = *core::parseUtc("2026-06-01T10:00:00Z");
const core::WallTime kNow = kPublished + 1h;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

core::Heartbeat fullHeartbeat() {
    core::Heartbeat h;
    h.kiosk = "foyer";
    h.version = "1.4.0";
    h.writtenAt = kNow;
    h.uptimeSeconds = 86400 + 125;
    h.interval = 300s;
    h.schedule = "open";
    h.freeBytes = std::uintmax_t{12} * 1024 * 1024 * 1024;
    h.clockPlausible = true;
    h.packs = {{"e-rezept", "1.2.0", core::PackSource::Catalog, "hub"}, {"local-news", "0.1.0", core::PackSource::ContentFolder, "/srv/kiosk/content"}};
    h.catalogs = {{"hub", 41, kNow - 10min, kNow - 10min, "", false}, {"partner", 0, kNow - 2min, std::nullopt, "no answer from the server", false}};
    h.warnings = {"staff PIN: no staff PIN is set", "Ümlaute und Кирилиця"};
    return h;
}

// A kiosk with one pack in a content folder and the sample pack online-id from catalog 'hub',
// imported like a USB stick (signed at kPublished), a staff PIN, room on the disk.
struct SyncedKiosk {
    test::TempDir content, state, stick, keys, fonts;
    core::HeartbeatInput input;

    SyncedKiosk() {
        std::filesystem::copy(KIOSK_TEST_DATA "/content/test-pack", content.path() / "test-pack", std::filesystem::copy_options::recursive);
        const std::string rootBytes = test::publishOnlineId(stick.path(), kPublished);

        core::KioskConfig& config = input.system.config;
        config.contentFolders = {content.path()};
        config.sync.catalogs = {core::CatalogSource{"hub", "https://unused.example/", keys.write("root.json", rootBytes), {}, {}}};
        config.heartbeat.name = "foyer";
        config.heartbeat.interval = 5min;
        const auto report = core::importPublishedFolder(stick.path(), config.sync.catalogs, core::ContentStore(state.path()), kPublished);
        REQUIRE_MESSAGE(report.ok, report.problem);

        input.system.stateFolder = state.path();
        input.system.fontFiles = {fonts.write("Regular.ttf", "font bytes"), fonts.write("Bold.ttf", "font bytes")};
        input.system.freeBytes = [](const std::filesystem::path&) { return std::optional<std::uintmax_t>(std::uintmax_t{5} << 30); };
        input.system.now = kNow + 250ms;  // a heartbeat says whole seconds
        input.kioskVersion = "1.4.0";
        input.uptime = 3600s;
        input.schedule = "closed";
        const core::ManualWallClock clock(kNow);
        REQUIRE(core::StaffPin(state.path(), clock).set("2468").empty());
    }

    core::Heartbeat collect() const { return core::collectHeartbeat(input); }
};

}  // namespace

TEST_CASE("heartbeat: a heartbeat survives the trip through JSON unchanged, optional fields too") {
    const core::Heartbeat full = fullHeartbeat();
    auto back = core::parseHeartbeat(core::heartbeatJson(full), "heartbeat.json");
    REQUIRE_MESSAGE(back, back.error().describe());
    CHECK(back.value() == full);

    core::Heartbeat sparse = full;
    sparse.uptimeSeconds.reset();
    sparse.schedule.reset();
    sparse.freeBytes.reset();
    sparse.clockPlausible = false;
    sparse.packs.clear();
    sparse.catalogs.clear();
    sparse.warnings.clear();
    const std::string json = core::heartbeatJson(sparse);
    CHECK(contains(json, "\"uptime_seconds\": null"));
    CHECK(contains(json, "\"schedule\": null"));
    auto sparseBack = core::parseHeartbeat(json, "heartbeat.json");
    REQUIRE_MESSAGE(sparseBack, sparseBack.error().describe());
    CHECK(sparseBack.value() == sparse);
}

TEST_CASE("heartbeat: the JSON says format 1 first and uses UTC ISO 8601 times") {
    const std::string json = core::heartbeatJson(fullHeartbeat());
    CHECK(json.rfind("{\n  \"format\": 1,\n  \"kiosk\": \"foyer\",", 0) == 0);
    CHECK(contains(json, "\"written_at\": \"2026-06-01T11:00:00Z\""));
    CHECK(contains(json, "\"last_success\": \"2026-06-01T10:50:00Z\""));
    CHECK(contains(json, "\"source\": \"catalog\""));
    CHECK(contains(json, "\"source\": \"folder\""));
}

TEST_CASE("heartbeat: a broken file is an error naming the file and what is wrong") {
    const auto problem = [](const std::string& text) {
        auto parsed = core::parseHeartbeat(text, "/srv/kiosk-stats/foyer/heartbeat.json");
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().file == "/srv/kiosk-stats/foyer/heartbeat.json");
        return parsed.error().message;
    };
    CHECK(contains(problem(""), "not JSON"));
    CHECK(contains(problem("{\"format\": 1, \"kiosk\": \"foy"), "not JSON"));  // cut off mid-write
    CHECK(contains(problem("[1, 2]"), "no JSON object"));
    CHECK(contains(problem("{\"kiosk\": \"foyer\"}"), "no \"format\""));
    CHECK(contains(problem("{\"format\": 2}"), "heartbeat format 2, this program reads format 1"));

    nlohmann::json json = nlohmann::json::parse(core::heartbeatJson(fullHeartbeat()));
    SUBCASE("a field missing") {
        json.erase("written_at");
        CHECK(problem(json.dump()) == "'written_at' is missing");
    }
    SUBCASE("a time that is not UTC") {
        json["written_at"] = "2026-06-01 11:00";
        CHECK(contains(problem(json.dump()), "'written_at' must be a UTC time"));
    }
    SUBCASE("a wrong type inside a list") {
        json["catalogs"][1]["active_version"] = "41";
        CHECK(problem(json.dump()) == "'catalogs[1].active_version' must be a whole number");
    }
    SUBCASE("an unknown pack source") {
        json["packs"][0]["source"] = "usb";
        CHECK(contains(problem(json.dump()), "'packs[0].source' must be \"catalog\" or \"folder\""));
    }
    SUBCASE("a warning that is not text") {
        json["warnings"][0] = 3;
        CHECK(problem(json.dump()) == "'warnings[0]' must be a string");
    }
}

TEST_CASE("heartbeat: collected from a kiosk it lists each pack with where it came from, and each catalog") {
    const SyncedKiosk kiosk;
    const core::Heartbeat h = kiosk.collect();
    CHECK(h.kiosk == "foyer");
    CHECK(h.version == "1.4.0");
    CHECK(h.writtenAt == kNow);
    CHECK(h.uptimeSeconds == 3600);
    CHECK(h.interval == 300s);
    CHECK(h.schedule == "closed");
    CHECK(h.freeBytes == std::uintmax_t{5} << 30);
    CHECK(h.clockPlausible);
    REQUIRE(h.packs.size() == 2);
    const auto pack = [&h](const std::string& id) {
        for (const auto& p : h.packs) {
            if (p.id == id) return p;
        }
        FAIL("no pack " << id);
        return core::HeartbeatPack{};
    };
    CHECK(pack("online-id").source == core::PackSource::Catalog);
    CHECK(pack("online-id").from == "hub");
    CHECK_FALSE(pack("online-id").version.empty());
    CHECK(pack("test-pack").source == core::PackSource::ContentFolder);
    CHECK(pack("test-pack").from == kiosk.content.path().string());
    REQUIRE(h.catalogs.size() == 1);
    CHECK(h.catalogs[0].name == "hub");
    CHECK(h.catalogs[0].activeVersion == 1);
    CHECK_MESSAGE(h.warnings.empty(), h.warnings.front());
}

TEST_CASE("heartbeat: what the self-test finds wrong, and a sync failing for a day, become warnings") {
    SyncedKiosk kiosk;
    std::filesystem::remove(kiosk.state.path() / "staff-pin");
    kiosk.state.write("status.json", R"({"catalogs": [{"name": "hub", "last_attempt": "2026-06-01T10:55:00Z",
        "last_success": "2026-05-30T09:00:00Z", "active_version": 1, "root_version": 1, "shown": [],
        "problem": "https://unused.example/index.json: error: no answer from the server", "refused": false}]})");
    const core::Heartbeat h = kiosk.collect();
    REQUIRE(h.warnings.size() == 2);
    CHECK(h.warnings[0].rfind("staff PIN: no staff PIN is set in " + kiosk.state.path().string(), 0) == 0);
    CHECK(h.warnings[1] == "sync: catalog 'hub' has not synced since 2026-05-30T09:00:00Z: https://unused.example/index.json: error: no answer from the server");
    CHECK(h.catalogs[0].lastSuccess == core::parseUtc("2026-05-30T09:00:00Z"));
    CHECK(h.catalogs[0].problem == "https://unused.example/index.json: error: no answer from the server");

    // Failing for an hour after a success is the sync's backoff at work, not yet an operator's problem.
    kiosk.state.write("status.json", R"({"catalogs": [{"name": "hub", "last_attempt": "2026-06-01T10:55:00Z",
        "last_success": "2026-06-01T10:00:00Z", "problem": "no answer", "refused": false}]})");
    CHECK(kiosk.collect().warnings.size() == 1);
}

TEST_CASE("heartbeat: a clock before this build is not plausible, and says so") {
    SyncedKiosk kiosk;
    kiosk.input.system.now = *core::parseUtc("2000-01-01T00:00:00Z");
    const core::Heartbeat h = kiosk.collect();
    CHECK_FALSE(h.clockPlausible);
    bool warned = false;
    for (const auto& w : h.warnings) warned = warned || w.rfind("clock: the clock says 2000-01-01T00:00:00Z", 0) == 0;
    CHECK(warned);
}

TEST_CASE("heartbeat: many or long problems stay a small file") {
    SyncedKiosk kiosk;
    for (int i = 0; i < 30; ++i) kiosk.content.write("broken-" + std::to_string(i) + "/pack.toml", "id = = " + std::string(600, 'x') + "\n");
    // 25 more catalogs, each failing for days: a warning each, more than a heartbeat carries.
    nlohmann::json statuses = nlohmann::json::array();
    for (int i = 0; i < 25; ++i) {
        const std::string name = "partner-" + std::to_string(i);
        kiosk.input.system.config.sync.catalogs.push_back(core::CatalogSource{name, "https://unused.example/", kiosk.keys.path() / "none.json", {}, {}});
        statuses.push_back({{"name", name}, {"last_success", "2026-05-01T00:00:00Z"}, {"problem", std::string(500, 'p')}, {"refused", false}});
    }
    kiosk.state.write("status.json", nlohmann::json{{"catalogs", statuses}}.dump());
    const core::Heartbeat h = kiosk.collect();
    REQUIRE(h.warnings.size() == core::kMaxWarnings);
    CHECK(h.warnings.front().rfind("content: 30 packs do not load", 0) == 0);
    CHECK(h.warnings.back().rfind("and ", 0) == 0);
    CHECK(contains(h.warnings.back(), "more (kiosk selftest on the kiosk lists them)"));
    for (const auto& w : h.warnings) CHECK(w.size() <= core::kMaxWarningBytes);
    CHECK(core::heartbeatJson(h).size() < 64 * 1024);
}

// Nothing about visitors, ever: a kiosk with a busy usage log sends exactly the fields it
// documents, and none of the log's names appears anywhere in the file.
TEST_CASE("heartbeat: nothing of the usage log or its visitors gets into the heartbeat") {
    SyncedKiosk kiosk;
    {
        const core::ManualWallClock clock(kNow - 30min);
        core::SqliteUsageLog log(kiosk.state.path(), clock);
        for (std::uint64_t visit = 1; visit <= 12; ++visit) {
            log.record(core::UsageEvent{core::UsageKind::SessionStart, visit, "", "", "uk", 0});
            log.record(core::UsageEvent{core::UsageKind::PageView, visit, "canary-pack-4711", "canary-page-4712", "", 40});
            log.record(core::UsageEvent{core::UsageKind::SessionEnd, visit, "", "", "idle", 40});
        }
        log.flush();
    }
    REQUIRE(std::filesystem::exists(kiosk.state.path() / "usage.sqlite"));
    const std::string json = core::heartbeatJson(kiosk.collect());
    CHECK_FALSE(contains(json, "canary"));
    CHECK_FALSE(contains(json, "session"));
    CHECK_FALSE(contains(json, "visit"));
    CHECK_FALSE(contains(json, "\"uk\""));

    const nlohmann::json parsed = nlohmann::json::parse(json);
    std::set<std::string> keys;
    for (const auto& item : parsed.items()) keys.insert(item.key());
    CHECK(keys == std::set<std::string>{"format", "kiosk", "version", "written_at", "uptime_seconds", "interval_seconds", "schedule", "free_bytes",
                                        "clock_plausible", "warnings", "catalogs", "packs"});
    for (const auto& pack : parsed["packs"]) {
        std::set<std::string> packKeys;
        for (const auto& item : pack.items()) packKeys.insert(item.key());
        CHECK(packKeys == std::set<std::string>{"id", "version", "source", "from"});
    }
    for (const auto& catalog : parsed["catalogs"]) {
        std::set<std::string> catalogKeys;
        for (const auto& item : catalog.items()) catalogKeys.insert(item.key());
        CHECK(catalogKeys == std::set<std::string>{"name", "active_version", "last_attempt", "last_success", "problem", "refused"});
    }
}

TEST_CASE("heartbeat: the file is written into the state folder and reads back the same") {
    const test::TempDir state;
    const core::Heartbeat h = fullHeartbeat();
    REQUIRE(core::writeHeartbeatFile(state.path(), h).empty());
    CHECK(core::heartbeatFilePath(state.path()) == state.path() / "heartbeat.json");
    auto back = core::parseHeartbeat(core::readSmallFile(state.path() / "heartbeat.json", core::kMaxHeartbeatBytes), "heartbeat.json");
    REQUIRE(back);
    CHECK(back.value() == h);
    CHECK_FALSE(core::writeHeartbeatFile(state.path() / "no-such-folder", h).empty());
}

TEST_CASE("heartbeat delivery: HTTP answers are named with the setting to check") {
    CHECK(core::heartbeatOutcomeForStatus(201, "u").sent);
    CHECK(core::heartbeatOutcomeForStatus(204, "u").sent);
    const auto refused = core::heartbeatOutcomeForStatus(403, "https://s.example/kiosk-stats/foyer/heartbeat.json");
    CHECK_FALSE(refused.sent);
    CHECK(refused.kind == "HTTP 403");
    CHECK(contains(refused.problem, "https://s.example/kiosk-stats/foyer/heartbeat.json: the server answered HTTP 403"));
    CHECK(contains(refused.problem, "heartbeat.credentials_file"));
    CHECK(contains(core::heartbeatOutcomeForStatus(405, "u").problem, "dav_methods PUT"));
    CHECK(core::heartbeatOutcomeForStatus(500, "u").kind == "HTTP 500");
}

TEST_CASE("heartbeat delivery: a failure is logged once per change, not every heartbeat") {
    core::HeartbeatLog log;
    const core::HeartbeatOutcome sent{true, "", ""};
    const core::HeartbeatOutcome away{false, "no answer", "u: error: no answer from the server: Failed to connect after 3 ms"};
    const core::HeartbeatOutcome awayAgain{false, "no answer", "u: error: no answer from the server: Failed to connect after 5 ms"};
    const core::HeartbeatOutcome refused{false, "HTTP 403", "u: the server answered HTTP 403"};

    const auto first = log.after(sent);
    REQUIRE(first);
    CHECK(first->level == core::LogLevel::Info);
    CHECK_FALSE(log.after(sent));
    const auto lost = log.after(away);
    REQUIRE(lost);
    CHECK(lost->level == core::LogLevel::Warning);
    CHECK(contains(lost->message, "no answer from the server"));
    for (int i = 0; i < 100; ++i) CHECK_FALSE(log.after(i % 2 ? away : awayAgain));  // a week of the same: silence
    const auto other = log.after(refused);
    REQUIRE(other);
    CHECK(contains(other->message, "HTTP 403"));
    const auto back = log.after(sent);
    REQUIRE(back);
    CHECK(back->message == "heartbeats arrive again");

    core::HeartbeatLog failingFromStart;
    REQUIRE(failingFromStart.after(away));
    CHECK_FALSE(failingFromStart.after(away));
}

TEST_CASE("heartbeat delivery: the pause is the interval, a tenth shorter or longer at most") {
    CHECK(core::heartbeatPause(300s, 0.0) == 270s);
    CHECK(core::heartbeatPause(300s, 0.5) == 300s);
    CHECK(core::heartbeatPause(300s, 0.999999) <= 330s);
    CHECK(core::heartbeatPause(300s, 0.999999) > 329s);
    CHECK(core::heartbeatPause(60s, 2.0) == 66s);  // out of range is clamped, never a tight loop
    CHECK(core::heartbeatPause(60s, -1.0) == 54s);
}

TEST_CASE("heartbeat config: sending is off by default, every 5 minutes, and url, name, credentials and interval are checked") {
    const test::TempDir dir;
    const auto load = [&dir](const std::string& name, const std::string& toml) { return core::loadConfig(dir.write(name, toml)); };
    const auto firstProblem = [](const auto& loaded) {
        REQUIRE_FALSE(loaded);
        return loaded.error()[0].describe();
    };

    auto defaults = load("defaults.toml", "");
    REQUIRE(defaults);
    CHECK_FALSE(defaults.value().heartbeat.sends());
    CHECK(defaults.value().heartbeat.interval == 5min);

    auto on = load("on.toml", "[heartbeat]\nurl = \"https://stats.hub.example/kiosk-stats/\"\nname = \"foyer\"\n"
                              "credentials_file = \"secrets/upload\"\ninterval_minutes = 2\n");
    REQUIRE_MESSAGE(on, on.error()[0].describe());
    CHECK(on.value().heartbeat.sends());
    CHECK(on.value().heartbeat.url == "https://stats.hub.example/kiosk-stats/");
    CHECK(on.value().heartbeat.name == "foyer");
    CHECK(on.value().heartbeat.credentialsFile == dir.path() / "secrets/upload");  // next to the config, wherever the kiosk starts
    CHECK(on.value().heartbeat.interval == 2min);

    auto local = load("local.toml", "[heartbeat]\nurl = \"http://127.0.0.1:8080/kiosk-stats/\"\nname = \"foyer\"\n");
    CHECK_MESSAGE(local, local.error()[0].describe());

    CHECK(contains(firstProblem(load("http.toml", "[heartbeat]\nurl = \"http://stats.hub.example/\"\nname = \"foyer\"\n")),
                   "http.toml:2:7: error: 'heartbeat.url' is \"http://stats.hub.example/\", not an https:// address"));
    CHECK(contains(firstProblem(load("name.toml", "[heartbeat]\nname = \"Foyer 1\"\n")), "'heartbeat.name' is \"Foyer 1\""));
    CHECK(contains(firstProblem(load("noname.toml", "[heartbeat]\nurl = \"https://s.example/\"\n")), "'heartbeat.url' is set but 'heartbeat.name' is not"));
    CHECK(contains(firstProblem(load("often.toml", "[heartbeat]\ninterval_minutes = 0\n")), "interval_minutes"));
    CHECK(contains(firstProblem(load("rare.toml", "[heartbeat]\ninterval_minutes = 61\n")), "interval_minutes"));
    CHECK(contains(firstProblem(load("typo.toml", "[heartbeat]\nintervall_minutes = 5\n")), "did you mean 'interval_minutes'"));
}
