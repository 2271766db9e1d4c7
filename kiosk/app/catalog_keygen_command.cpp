// `kiosk catalog keygen`: the first step of running a central server. The root key is the one
// that can replace every other; it is meant to leave this machine right after (a USB stick in a
// safe), while the catalog key stays where `kiosk catalog publish` runs.
#include <cstdio>
#include <filesystem>

#include "app/catalog_commands.hpp"
#include "app/exit_codes.hpp"
#include "core/trust/root_metadata.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/clock.hpp"

namespace kiosk::app {

int catalogKeygenCommand(const CatalogOptions& options) {
    const std::filesystem::path& out = options.out;
    for (const char* name : {"root.key", "catalog.key", "root.json"}) {
        std::error_code ec;
        if (std::filesystem::exists(out / name, ec)) {
            std::fprintf(stderr, "catalog keygen: %s exists already; keys are never overwritten (a lost key cannot be made again). "
                                 "Choose a new folder with --out\n", (out / name).c_str());
            return kExitUsage;
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
        std::fprintf(stderr, "catalog keygen: cannot create %s: %s\n", out.c_str(), ec.message().c_str());
        return kExitFailure;
    }
    const core::SecretKey rootKey = core::SecretKey::generate();
    const core::SecretKey catalogKey = core::SecretKey::generate();
    core::RootMetadata root;
    root.version = 1;
    root.expires = core::SystemWallClock().now() + std::chrono::hours(24) * (options.expiresDays > 0 ? options.expiresDays : 730);
    for (const core::SecretKey* key : {&rootKey, &catalogKey}) root.keys.emplace(key->publicKey().keyId(), key->publicKey());
    root.root.keyIds = {rootKey.publicKey().keyId()};
    root.catalog.keyIds = {catalogKey.publicKey().keyId()};

    for (const auto& [key, name] : {std::pair{&rootKey, "root"}, std::pair{&catalogKey, "catalog"}}) {
        if (const std::string error = core::writeKeyPair(*key, out, name); !error.empty()) {
            std::fprintf(stderr, "catalog keygen: %s\n", error.c_str());
            return kExitFailure;
        }
    }
    if (const std::string error = core::writeFileAtomically(out / "root.json", core::makeRootDocument(root, {&rootKey})); !error.empty()) {
        std::fprintf(stderr, "catalog keygen: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("wrote %s: root.key, root.pub, catalog.key, catalog.pub and root.json (version 1)\n"
                "  catalog.key signs every publication: keep it on the publishing machine only (kiosk catalog publish --key).\n"
                "  root.key can replace all keys: copy it to an offline medium, keep that in a safe, and delete it here.\n"
                "  root.json goes to every kiosk (config [sync]) and into the published folder.\n",
                out.c_str());
    return kExitOk;
}

}  // namespace kiosk::app
