// `kiosk fleet`'s judgement of a server folder of heartbeats, with the time injected and each
// file's arrival set as its modification time: silent kiosks, broken files, warnings, a kiosk
// clock far from the server's, problems first, and the static page.
#include <doctest/doctest.h>

#include "core/ops/fleet.hpp"
#include "core/ops/fleet_page.hpp"
#include "core/util/utc_time.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const core::WallTime kNow = *core::parseUtc("2026-12-01T10:00:00Z");

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

core::Heartbeat heartbeat(const std::string& name, core::WallTime writtenAt) {
    core::Heartbeat h;
    h.kiosk = name;
    h.version = "1.4.0";
    h.writtenAt = writtenAt;
    h.uptimeSeconds = 7200;
    h.interval = 5min;
    h.schedule = "open";
    h.freeBytes = std::uintmax_t{3} << 30;
    h.packs = {{"e-rezept", "1.2.0", core::PackSource::Catalog, "hub"}, {"news", "0.1.0", core::PackSource::ContentFolder, "/srv/content"}};
    h.catalogs = {{"hub", 41, writtenAt - 3min, writtenAt - 3min, "", false}};
    return h;
}

struct ServerFolder {
    test::TempDir dir;

    // As nginx stores a PUT: the file, its modification time when it arrived.
    void put(const std::string& folder, const std::string& bytes, core::WallTime arrived) const {
        const auto file = dir.write(folder + "/heartbeat.json", bytes);
        std::filesystem::last_write_time(file, std::chrono::file_clock::from_sys(arrived));
    }
    void put(const core::Heartbeat& h, core::WallTime arrived) const { put(h.kiosk, core::heartbeatJson(h), arrived); }

    std::vector<core::FleetRow> assess(std::optional<std::chrono::minutes> staleAfter = std::nullopt) const {
        return core::assessFleet(core::readFleetFolder(dir.path()), core::FleetOptions{kNow, staleAfter});
    }
};

}  // namespace

TEST_CASE("fleet: a kiosk heard from within three intervals is fine, with its line filled in") {
    const ServerFolder server;
    server.put(heartbeat("foyer", kNow - 2min), kNow - 2min);
    const auto rows = server.assess();
    REQUIRE(rows.size() == 1);
    const core::FleetRow& row = rows[0];
    CHECK(row.state == core::FleetState::Fine);
    CHECK(row.name == "foyer");
    CHECK(row.lastSeen == "2 min ago");
    CHECK(row.version == "1.4.0");
    CHECK(row.uptime == "2 h 0 min");
    CHECK(row.content == "2 packs, hub v41, 1 from folders");
    CHECK(row.sync == "sync ok 5 min ago");
    CHECK(row.schedule == "open");
    CHECK(row.freeSpace == "3.0 GiB free");
    CHECK(row.problems.empty());
    const std::string text = core::fleetText(rows, server.dir.path());
    CHECK(contains(text, "ok  foyer  2 min ago  1.4.0  2 packs, hub v41, 1 from folders  sync ok 5 min ago  0 warnings  open\n"));
    CHECK(contains(text, "1 kiosk in " + server.dir.path().string() + ": 0 silent, 0 broken files, 0 with warnings, 1 fine"));
}

TEST_CASE("fleet: a kiosk not heard from for more than three of its intervals is silent, and comes first") {
    const ServerFolder server;
    server.put(heartbeat("aaa-fine", kNow - 1min), kNow - 1min);
    server.put(heartbeat("library", kNow - 16min), kNow - 16min);  // 3 x 5 min: silent
    server.put(heartbeat("cafe", kNow - 14min), kNow - 14min);     // not yet
    const auto rows = server.assess();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].name == "library");
    CHECK(rows[0].state == core::FleetState::Silent);
    REQUIRE_FALSE(rows[0].problems.empty());
    CHECK(rows[0].problems[0] == "silent: no heartbeat for 16 min (one is due every 5 min)");
    CHECK(rows[1].name == "aaa-fine");
    CHECK(rows[2].name == "cafe");
    CHECK(rows[2].state == core::FleetState::Fine);

    SUBCASE("--stale-minutes decides instead of the intervals") {
        const auto strict = server.assess(10min);
        CHECK(strict[0].name == "cafe");
        CHECK(strict[1].name == "library");
        CHECK(strict[0].state == core::FleetState::Silent);
        CHECK(strict[2].state == core::FleetState::Fine);
        const auto lenient = server.assess(60min);
        for (const auto& row : lenient) CHECK(row.state == core::FleetState::Fine);
    }
}

TEST_CASE("fleet: silence is measured by the server's clock, not by the kiosk's") {
    const ServerFolder server;
    // A kiosk whose clock runs a day ahead would look fresh for a day by its own time.
    server.put(heartbeat("ahead", kNow + 24h), kNow - 2h);
    // A kiosk with a flat clock battery sends times from 2000, yet it is here.
    server.put(heartbeat("behind", *core::parseUtc("2000-01-01T00:00:00Z")), kNow - 1min);
    const auto rows = server.assess();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].name == "ahead");
    CHECK(rows[0].state == core::FleetState::Silent);
    CHECK(rows[1].name == "behind");
    CHECK(rows[1].state == core::FleetState::Warnings);
    REQUIRE(rows[1].problems.size() == 1);
    CHECK(contains(rows[1].problems[0], "clock: the kiosk's clock is"));
    CHECK(contains(rows[1].problems[0], "behind the server's"));
    CHECK(rows[1].lastSeen == "1 min ago");
}

TEST_CASE("fleet: a broken or unreadable file is named and the listing goes on") {
    const ServerFolder server;
    server.put(heartbeat("foyer", kNow - 1min), kNow - 1min);
    server.put("cut", "{\"format\": 1, \"kiosk\": \"cu", kNow - 1min);
    server.put("newer", "{\"format\": 7}", kNow - 1min);
    server.put("huge", std::string(core::kMaxHeartbeatBytes + 1, ' '), kNow - 1min);
    server.dir.write("no-heartbeat-yet/2026-11-30.json", "{}");  // a folder of daily statistics only
    const auto rows = server.assess();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].state == core::FleetState::Broken);
    CHECK(rows[0].name == "cut");
    CHECK(contains(rows[0].problems[0], (server.dir.path() / "cut/heartbeat.json").string() + ": error: not JSON"));
    CHECK(rows[1].name == "huge");
    CHECK(contains(rows[1].problems[0], "far more than a heartbeat"));
    CHECK(rows[2].name == "newer");
    CHECK(contains(rows[2].problems[0], "heartbeat format 7"));
    CHECK(rows[3].name == "foyer");
    CHECK(rows[3].state == core::FleetState::Fine);
    const std::string text = core::fleetText(rows, server.dir.path());
    CHECK(contains(text, "BROKEN  cut"));
    CHECK(contains(text, "4 kiosks in " + server.dir.path().string() + ": 0 silent, 3 broken files, 0 with warnings, 1 fine"));
}

TEST_CASE("fleet: a kiosk's warnings and a failing sync show in its line") {
    const ServerFolder server;
    core::Heartbeat h = heartbeat("foyer", kNow - 1min);
    h.warnings = {"staff PIN: no staff PIN is set in /var/lib/kiosk", "disk space: 120 MiB free"};
    h.catalogs[0].problem = "https://content.example/index.json: error: no answer from the server";
    h.catalogs[0].lastAttempt = kNow - 4min;
    h.schedule.reset();
    h.uptimeSeconds.reset();
    server.put(h, kNow - 1min);
    const auto rows = server.assess();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].state == core::FleetState::Warnings);
    CHECK(rows[0].problems == h.warnings);
    CHECK(rows[0].sync == "hub failed 4 min ago: https://content.example/index.json: error: no answer from...");
    CHECK(rows[0].schedule == "-");
    CHECK(rows[0].uptime == "-");
    const std::string text = core::fleetText(rows, server.dir.path());
    CHECK(contains(text, "WARN  foyer"));
    CHECK(contains(text, "2 warnings  -  staff PIN: no staff PIN is set"));
}

TEST_CASE("fleet: an empty folder lists nothing and says where heartbeats come from") {
    const ServerFolder server;
    const auto rows = server.assess();
    CHECK(rows.empty());
    CHECK(contains(core::fleetText(rows, server.dir.path()), "no heartbeats in " + server.dir.path().string()));
}

TEST_CASE("fleet: ages read as minutes, hours and days") {
    CHECK(core::ageText(30s) == "30 s");
    CHECK(core::ageText(90s) == "1 min");
    CHECK(core::ageText(2h) == "2 h");
    CHECK(core::ageText(47h) == "47 h");
    CHECK(core::ageText(72h) == "3 d");
    CHECK(core::agoText(59s) == "just now");
    CHECK(core::agoText(5min) == "5 min ago");
}

TEST_CASE("fleet: the page lists every kiosk, problems first, escapes what kiosks wrote and loads nothing") {
    const ServerFolder server;
    core::Heartbeat h = heartbeat("foyer", kNow - 1min);
    h.warnings = {"content: <script>alert(1)</script> & \"quotes\""};
    server.put(h, kNow - 1min);
    server.put(heartbeat("library", kNow - 3h), kNow - 3h);
    server.put("cut", "{", kNow);
    const auto rows = server.assess();
    const std::string page = core::fleetPage(rows, server.dir.path(), kNow);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(page, "3 kiosk(s), 3 need a look."));
    CHECK(contains(page, "as of 2026-12-01T10:00:00Z"));
    const auto library = page.find("<th scope=\"row\">library</th>");
    const auto cut = page.find("<th scope=\"row\">cut</th>");
    const auto foyer = page.find("<th scope=\"row\">foyer</th>");
    REQUIRE(library != std::string::npos);
    REQUIRE(cut != std::string::npos);
    REQUIRE(foyer != std::string::npos);
    CHECK(library < cut);
    CHECK(cut < foyer);
    CHECK(contains(page, "<tr class=\"silent\">"));
    CHECK(contains(page, "<tr class=\"broken\">"));
    CHECK(contains(page, "<tr class=\"warnings\">"));
    CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "http://"));
    CHECK_FALSE(contains(page, "https://"));
    CHECK_FALSE(contains(page, "src="));
    CHECK_FALSE(contains(page, "href="));
    CHECK_FALSE(contains(page, "url("));
}
