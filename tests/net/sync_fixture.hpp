// The sync tests' common ground: a real nginx serving a folder `catalog publish` wrote, sample
// packs the tests may change, a kiosk state folder, and ways to look at all three.
#pragma once

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <doctest/doctest.h>

#include "core/pack/pack_library.hpp"
#include "core/sync/catalog_publisher.hpp"
#include "core/sync/catalog_sync.hpp"
#include "core/util/sha256.hpp"
#include "net/curl_transport.hpp"
#include "../core/trust_keys.hpp"
#include "nginx_server.hpp"

namespace kiosk::test {

inline const char* const kSampleContent = KIOSK_SOURCE_DIR "/content";

// nginx's ETag is the file's mtime (in seconds) and size: a file rewritten within the same
// second at the same size would look unchanged. Every write here moves the mtime on a second.
inline void markChanged(const std::filesystem::path& file) {
    static int bump = 0;  // one counter for the test program: inline
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() + std::chrono::seconds(++bump));
}

inline void writeFile(const std::filesystem::path& file, const std::string& bytes) {
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    markChanged(file);
}

// Every file under `folder` but staging/, with its sha256: what a refusal must leave unchanged.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        const std::string relative = std::filesystem::relative(entry.path(), folder).string();
        if (relative.rfind("staging", 0) == 0 || !entry.is_regular_file()) continue;
        files[relative] = core::fileSha256(entry.path()).value_or("?");
    }
    return files;
}

inline int countOf(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct SyncFixture : TrustKeys {
    NginxServer server;
    TempDir authoring;  // the publisher's packs, copied from the samples so tests can change them
    TempDir kiosk;      // the kiosk's state folder
    core::CatalogSource source;
    std::int64_t published = 0;

    // `locations`: how nginx serves the published folder /kiosk/ (plainly, unless a test slows it).
    explicit SyncFixture(const std::string& locations = "location /kiosk/ { }") : server(locations) {
        for (const char* id : {"online-id", "e-prescription", "innovationshub"}) {
            std::filesystem::copy(std::filesystem::path(kSampleContent) / id, authoring.path() / id, std::filesystem::copy_options::recursive);
        }
        source.name = "hub";
        source.url = server.url("/kiosk");
        source.initialRoot = authoring.write("root.json", rootBytes);
    }

    std::filesystem::path out() const { return server.root() / "kiosk"; }

    core::CatalogMetadata publish(std::vector<std::string> ids = {"e-prescription", "innovationshub", "online-id"}) {
        core::PublishRequest request;
        for (const auto& id : ids) request.packFolders.push_back(authoring.path() / id);
        request.key = &catalogKey;
        request.rootBytes = rootBytes;
        request.root = root;
        request.out = out();
        request.now = core::SystemWallClock().now();
        auto catalog = core::publishCatalog(request);
        REQUIRE_MESSAGE(catalog.ok(), catalog.error().describe());
        markChanged(out() / "index.json");
        published = catalog.value().version;
        return catalog.value();
    }

    core::CatalogSyncReport sync() {
        net::CurlTransport transport;
        return core::syncCatalog(source, core::ContentStore(kiosk.path()), transport, core::SystemWallClock().now());
    }

    core::ContentStore store() const { return core::ContentStore(kiosk.path()); }
    std::optional<core::ActiveSet> active() const { return store().activeSet("hub"); }

    // A pack's text changed and its version raised, as an author would.
    void editPack(const std::string& id, const std::string& newVersion) {
        const auto manifest = authoring.path() / id / "pack.toml";
        std::string text = readFile(manifest);
        const auto at = text.find("version = \"");
        REQUIRE(at != std::string::npos);
        text.replace(at, text.find('"', at + 11) - at + 1, "version = \"" + newVersion + "\"");
        writeFile(manifest, text);
        const auto tile = authoring.path() / id / "images" / "tile.svg";
        std::string svg = readFile(tile);
        svg.insert(svg.rfind("</svg>"), "<!-- redrawn -->");
        writeFile(tile, svg);
    }

    // Every refusal: the report says so, and nothing but staging/ changed.
    void expectUnchanged(const std::map<std::string, std::string>& before) const { CHECK(snapshot(kiosk.path()) == before); }
};


// Runs the kiosk binary; returns its exit code and puts stdout and stderr into `output`.
inline int runKiosk(const std::string& arguments, std::string& output, const std::filesystem::path& scratch) {
    const std::filesystem::path log = scratch / "kiosk-output.txt";
    const std::string command = "SDL_VIDEODRIVER=dummy '" KIOSK_BIN "' " + arguments + " >'" + log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    output = readFile(log);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}


}  // namespace kiosk::test
