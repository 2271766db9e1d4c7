// One sync of every catalog the config follows, over libcurl, with status.json written after:
// what `kiosk sync` and the running kiosk's background sync both do.
#pragma once

#include <atomic>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/sync/catalog_sync.hpp"

namespace kiosk::app {

// `cancel` (may be null), once set, ends the transfer under way within about a second.
// `removeUnused`: afterwards, delete the installed versions no catalog's active or previous set
// names (the running kiosk passes false while it may still show an older set: BackgroundSync).
std::vector<core::CatalogSyncReport> syncCatalogs(const core::KioskConfig& config, const core::ContentStore& store,
                                                  const std::atomic<bool>* cancel = nullptr, bool removeUnused = true);

}  // namespace kiosk::app
