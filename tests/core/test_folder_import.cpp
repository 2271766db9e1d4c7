// Content from a USB stick: a published folder imported through exactly the sync's checks.
#include <doctest/doctest.h>

#include <fstream>

#include "core/sync/catalog_publisher.hpp"
#include "core/sync/folder_import.hpp"
#include "core/sync/folder_transport.hpp"
#include "core/util/sha256.hpp"
#include "temp_dir.hpp"
#include "trust_keys.hpp"

using namespace kiosk;

namespace {

struct Publisher : test::TrustKeys {
    core::CatalogMetadata publish(const std::filesystem::path& out, std::int64_t version = 0) {
        core::PublishRequest request;
        request.packFolders = {KIOSK_SOURCE_DIR "/content/online-id"};
        request.key = &catalogKey;
        request.rootBytes = rootBytes;
        request.root = root;
        request.out = out;
        request.version = version;
        request.now = core::SystemWallClock().now();
        auto catalog = core::publishCatalog(request);
        REQUIRE_MESSAGE(catalog.ok(), catalog.error().describe());
        return catalog.value();
    }
    core::CatalogSource source(const test::TempDir& dir, const std::string& name) const {
        return core::CatalogSource{name, "https://unused.example/", dir.write(name + "-root.json", rootBytes), {}, {}};
    }
};

}  // namespace

TEST_CASE("import: a stick published for one of the kiosk's catalogs is installed and shown under that catalog") {
    test::TempDir stick, state, trust;
    Publisher hub, partner;
    partner.publish(stick.path() / "partner-content");
    const std::vector<core::CatalogSource> catalogs{hub.source(trust, "hub"), partner.source(trust, "partner")};
    REQUIRE(core::publishedFoldersIn(stick.path()).size() == 1);
    const core::ContentStore store(state.path());
    const auto report = core::importPublishedFolder(core::publishedFoldersIn(stick.path()).front(), catalogs, store, core::SystemWallClock().now());
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(report.catalog == "partner");
    CHECK(report.activated);
    CHECK(store.activeSet("partner").has_value());
    CHECK_FALSE(store.activeSet("hub").has_value());
    CHECK(store.isInstalled({"online-id", "1.0.0"}));
}

TEST_CASE("import: a stick signed by nobody the kiosk follows, or older than what it has, is refused and nothing changes") {
    test::TempDir stick, state, trust;
    Publisher hub, stranger;
    const std::vector<core::CatalogSource> catalogs{hub.source(trust, "hub")};
    const core::ContentStore store(state.path());
    SUBCASE("a stranger's keys") {
        stranger.publish(stick.path());
        const auto report = core::importPublishedFolder(stick.path(), catalogs, store, core::SystemWallClock().now());
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("not signed for any catalog this kiosk follows") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(state.path() / "packs"));
    }
    SUBCASE("an older catalog than the one installed") {
        hub.publish(stick.path() / "old");
        hub.publish(stick.path() / "new", 5);
        REQUIRE(core::importPublishedFolder(stick.path() / "new", catalogs, store, core::SystemWallClock().now()).ok);
        const auto report = core::importPublishedFolder(stick.path() / "old", catalogs, store, core::SystemWallClock().now());
        CHECK_FALSE(report.ok);
        REQUIRE(report.refused.has_value());
        CHECK(*report.refused == core::TrustFailure::Rollback);
        CHECK(report.problem.find((stick.path() / "old").string()) != std::string::npos);
        CHECK(store.activeSet("hub")->catalogVersion == 5);
    }
    SUBCASE("a pack on the stick that is not the signed one") {
        const auto catalog = hub.publish(stick.path());
        const auto archive = stick.path() / catalog.packs.front().path;
        std::string bytes;
        {
            std::ifstream in(archive, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        bytes[bytes.size() / 3] ^= 1;
        std::ofstream(archive, std::ios::binary | std::ios::trunc) << bytes;
        const auto report = core::importPublishedFolder(stick.path(), catalogs, store, core::SystemWallClock().now());
        CHECK_FALSE(report.ok);
        CHECK(report.problem.find("not the one the catalog signed") != std::string::npos);
        CHECK_FALSE(store.activeSet("hub").has_value());
    }
}

TEST_CASE("import: the folder transport serves only the names a sync asks for, inside the folder") {
    test::TempDir stick, outside;
    stick.write("index.json", "{}");
    outside.write("secret.json", "{}");
    std::filesystem::create_directory_symlink(outside.path(), stick.path() / "packs");
    core::FolderTransport transport(stick.path());
    const auto fetch = [&](const std::string& path) {
        auto response = transport.get({core::kImportUrl + path, 1024, {}, 0}, [](std::string_view) { return true; });
        REQUIRE(response.ok());
        return response.value().status;
    };
    CHECK(fetch("index.json") == 200);
    CHECK(fetch("../" + outside.path().filename().string() + "/secret.json") == 404);
    CHECK(fetch("/etc/passwd") == 404);
    CHECK(fetch("packs/secret.json") == 404);  // through a folder link out of the stick
    std::filesystem::create_symlink(outside.path() / "secret.json", stick.path() / "linked.json");
    CHECK(fetch("linked.json") == 404);
}

TEST_CASE("sync store: a pack id two catalogs both show comes from the first, and the other is named, not silently dropped") {
    test::TempDir state;
    const core::ContentStore store(state.path());
    for (const auto& [id, version] : {std::pair{"online-id", "1.0.0"}, std::pair{"online-id", "2.0.0"}, std::pair{"library", "1.0.0"}}) {
        state.write(std::filesystem::path("packs") / id / version / "pack.toml", "id = \"x\"\n");
    }
    REQUIRE(store.activate("hub", {3, {{"online-id", "1.0.0"}}}).empty());
    REQUIRE(store.activate("partner", {7, {{"online-id", "2.0.0"}, {"library", "1.0.0"}}}).empty());
    std::vector<std::string> collisions;
    const auto folders = store.activePackFolders({"hub", "partner"}, &collisions);
    REQUIRE(folders.size() == 2);
    CHECK(folders[0] == store.packFolder({"online-id", "1.0.0"}));
    CHECK(folders[1] == store.packFolder({"library", "1.0.0"}));
    REQUIRE(collisions.size() == 1);
    CHECK(collisions[0] == "pack 'online-id' of catalog 'partner' is hidden by the one of 'hub'");
    // Both stay installed: each is in an active set.
    CHECK(store.removeUnused({"hub", "partner"}).empty());
    // A pack no set names any more goes; one only the previous set names stays for a rollback.
    REQUIRE(store.activate("hub", {4, {{"library", "1.0.0"}}}).empty());
    state.write("packs/old/0.9.0/pack.toml", "id = \"old\"\n");
    const auto removed = store.removeUnused({"hub", "partner"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"old", "0.9.0"});
    CHECK(store.isInstalled({"online-id", "1.0.0"}));  // hub's previous set
    CHECK(store.activate("hub", {5, {{"missing", "1.0.0"}}}).find("not installed") != std::string::npos);
    CHECK(store.activeSet("hub")->catalogVersion == 4);
}

TEST_CASE("sync store: while a set file is there but cannot be read, the clean-up removes nothing") {
    test::TempDir state;
    const core::ContentStore store(state.path());
    for (const char* version : {"1.0.0", "2.0.0"}) state.write(std::filesystem::path("packs/online-id") / version / "pack.toml", "id = \"x\"\n");
    REQUIRE(store.activate("hub", {1, {{"online-id", "1.0.0"}}}).empty());
    REQUIRE(store.activate("hub", {2, {{"online-id", "2.0.0"}}}).empty());
    state.write("packs/old/0.9.0/pack.toml", "id = \"old\"\n");
    // As a failed read or a failed allocation leaves it to the reader: not a set.
    const std::string active = [&] {
        std::ifstream in(state.path() / "trusted/hub/active.json");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    state.write("trusted/hub/active.json", active.substr(0, active.size() / 2));
    CHECK(store.removeUnused({"hub"}).empty());
    CHECK(store.isInstalled({"online-id", "2.0.0"}));  // the shown set: deleted before the fix
    CHECK(store.isInstalled({"old", "0.9.0"}));
    state.write("trusted/hub/active.json", active);
    const auto removed = store.removeUnused({"hub"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"old", "0.9.0"});
}

TEST_CASE("sync store: a restart keeps a broken-off download for the resume and clears half an extraction") {
    test::TempDir state;
    const core::ContentStore store(state.path());
    const auto staging = store.stagingFolder();
    state.write("staging/online-id-1.0.0.tar.gz.part", "the first half");
    state.write("staging/online-id-1.0.0.unpacked/pages/start.toml", "x");
    state.write("staging/old-1.0.0.tar.gz.part", "a week ago");
    std::filesystem::last_write_time(staging / "old-1.0.0.tar.gz.part", std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 8));
    store.clearStaging();
    CHECK(std::filesystem::exists(staging / "online-id-1.0.0.tar.gz.part"));
    CHECK_FALSE(std::filesystem::exists(staging / "online-id-1.0.0.unpacked"));
    CHECK_FALSE(std::filesystem::exists(staging / "old-1.0.0.tar.gz.part"));
}
