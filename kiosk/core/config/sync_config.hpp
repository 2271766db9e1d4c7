// [sync]: the catalogs a kiosk follows (DESIGN.md §5). Without any, nothing is fetched and the
// kiosk shows its content folders only.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::core {

class TableReader;

struct CatalogSource {
    std::string name;                  // an id: the folder of its trusted state, and its name in the status
    std::string url;                   // the published folder: <url>/index.json, <url>/packs/…
    std::filesystem::path initialRoot;  // the root.json the operator brought; later roots come signed from the server
    std::string pinnedPublicKey;        // optional "sha256//…" of the server's TLS key
    std::filesystem::path caFile;       // optional: the hub's own certificate authority (PEM) instead of the system's
};

struct SyncConfig {
    std::vector<CatalogSource> catalogs;  // in order of precedence: a pack id in two catalogs comes from the first
    std::chrono::minutes interval{15};     // between syncs of the running kiosk, with jitter
    std::filesystem::path importFolder;    // optional: packs and catalogs found here are imported (USB sticks)
};

// The catalogs' names, in order of precedence.
std::vector<std::string> catalogNames(const SyncConfig& sync);

// Reads [sync] and its [[sync.catalogs]] into `sync`; relative paths against `base`.
void readSyncConfig(const TableReader& root, const std::filesystem::path& base, SyncConfig& sync);

}  // namespace kiosk::core
