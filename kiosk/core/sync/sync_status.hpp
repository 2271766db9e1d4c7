// status.json in the state folder: how each catalog's last sync went, for `kiosk status`, the
// staff screen and an operator's monitoring. Written after every sync, read by anyone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/sync/catalog_sync.hpp"

namespace kiosk::core {

struct CatalogStatus {
    std::string catalog;
    std::optional<WallTime> lastAttempt;
    std::optional<WallTime> lastSuccess;  // kept from before while syncs fail
    std::int64_t activeVersion = 0;
    std::int64_t rootVersion = 0;
    std::vector<PackVersion> shown;        // the active set's packs
    std::string problem;                   // of the last attempt; empty when it succeeded
    bool refused = false;                  // the problem was content that failed verification
};

std::vector<CatalogStatus> readSyncStatus(const std::filesystem::path& stateFolder);

// Merges `reports` of a sync at `now` into status.json. Empty on success, else what failed.
std::string writeSyncStatus(const std::filesystem::path& stateFolder, const std::vector<CatalogSyncReport>& reports, const ContentStore& store,
                            WallTime now);

}  // namespace kiosk::core
