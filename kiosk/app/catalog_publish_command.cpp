// `kiosk catalog publish`: reads the key and root, hands the packs to the publisher
// (core/sync/catalog_publisher.hpp) and says what it published.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/catalog_commands.hpp"
#include "app/exit_codes.hpp"
#include "core/sync/catalog_publisher.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::app {

int catalogPublishCommand(const CatalogOptions& options) {
    auto key = core::readSecretKey(options.key);
    if (!key) {
        std::fprintf(stderr, "catalog publish: %s\n", key.error().describe().c_str());
        return kExitConfig;
    }
    std::ifstream in(options.root, std::ios::binary);
    std::stringstream rootText;
    rootText << in.rdbuf();
    auto root = core::verifyInitialRoot(rootText.str());
    if (!root) {
        std::fprintf(stderr, "catalog publish: %s: %s (%s)\n", options.root.c_str(), root.error().message.c_str(),
                     std::string(core::trustFailureName(root.error().failure)).c_str());
        return kExitConfig;
    }
    core::PublishRequest request;
    for (const auto& path : options.packs) {
        const auto folders = core::packFoldersIn(path);
        if (folders.empty()) std::fprintf(stderr, "catalog publish: %s: warning: no pack.toml in it or in its folders\n", path.c_str());
        request.packFolders.insert(request.packFolders.end(), folders.begin(), folders.end());
    }
    request.key = &key.value();
    request.rootBytes = rootText.str();
    // The chain beside it, as `catalog rotate` leaves it: 1.root.json, 2.root.json …
    for (std::int64_t version = 1; version < root.value().version; ++version) {
        const auto earlier = options.root.parent_path() / (std::to_string(version) + ".root.json");
        std::ifstream file(earlier, std::ios::binary);
        if (!file) {
            std::fprintf(stderr, "catalog publish: %s: warning: missing; kiosks that still trust version %lld cannot follow the rotation\n",
                         earlier.c_str(), static_cast<long long>(version));
            continue;
        }
        std::stringstream bytes;
        bytes << file.rdbuf();
        request.earlierRoots.emplace(version, bytes.str());
    }
    request.root = root.value();
    request.out = options.out;
    request.version = options.version;
    request.now = core::SystemWallClock().now();
    request.validFor = std::chrono::hours(24) * (options.expiresDays > 0 ? options.expiresDays : 30);
    auto published = core::publishCatalog(request);
    if (!published) {
        std::fprintf(stderr, "catalog publish: %s\n", published.error().describe().c_str());
        switch (published.error().code) {
            case core::ErrorCode::WriteFailed: return kExitFailure;
            case core::ErrorCode::Forbidden: return kExitConfig;
            default: return kExitNotFound;
        }
    }
    for (const auto& p : published.value().packs) {
        std::printf("  %-24s %-10s %9lld bytes  %s\n", p.id.c_str(), p.version.c_str(), static_cast<long long>(p.length), p.path.c_str());
    }
    std::printf("published catalog version %lld with %zu pack(s) into %s (kiosks install it until %s)\n",
                static_cast<long long>(published.value().version), published.value().packs.size(), options.out.c_str(),
                core::formatUtc(published.value().expires).c_str());
    return kExitOk;
}

}  // namespace kiosk::app
