// Importing content from a folder (a USB stick at an event without network): a copy of what
// `kiosk catalog publish` wrote. It must be signed for one of the catalogs the kiosk follows and
// passes the same checks as a sync; unsigned packs are never imported.
#pragma once

#include <filesystem>
#include <vector>

#include "core/config/sync_config.hpp"
#include "core/sync/catalog_sync.hpp"

namespace kiosk::core {

// The published folders in `path`: itself if it holds an index.json, else those of its
// sub-folders that do (a stick's folders, a mount point's sticks).
std::vector<std::filesystem::path> publishedFoldersIn(const std::filesystem::path& path);

// Imports the published folder `folder` as the first of `catalogs` whose keys signed it. The
// report's catalog is that one's name; when none did, its problem says so and `refused` is set.
CatalogSyncReport importPublishedFolder(const std::filesystem::path& folder, const std::vector<CatalogSource>& catalogs, const ContentStore& store,
                                        WallTime now);

}  // namespace kiosk::core
