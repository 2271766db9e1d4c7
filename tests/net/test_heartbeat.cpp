// `kiosk heartbeat` against a real nginx with the shipped deploy/nginx/kiosk-stats.conf: the
// heartbeat arrives in the kiosk's own folder, another kiosk's folder is refused, and a server
// that is away is exit code 6 with the local file written all the same.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <fstream>
#include <sstream>

#include "core/ops/heartbeat.hpp"
#include "net/http_client.hpp"
#include "nginx_server.hpp"

using namespace kiosk;

namespace {

using test::readFile;
using test::shippedStatsConfig;

struct HeartbeatFixture {
    test::TempDir kiosk;  // config, credentials, state
    test::NginxServer server{shippedStatsConfig()};
    std::string output;

    HeartbeatFixture() {
        std::ofstream(server.prefix() / "users") << "foyer:{PLAIN}pw-foyer\nlibrary:{PLAIN}pw-library\n";
        kiosk.write("credentials", "foyer:pw-foyer\n");
        std::filesystem::permissions(kiosk.path() / "credentials", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }

    std::filesystem::path state() const { return kiosk.path() / "state"; }
    std::filesystem::path arrived(const std::string& name) const { return server.root() / "kiosk-stats" / name / "heartbeat.json"; }

    // `kiosk heartbeat` as the kiosk named `name` (with foyer's password); its exit code.
    int heartbeat(const std::string& name) {
        kiosk.write("kiosk.toml", "[content]\nfolders = [\"" KIOSK_SOURCE_DIR "/tests/fixtures/content\"]\n"
                                  "[heartbeat]\nurl = \"" + server.url("/kiosk-stats/") + "\"\nname = \"" + name +
                                      "\"\ncredentials_file = \"credentials\"\n");
        const std::filesystem::path log = kiosk.path() / "output.log";
        const std::string command = "'" KIOSK_BIN "' --config '" + (kiosk.path() / "kiosk.toml").string() + "' --state '" + state().string() +
                                    "' heartbeat >'" + log.string() + "' 2>&1";
        const int status = std::system(command.c_str());
        output = readFile(log);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("heartbeat: it arrives in the kiosk's own folder, the same bytes as the local file") {
    HeartbeatFixture f;
    REQUIRE_MESSAGE(f.heartbeat("foyer") == 0, f.output);
    CHECK(contains(f.output, "heartbeat: sent to " + f.server.url("/kiosk-stats/foyer/heartbeat.json")));
    const std::string local = readFile(f.state() / "heartbeat.json");
    REQUIRE_FALSE(local.empty());
    CHECK(readFile(f.arrived("foyer")) == local);
    auto parsed = core::parseHeartbeat(local, "heartbeat.json");
    REQUIRE_MESSAGE(parsed, parsed.error().describe());
    CHECK(parsed.value().kiosk == "foyer");
    CHECK_FALSE(parsed.value().uptimeSeconds.has_value());  // not the running kiosk
    REQUIRE(parsed.value().packs.size() == 1);
    CHECK(parsed.value().packs[0].id == "test-pack");

    // The next one replaces it.
    REQUIRE_MESSAGE(f.heartbeat("foyer") == 0, f.output);
    CHECK(readFile(f.arrived("foyer")) == readFile(f.state() / "heartbeat.json"));
}

TEST_CASE("heartbeat: another kiosk's folder is refused, and the local file is still written") {
    HeartbeatFixture f;
    CHECK(f.heartbeat("library") == 6);  // foyer's password, library's folder
    CHECK(contains(f.output, "/kiosk-stats/library/heartbeat.json: the server answered HTTP 403"));
    CHECK(contains(f.output, "heartbeat.credentials_file"));
    CHECK_FALSE(std::filesystem::exists(f.arrived("library")));
    CHECK(std::filesystem::exists(f.state() / "heartbeat.json"));

    // The shipped config keeps every other name out of a kiosk's folder.
    auto other = net::httpPut(f.server.url("/kiosk-stats/foyer/heartbeat.json.tmp"), "{}", "application/json", {"foyer", "pw-foyer"});
    REQUIRE(other);
    CHECK(other.value().status == 403);
    auto wrongPassword = net::httpPut(f.server.url("/kiosk-stats/foyer/heartbeat.json"), "{}", "application/json", {"foyer", "wrong"});
    REQUIRE(wrongPassword);
    CHECK(wrongPassword.value().status == 401);
}

TEST_CASE("heartbeat: a server that is away is exit code 6, and the local file is written all the same") {
    HeartbeatFixture f;
    f.server.stop();
    CHECK(f.heartbeat("foyer") == 6);
    CHECK(contains(f.output, "no answer from the server"));
    CHECK(contains(f.output, "heartbeat: wrote " + (f.state() / "heartbeat.json").string()));
    auto parsed = core::parseHeartbeat(readFile(f.state() / "heartbeat.json"), "heartbeat.json");
    REQUIRE_MESSAGE(parsed, parsed.error().describe());
    CHECK(parsed.value().kiosk == "foyer");
}
