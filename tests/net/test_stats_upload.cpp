// The daily statistics upload against a real nginx with its WebDAV module, through the real
// libcurl client: what arrives, what is retried, and that no day is lost while the server is away.
#include <doctest/doctest.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "core/stats/stats_upload.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "net/http_client.hpp"
#include "nginx_server.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// The WebDAV folder as deploy/nginx/kiosk-stats.conf sets it up, and two that fail.
const char* const kLocations = R"(
    location /kiosk-stats/ {
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 1m;
    }
    location /locked/ {
      dav_methods PUT;
      create_full_put_path on;
      auth_basic "kiosk statistics";
      auth_basic_user_file {prefix}/users;
    }
    location /broken/ { return 500; }
    location /closed/ { return 403; }
)";

core::WallTime localTime(int year, int month, int day, int hour) {
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

const core::WallTime kNow = localTime(2026, 12, 1, 10);

using test::readFile;

int countOf(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct UploadFixture {
    test::TempDir state;
    test::NginxServer server{kLocations};
    core::StatsUploadSettings settings;
    net::HttpCredentials credentials;
    std::vector<std::chrono::milliseconds> pauses;

    UploadFixture() {
        settings.url = server.url("/kiosk-stats/");
        settings.kioskName = "foyer";
        // visits per day: 6 on the 28th, 2 on the 29th (a small day), 7 on the 30th, 3 today
        core::ManualWallClock clock(localTime(2026, 11, 28, 11));
        core::SqliteUsageLog log(state.path(), clock);
        std::uint64_t token = 1;
        const auto visits = [&](core::WallTime at, int n) {
            clock.advance(at - clock.now());
            for (int i = 0; i < n; ++i, ++token) {
                log.record(core::UsageEvent{core::UsageKind::SessionStart, token, "", "", "de", 0});
                log.record(core::UsageEvent{core::UsageKind::PageView, token, "e-rezept", "start", "", 40});
                log.record(core::UsageEvent{core::UsageKind::SessionEnd, token, "", "", "idle", 40});
            }
        };
        visits(localTime(2026, 11, 28, 11), 6);
        visits(localTime(2026, 11, 29, 15), 2);
        visits(localTime(2026, 11, 30, 9), 7);
        visits(localTime(2026, 12, 1, 9), 3);
        log.flush();
    }

    core::StatsUploadReport upload() {
        const auto put = [this](const std::string& url, const std::string& body) {
            auto response = net::httpPut(url, body, "application/json", credentials);
            if (!response) return core::PutOutcome{false, true, response.error().describe()};
            return core::putOutcomeForStatus(response.value().status, url);
        };
        return core::uploadDailyStats(state.path(), settings, kNow, put, [this](std::chrono::milliseconds ms) { pauses.push_back(ms); });
    }
    void markSentThrough(const std::string& day) const { state.write("usage-uploaded-through", day + "\n"); }
    std::string marker() const { return readFile(state.path() / "usage-uploaded-through"); }
    std::filesystem::path uploaded(const std::string& folder, const std::string& day) const {
        return server.root() / folder / "foyer" / (day + ".json");
    }
};

}  // namespace

TEST_CASE("upload: each finished day not sent yet arrives once, with the suppressed numbers, and today stays") {
    UploadFixture f;
    f.markSentThrough("2026-11-27");
    const auto report = f.upload();
    CHECK_MESSAGE(report.upToDate(), report.problem);
    CHECK(report.uploaded == std::vector<std::string>{"2026-11-28", "2026-11-29", "2026-11-30"});
    CHECK(f.marker() == "2026-11-30\n");

    const std::string day28 = readFile(f.uploaded("kiosk-stats", "2026-11-28"));
    CHECK(day28.find("\"kiosk\": \"foyer\"") != std::string::npos);
    CHECK(day28.find("\"date\": \"2026-11-28\"") != std::string::npos);
    CHECK(day28.find("\"sessions\": 6") != std::string::npos);
    // Two visits are a small cell: the day says null and nowhere 2.
    const std::string day29 = readFile(f.uploaded("kiosk-stats", "2026-11-29"));
    CHECK(day29.find("\"sessions\": null") != std::string::npos);
    CHECK(day29.find("\"sessions\": 2") == std::string::npos);
    CHECK(day29.find("\"any_suppressed\": true") != std::string::npos);
    CHECK(readFile(f.uploaded("kiosk-stats", "2026-11-30")).find("\"sessions\": 7") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.uploaded("kiosk-stats", "2026-12-01")));
    // Never raw events: no event kinds, no minutes, only the aggregate document.
    CHECK(day28.find("page_view") == std::string::npos);

    // A second run finds nothing due and sends nothing.
    const int putsBefore = countOf(f.server.accessLog("PUT ", 3), "PUT ");
    const auto again = f.upload();
    CHECK(again.upToDate());
    CHECK(again.uploaded.empty());
    CHECK(countOf(f.server.accessLog(), "PUT ") == putsBefore);
}

TEST_CASE("upload: switched on for the first time it sends yesterday, not the weeks before") {
    UploadFixture f;
    const auto report = f.upload();
    CHECK_MESSAGE(report.upToDate(), report.problem);
    CHECK(report.uploaded == std::vector<std::string>{"2026-11-30"});
}

TEST_CASE("upload: after a long time offline it sends at most the last two weeks") {
    UploadFixture f;
    f.markSentThrough("2026-10-01");
    f.settings.maxDaysBack = 3;
    const auto report = f.upload();
    CHECK_MESSAGE(report.upToDate(), report.problem);
    CHECK(report.uploaded == std::vector<std::string>{"2026-11-28", "2026-11-29", "2026-11-30"});
}

TEST_CASE("upload: a server that is away is tried a few times, and its days wait for the next run") {
    UploadFixture f;
    f.markSentThrough("2026-11-28");
    f.server.stop();
    const auto down = f.upload();
    CHECK_FALSE(down.upToDate());
    CHECK(down.uploaded.empty());
    CHECK(down.problem.find(f.settings.url) != std::string::npos);
    CHECK(down.problem.find("no answer from the server") != std::string::npos);
    CHECK(down.problem.find("2026-11-29 and later days are sent on the next run") != std::string::npos);
    REQUIRE(f.pauses.size() == 2);  // three attempts
    CHECK(f.pauses[1] > f.pauses[0]);
    CHECK(f.marker() == "2026-11-28\n");

    f.server.start();
    const auto back = f.upload();
    CHECK_MESSAGE(back.upToDate(), back.problem);
    CHECK(back.uploaded == std::vector<std::string>{"2026-11-29", "2026-11-30"});
}

TEST_CASE("upload: a server error is retried, a refusal is not, and both name the answer") {
    UploadFixture f;
    f.markSentThrough("2026-11-29");
    SUBCASE("500") {
        f.settings.url = f.server.url("/broken/");
        const auto report = f.upload();
        CHECK(report.problem.find("HTTP 500") != std::string::npos);
        CHECK(countOf(f.server.accessLog("PUT /broken/", 3), "PUT /broken/") == 3);
    }
    SUBCASE("403") {
        f.settings.url = f.server.url("/closed/");
        const auto report = f.upload();
        CHECK(report.problem.find("HTTP 403") != std::string::npos);
        CHECK(report.problem.find("upload_credentials_file") != std::string::npos);
        CHECK(countOf(f.server.accessLog("PUT /closed/", 1), "PUT /closed/") == 1);
        CHECK(f.pauses.empty());
    }
    CHECK(f.marker() == "2026-11-29\n");
}

TEST_CASE("upload: a folder behind a password takes the right one only") {
    UploadFixture f;
    std::ofstream(f.server.prefix() / "users") << "kiosk-foyer:{PLAIN}s3cret-word\n";
    f.markSentThrough("2026-11-29");
    f.settings.url = f.server.url("/locked/");
    f.credentials = {"kiosk-foyer", "wrong"};
    const auto refused = f.upload();
    CHECK(refused.problem.find("HTTP 401") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.uploaded("locked", "2026-11-30")));

    f.credentials = {"kiosk-foyer", "s3cret-word"};
    const auto accepted = f.upload();
    CHECK_MESSAGE(accepted.upToDate(), accepted.problem);
    CHECK(std::filesystem::exists(f.uploaded("locked", "2026-11-30")));
}

TEST_CASE("http: a password is never sent over plain http to another machine, and a bad URL is named") {
    auto overHttp = net::httpPut("http://stats.example.org/kiosk/", "{}", "application/json", {"user", "pw"});
    REQUIRE_FALSE(overHttp);
    CHECK(overHttp.error().message.find("plain http://") != std::string::npos);
    CHECK(overHttp.error().file == "http://stats.example.org/kiosk/");

    auto notUrl = net::httpPut("stats.example.org", "{}", "application/json");
    REQUIRE_FALSE(notUrl);
    CHECK(notUrl.error().message.find("not an http:// or https:// URL") != std::string::npos);
}

TEST_CASE("upload: a day is the local calendar day, from midnight to midnight") {
    const core::MinuteSpan span = core::localDaySpan("2026-11-30");
    CHECK(span.from == core::usageMinute(localTime(2026, 11, 30, 0)));
    CHECK(span.to == core::usageMinute(localTime(2026, 12, 1, 0)));
}

TEST_CASE("upload: the shipped nginx config takes each kiosk's days into its own folder only") {
    test::NginxServer server(test::shippedStatsConfig());
    std::ofstream(server.prefix() / "users") << "foyer:{PLAIN}pw-foyer\nlibrary:{PLAIN}pw-library\n";
    const auto put = [&](const std::string& path, const net::HttpCredentials& who) {
        auto response = net::httpPut(server.url(path), "{}", "application/json", who);
        REQUIRE_MESSAGE(response, response.error().describe());
        return response.value().status;
    };
    CHECK(put("/kiosk-stats/foyer/2026-11-30.json", {"foyer", "pw-foyer"}) == 201);
    CHECK(std::filesystem::exists(server.root() / "kiosk-stats/foyer/2026-11-30.json"));
    CHECK(put("/kiosk-stats/library/2026-11-30.json", {"foyer", "pw-foyer"}) == 403);  // another kiosk's folder
    CHECK(put("/kiosk-stats/foyer/../library/x.json", {"foyer", "pw-foyer"}) == 403);
    CHECK(put("/kiosk-stats/foyer/notes.txt", {"foyer", "pw-foyer"}) == 403);         // only day documents
    CHECK(put("/kiosk-stats/foyer/2026-11-30.json", {"foyer", "wrong"}) == 401);
    CHECK(put("/kiosk-stats/foyer/2026-11-30.json", {}) == 401);
}
