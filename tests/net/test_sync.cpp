// The signed sync end to end: `catalog publish` into a folder a real nginx serves, the real
// libcurl transport, and the kiosk's state folder afterwards. Each refusal leaves the trusted
// state and the shown packs exactly as they were.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("sync: a published catalog is fetched, verified, installed and shown, and a second sync fetches nothing") {
    SyncFixture f;
    const auto catalog = f.publish();
    const auto report = f.sync();
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(report.activated);
    CHECK(report.installed.size() == 3);
    std::int64_t archives = 0;
    for (const auto& p : catalog.packs) archives += p.length;
    CHECK(report.bytesFetched == archives);
    REQUIRE(f.active().has_value());
    CHECK(f.active()->catalogVersion == 1);
    CHECK(f.active()->packs.size() == 3);

    const auto folders = f.store().activePackFolders({"hub"});
    const core::PackLibrary library = core::loadPackLibrary({}, folders);
    CHECK(library.packs.size() == 3);
    CHECK(library.findPack("online-id") != nullptr);
    for (const auto& problem : library.problems) FAIL_CHECK(problem.describe());

    const auto again = f.sync();
    REQUIRE_MESSAGE(again.ok, again.problem);
    CHECK_FALSE(again.activated);
    CHECK(again.bytesFetched == 0);
    CHECK(countOf(f.server.accessLog("GET /kiosk/index.json 304", 1), "GET /kiosk/index.json 304") == 1);  // the ETag held
}

TEST_CASE("sync: after one pack changed only that pack is fetched, and the set before is kept for a rollback") {
    SyncFixture f;
    f.publish();
    REQUIRE(f.sync().ok);
    f.editPack("online-id", "1.0.1");
    const auto catalog = f.publish();
    const auto report = f.sync();
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(report.installed == std::vector<std::string>{"online-id 1.0.1"});
    const auto changed = std::find_if(catalog.packs.begin(), catalog.packs.end(), [](const auto& p) { return p.id == "online-id"; });
    CHECK(report.bytesFetched == changed->length);
    CHECK(f.active()->catalogVersion == 2);
    CHECK(std::filesystem::exists(f.kiosk.path() / "trusted/hub/previous.json"));
    CHECK(f.store().removeUnused({"hub"}).empty());  // 1.0.0 is still the rollback
    CHECK(f.store().isInstalled({"online-id", "1.0.0"}));
}

TEST_CASE("sync: archives that are not the signed ones are refused and the shown set stays") {
    SyncFixture f;
    const auto first = f.publish();
    REQUIRE(f.sync().ok);
    f.editPack("online-id", "1.0.1");
    const auto second = f.publish();
    const auto archive = f.out() / "packs/online-id-1.0.1.tar.gz";
    const std::string good = readFile(archive);
    const auto before = snapshot(f.kiosk.path());

    SUBCASE("the same length, other bytes") {
        std::string bad = good;
        bad[bad.size() / 2] ^= 0x20;
        writeFile(archive, bad);
        const auto report = f.sync();
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("not the one the catalog signed") != std::string::npos);
    }
    SUBCASE("longer than declared") {
        writeFile(archive, good + std::string(4096, 'X'));
        const auto report = f.sync();
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("more than the") != std::string::npos);
    }
    SUBCASE("mix and match: the archive of the version before, under the new name") {
        writeFile(archive, readFile(f.out() / "packs/online-id-1.0.0.tar.gz"));
        const auto report = f.sync();
        CHECK_FALSE(report.ok);
        // Refused by its length (longer than declared) or, within it, by its sha256.
        CHECK((report.problem.find("not the one the catalog signed") != std::string::npos || report.problem.find("more than the") != std::string::npos));
    }
    SUBCASE("missing: the bundle is partial") {
        std::filesystem::remove(archive);
        const auto report = f.sync();
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("HTTP 404") != std::string::npos);
        CHECK(report.problem.find("stays inactive") != std::string::npos);
    }
    CHECK(f.active()->catalogVersion == first.version);
    CHECK_FALSE(f.store().isInstalled({"online-id", "1.0.1"}));
    // The new catalog itself was verified and is trusted (no rollback to before it), but nothing shown changed.
    auto after = snapshot(f.kiosk.path());
    after.erase("trusted/hub/index.json");
    after.erase("trusted/hub/catalog.json");
    auto expected = before;
    expected.erase("trusted/hub/index.json");
    expected.erase("trusted/hub/catalog.json");
    CHECK(after == expected);
    (void)second;
}

TEST_CASE("sync: a catalog that goes back, is signed by another key, is not JSON or has no end is refused, and nothing changes") {
    SyncFixture f;
    f.publish();
    const std::string v1 = readFile(f.out() / "index.json");
    f.publish();
    REQUIRE(f.sync().ok);
    const auto before = snapshot(f.kiosk.path());
    core::TrustFailure expected = core::TrustFailure::Malformed;
    SUBCASE("rollback to version 1") {
        writeFile(f.out() / "index.json", v1);
        expected = core::TrustFailure::Rollback;
    }
    SUBCASE("signed by a key the root does not know") {
        const core::SecretKey stranger = core::SecretKey::generate();
        core::CatalogMetadata catalog;
        catalog.version = 3;
        catalog.signedAt = core::SystemWallClock().now();
        catalog.expires = catalog.signedAt + std::chrono::hours(24);
        writeFile(f.out() / "index.json", core::makeCatalogDocument(catalog, {&stranger}));
        expected = core::TrustFailure::BelowThreshold;
    }
    SUBCASE("expired: published long ago, never published again") {
        core::CatalogMetadata catalog;
        catalog.version = 3;
        catalog.signedAt = core::SystemWallClock().now() - std::chrono::hours(24 * 40);
        catalog.expires = catalog.signedAt + std::chrono::hours(24 * 30);
        writeFile(f.out() / "index.json", core::makeCatalogDocument(catalog, {&f.catalogKey}));
        expected = core::TrustFailure::Expired;
    }
    SUBCASE("an HTML error page") {
        writeFile(f.out() / "index.json", "<html><body><h1>502 Bad Gateway</h1></body></html>\n");
        expected = core::TrustFailure::Malformed;
    }
    SUBCASE("endless") {
        writeFile(f.out() / "index.json", std::string(core::kMaxCatalogBytes + 100, ' '));
        const auto report = f.sync();
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("more than the") != std::string::npos);
        f.expectUnchanged(before);
        return;
    }
    const auto report = f.sync();
    CHECK_FALSE(report.ok);
    REQUIRE(report.refused.has_value());
    CHECK(*report.refused == expected);
    CHECK(f.active()->catalogVersion == 2);
    f.expectUnchanged(before);
}

TEST_CASE("sync: a rotated root with a new catalog key is followed, and the old key signs nothing more") {
    SyncFixture f;
    f.publish();
    REQUIRE(f.sync().ok);
    const core::SecretKey newCatalogKey = core::SecretKey::generate();
    core::RootMetadata next = f.root;
    next.version = 2;
    next.keys.emplace(newCatalogKey.publicKey().keyId(), newCatalogKey.publicKey());
    next.keys.erase(f.catalogKey.publicKey().keyId());
    next.catalog.keyIds = {newCatalogKey.publicKey().keyId()};
    const std::string nextBytes = core::makeRootDocument(next, {&f.rootKey});
    writeFile(f.out() / "2.root.json", nextBytes);

    SUBCASE("the old key's catalog is refused") {
        f.publish();  // still signed with the old catalog key
        const auto report = f.sync();
        REQUIRE(report.refused.has_value());
        CHECK(*report.refused == core::TrustFailure::BelowThreshold);
        CHECK(report.rootVersion == 2);  // the new root was taken, and it no longer trusts the old key
        CHECK(readFile(f.kiosk.path() / "trusted/hub/root.json") == nextBytes);
    }
    SUBCASE("the new key's catalog is installed") {
        f.catalogKey = newCatalogKey;
        f.root = next;
        f.rootBytes = nextBytes;
        f.publish();
        const auto report = f.sync();
        REQUIRE_MESSAGE(report.ok, report.problem);
        CHECK(report.rootVersion == 2);
        CHECK(f.active()->catalogVersion == 2);
    }
}

TEST_CASE("sync: a download that broke off resumes from where it stopped") {
    SyncFixture f;
    const auto catalog = f.publish({"online-id"});
    const auto& pack = catalog.packs.front();
    const std::string archive = readFile(f.out() / pack.path);
    // What a sync killed halfway leaves behind.
    const auto staging = f.store().stagingFolder();
    writeFile(staging / (pack.id + "-" + pack.version + ".tar.gz.part"), archive.substr(0, archive.size() / 2));
    const auto report = f.sync();
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(report.bytesFetched == static_cast<std::int64_t>(archive.size() - archive.size() / 2));
    CHECK(countOf(f.server.accessLog(" 206", 1), "GET /kiosk/" + pack.path + " 206") == 1);
    CHECK(f.store().isInstalled({pack.id, pack.version}));
}


TEST_CASE("sync: kiosk sync --once installs, kiosk status tells, and the kiosk shows the synced packs") {
    SyncFixture f;
    f.publish();
    const auto config = f.authoring.write("kiosk.toml", "[content]\nfolders = []\n[state]\nfolder = \"" + f.kiosk.path().string() +
                                                            "\"\n[[sync.catalogs]]\nname = \"hub\"\nurl = \"" + f.source.url +
                                                            "\"\nroot = \"root.json\"\n");
    const std::string withConfig = "--config '" + config.string() + "' ";
    std::string output;
    CHECK(runKiosk(withConfig + "sync --once", output, f.authoring.path()) == 0);
    CHECK_MESSAGE(output.find("sync hub: installed online-id 1.0.0") != std::string::npos, output);
    CHECK_MESSAGE(output.find("catalog version 1 is now shown") != std::string::npos, output);

    CHECK(runKiosk(withConfig + "status", output, f.authoring.path()) == 0);
    CHECK_MESSAGE(output.find("shown: catalog version 1, 3 pack(s)") != std::string::npos, output);
    CHECK_MESSAGE(output.find("last success: 20") != std::string::npos, output);

    const auto png = f.authoring.path() / "synced.png";
    CHECK(runKiosk(withConfig + "screenshot --pack online-id --size 640x360 --out '" + png.string() + "'", output, f.authoring.path()) == 0);
    CHECK_MESSAGE(std::filesystem::exists(png), output);

    f.server.stop();
    CHECK(runKiosk(withConfig + "sync --once", output, f.authoring.path()) == 6);
    CHECK_MESSAGE(output.find("still showing catalog version 1") != std::string::npos, output);
    CHECK(runKiosk(withConfig + "status", output, f.authoring.path()) == 6);
    CHECK_MESSAGE(output.find("problem: ") != std::string::npos, output);
    CHECK_MESSAGE(output.find("shown: catalog version 1, 3 pack(s)") != std::string::npos, output);
}

TEST_CASE("sync: kiosk sync --once beside a running kiosk removes no pack version it shows, and a killed kiosk protects nothing") {
    SyncFixture f;
    f.publish({"online-id"});
    REQUIRE(f.sync().ok);
    const std::string stateLine = "[state]\nfolder = \"" + f.kiosk.path().string() + "\"\n";
    const auto config = f.authoring.write("kiosk.toml", "[content]\nfolders = []\n" + stateLine + "[[sync.catalogs]]\nname = \"hub\"\nurl = \"" +
                                                            f.source.url + "\"\nroot = \"root.json\"\n");
    // The running kiosk syncs nothing itself (a server that is not there), so it shows 1.0.0 throughout.
    const auto offline = f.authoring.write("kiosk-offline.toml", "[content]\nfolders = []\n" + stateLine +
                                                                    "[[sync.catalogs]]\nname = \"hub\"\nurl = \"http://127.0.0.1:9/kiosk\"\nroot = \"root.json\"\n");
    const pid_t kiosk = ::fork();
    REQUIRE(kiosk >= 0);
    if (kiosk == 0) {
        ::setenv("SDL_VIDEODRIVER", "dummy", 1);
        const std::string log = (f.authoring.path() / "running-kiosk.txt").string();
        (void)std::freopen(log.c_str(), "w", stdout);
        (void)std::freopen(log.c_str(), "a", stderr);
        ::execl(KIOSK_BIN, KIOSK_BIN, "--config", offline.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Its claim names what it loaded once its content is in place.
    const auto claimed = [&] {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(f.kiosk.path() / "shown", ec)) {
            if (entry.path().extension() == ".json" && readFile(entry.path()).find("\"1.0.0\"") != std::string::npos) return true;
        }
        return false;
    };
    const auto waitUntil = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!claimed() && std::chrono::steady_clock::now() < waitUntil) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE_MESSAGE(claimed(), readFile(f.authoring.path() / "running-kiosk.txt"));

    // Two versions later 1.0.0 is neither active nor previous: only the running kiosk shows it.
    const std::string withConfig = "--config '" + config.string() + "' ";
    std::string output;
    for (const char* version : {"1.1.0", "1.2.0"}) {
        f.editPack("online-id", version);
        f.publish({"online-id"});
        REQUIRE(runKiosk(withConfig + "sync --once", output, f.authoring.path()) == 0);
        CHECK_MESSAGE(output.find("removed online-id 1.0.0") == std::string::npos, output);
    }
    CHECK(f.active()->packs == std::vector<core::PackVersion>{{"online-id", "1.2.0"}});
    CHECK(f.store().isInstalled({"online-id", "1.0.0"}));

    // Killed, the kiosk leaves its claim behind, but its lock went with the process.
    ::kill(kiosk, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(kiosk, &status, 0) == kiosk);
    REQUIRE(runKiosk(withConfig + "sync --once", output, f.authoring.path()) == 0);
    CHECK_MESSAGE(output.find("removed online-id 1.0.0") != std::string::npos, output);
    CHECK_FALSE(f.store().isInstalled({"online-id", "1.0.0"}));
    CHECK(f.store().isInstalled({"online-id", "1.1.0"}));  // previous.json's
    CHECK(std::filesystem::is_empty(f.kiosk.path() / "shown"));
}

TEST_CASE("sync: through the shipped nginx config, with ETags and resumable archives, and nothing else served") {
    std::string config = readFile(std::filesystem::path(KIOSK_SOURCE_DIR) / "deploy/nginx/kiosk-content.conf");
    for (std::string::size_type at; (at = config.find("root /srv/kiosk-content;")) != std::string::npos;) {
        config.replace(at, std::string("root /srv/kiosk-content;").size(), "root {prefix}/www;");
    }
    SyncFixture f(config);
    const auto catalog = f.publish({"online-id"});
    // What an interrupted download leaves: the first half, resumed with Range.
    const std::string archive = readFile(f.out() / catalog.packs.front().path);
    writeFile(f.store().stagingFolder() / ("online-id-" + catalog.packs.front().version + ".tar.gz.part"), archive.substr(0, 1000));
    const auto report = f.sync();
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(report.bytesFetched == static_cast<std::int64_t>(archive.size() - 1000));
    const auto again = f.sync();
    CHECK(again.ok);
    const std::string log = f.server.accessLog("GET /kiosk/index.json 304", 1);
    CHECK(countOf(log, "GET /kiosk/" + catalog.packs.front().path + " 206") == 1);
    CHECK(countOf(log, "GET /kiosk/2.root.json 404") == 2);
    // The publisher's half-written files are not served.
    writeFile(f.out() / "packs" / ".incoming.tar.gz", "x");
    net::CurlTransport transport;
    const auto hidden = transport.get({f.server.url("/kiosk/packs/.incoming.tar.gz"), 4096, {}, 0}, [](std::string_view) { return true; });
    REQUIRE(hidden.ok());
    CHECK(hidden.value().status == 404);
}

TEST_CASE("sync: the publisher's tools end to end: keygen, publish, rotate the catalog key, publish again, and the old key is refused") {
    SyncFixture f;
    const auto keys = f.authoring.path() / "keys";
    const auto www = f.out();
    std::string output;
    REQUIRE(runKiosk("catalog keygen --out '" + keys.string() + "'", output, f.authoring.path()) == 0);
    const std::string publishWith = "catalog publish --out '" + www.string() + "' '" + (f.authoring.path() / "online-id").string() + "' ";
    REQUIRE_MESSAGE(runKiosk(publishWith + "--key '" + (keys / "catalog.key").string() + "' --root '" + (keys / "root.json").string() + "'", output,
                             f.authoring.path()) == 0,
                    output);
    const auto config = f.authoring.write("kiosk.toml", "[content]\nfolders = []\n[state]\nfolder = \"" + f.kiosk.path().string() +
                                                            "\"\n[[sync.catalogs]]\nname = \"hub\"\nurl = \"" + f.source.url + "\"\nroot = \"" +
                                                            (keys / "root.json").string() + "\"\n");
    const std::string kiosk = "--config '" + config.string() + "' ";
    REQUIRE_MESSAGE(runKiosk(kiosk + "sync --once", output, f.authoring.path()) == 0, output);
    // The kiosk keeps its own copy of root v1 from now on; the keys folder moves on to v2.
    REQUIRE_MESSAGE(runKiosk("catalog rotate --root '" + (keys / "root.json").string() + "' --root-key '" + (keys / "root.key").string() +
                                 "' --new-catalog-key",
                             output, f.authoring.path()) == 0,
                    output);
    CHECK(std::filesystem::exists(keys / "1.root.json"));
    CHECK(std::filesystem::exists(keys / "2.root.json"));
    REQUIRE_MESSAGE(runKiosk(publishWith + "--key '" + (keys / "catalog-v2.key").string() + "' --root '" + (keys / "root.json").string() + "'",
                             output, f.authoring.path()) == 0,
                    output);
    CHECK(std::filesystem::exists(www / "2.root.json"));
    CHECK_MESSAGE(runKiosk(kiosk + "sync --once", output, f.authoring.path()) == 0, output);
    CHECK_MESSAGE(output.find("catalog version 2 is now shown") != std::string::npos, output);

    // Whoever still has the old catalog key cannot publish for these kiosks any more.
    writeFile(keys / "old-root.json", readFile(keys / "1.root.json"));
    REQUIRE(runKiosk(publishWith + "--key '" + (keys / "catalog.key").string() + "' --root '" + (keys / "old-root.json").string() + "'", output,
                     f.authoring.path()) == 0);
    markChanged(www / "index.json");
    CHECK(runKiosk(kiosk + "sync --once", output, f.authoring.path()) == 7);
    CHECK_MESSAGE(output.find("signatures below threshold") != std::string::npos, output);
    CHECK_MESSAGE(output.find("still showing catalog version 2") != std::string::npos, output);
}
