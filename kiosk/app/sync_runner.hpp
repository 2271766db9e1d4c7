// One sync of every catalog the config follows, over libcurl, with status.json written after:
// what `kiosk sync` and the running kiosk's background sync both do.
#pragma once

#include <atomic>
#include <set>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/sync/catalog_sync.hpp"

namespace kiosk::app {

// `cancel` (may be null), once set, ends the transfer under way within about a second. Afterwards
// the installed versions go that no catalog's active or previous set names, no running kiosk
// claims and `shownHere` (what this process shows) does not name (ContentStore::removeUnused).
std::vector<core::CatalogSyncReport> syncCatalogs(const core::KioskConfig& config, const core::ContentStore& store,
                                                  const std::atomic<bool>* cancel = nullptr, const std::set<core::PackVersion>& shownHere = {});

}  // namespace kiosk::app
