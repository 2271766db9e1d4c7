// The publisher's side of the sync: packs in, a folder any static web server can serve out:
//   index.json                      the signed catalog (replaced last, atomically)
//   root.json, <N>.root.json        the root in force, and each version for kiosks catching up
//   packs/<id>-<version>.tar.gz     one archive per pack version, never changed once written
// Archives of earlier versions stay, so a kiosk in the middle of a sync can still finish it.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/trust/catalog_metadata.hpp"

namespace kiosk::core {

struct PublishRequest {
    std::vector<std::filesystem::path> packFolders;  // each a pack (see packFoldersIn)
    const SecretKey* key = nullptr;                  // a catalog key of `root`
    std::string rootBytes;                           // root.json as the kiosks get it
    RootMetadata root;                               // its verified contents
    // Earlier roots (version → root.json), published too: a kiosk still trusting version 1
    // steps through 2.root.json, 3.root.json … to the one in force.
    std::map<std::int64_t, std::string> earlierRoots;
    std::filesystem::path out;
    std::int64_t version = 0;                        // 0: the published version + 1
    WallTime now;
    std::chrono::hours validFor{24 * 30};
};

// Error codes: InvalidValue for a pack or version problem (the message names the pack.toml),
// WriteFailed when the folder cannot be written, Forbidden for a key that is not the root's.
Result<CatalogMetadata> publishCatalog(const PublishRequest& request);

// The pack folders `path` names: itself if it holds a pack.toml, else its sub-folders that do.
std::vector<std::filesystem::path> packFoldersIn(const std::filesystem::path& path);

}  // namespace kiosk::core
