// `kiosk catalog rotate`: the next root.json, for when a key is lost, stolen or just old. The
// trusted root key signs it (kiosks accept it only then), and a new root key too when that one is
// replaced. Kiosks fetch it as <N>.root.json before the next catalog, so the folder keeps the
// whole chain: a kiosk offline for several rotations catches up one version at a time.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/catalog_commands.hpp"
#include "app/exit_codes.hpp"
#include "core/trust/root_metadata.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/clock.hpp"

namespace kiosk::app {
namespace {

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void replaceRole(core::RootMetadata& root, core::RoleKeys& role, const core::SecretKey& key) {
    for (const auto& id : role.keyIds) {
        const bool usedElsewhere = (&role != &root.root && std::count(root.root.keyIds.begin(), root.root.keyIds.end(), id)) ||
                                   (&role != &root.catalog && std::count(root.catalog.keyIds.begin(), root.catalog.keyIds.end(), id));
        if (!usedElsewhere) root.keys.erase(id);
    }
    root.keys.emplace(key.publicKey().keyId(), key.publicKey());
    role = core::RoleKeys{{key.publicKey().keyId()}, 1};
}

}  // namespace

int catalogRotateCommand(const CatalogOptions& options) {
    const std::string currentBytes = readAll(options.root);
    auto current = core::verifyInitialRoot(currentBytes);
    if (!current) {
        std::fprintf(stderr, "catalog rotate: %s: %s\n", options.root.c_str(), current.error().message.c_str());
        return kExitConfig;
    }
    auto rootKey = core::readSecretKey(options.key);
    if (!rootKey) {
        std::fprintf(stderr, "catalog rotate: %s\n", rootKey.error().describe().c_str());
        return kExitConfig;
    }
    const auto& rootIds = current.value().root.keyIds;
    if (std::find(rootIds.begin(), rootIds.end(), rootKey.value().publicKey().keyId()) == rootIds.end()) {
        std::fprintf(stderr, "catalog rotate: %s is not a root key of %s: kiosks would refuse the new root. Use root.key from the safe\n",
                     options.key.c_str(), options.root.c_str());
        return kExitConfig;
    }
    if (!options.newCatalogKey && !options.newRootKey) {
        std::fprintf(stderr, "catalog rotate: say what to replace: --new-catalog-key, --new-root-key, or both\n");
        return kExitUsage;
    }
    const std::filesystem::path folder = options.root.parent_path().empty() ? std::filesystem::path(".") : options.root.parent_path();
    core::RootMetadata next = current.value();
    next.version += 1;
    next.expires = core::SystemWallClock().now() + std::chrono::hours(24) * (options.expiresDays > 0 ? options.expiresDays : 730);
    std::vector<const core::SecretKey*> signers{&rootKey.value()};
    const core::SecretKey newCatalog = core::SecretKey::generate();
    const core::SecretKey newRoot = core::SecretKey::generate();
    const std::string suffix = "-v" + std::to_string(next.version);
    if (options.newCatalogKey) {
        replaceRole(next, next.catalog, newCatalog);
        if (std::string error = core::writeKeyPair(newCatalog, folder, "catalog" + suffix); !error.empty()) {
            std::fprintf(stderr, "catalog rotate: %s\n", error.c_str());
            return kExitFailure;
        }
    }
    if (options.newRootKey) {
        replaceRole(next, next.root, newRoot);
        signers.push_back(&newRoot);  // the new root must vouch for itself as well
        if (std::string error = core::writeKeyPair(newRoot, folder, "root" + suffix); !error.empty()) {
            std::fprintf(stderr, "catalog rotate: %s\n", error.c_str());
            return kExitFailure;
        }
    }
    const std::string nextBytes = core::makeRootDocument(next, signers);
    // The chain first (every version a kiosk may have to step through), the root in force last.
    for (const auto& [name, bytes] : {std::pair{std::to_string(current.value().version) + ".root.json", currentBytes},
                                      std::pair{std::to_string(next.version) + ".root.json", nextBytes},
                                      std::pair{std::string("root.json"), nextBytes}}) {
        if (std::string error = core::writeFileAtomically(folder / name, bytes); !error.empty()) {
            std::fprintf(stderr, "catalog rotate: %s\n", error.c_str());
            return kExitFailure;
        }
    }
    std::printf("wrote %s: root.json version %lld (also as %lld.root.json)%s%s\n"
                "  publish next with --root %s%s; kiosks take the new root before that catalog.\n",
                folder.c_str(), static_cast<long long>(next.version), static_cast<long long>(next.version),
                options.newCatalogKey ? (", catalog" + suffix + ".key").c_str() : "", options.newRootKey ? (", root" + suffix + ".key").c_str() : "",
                (folder / "root.json").c_str(), options.newCatalogKey ? (" --key " + (folder / ("catalog" + suffix + ".key")).string()).c_str() : "");
    if (options.newRootKey) std::printf("  root%s.key replaces the root key: put it into the safe and delete it here.\n", suffix.c_str());
    return kExitOk;
}

}  // namespace kiosk::app
