// One sync of one catalog, in TUF's order: newer roots first (each signed by old and new keys),
// then index.json (conditional GET, capped, verified), then every pack it names that is not
// installed, and only when all are there, the switch of the active set. Whatever fails, the
// trusted metadata and the shown packs are the last good ones.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/sync_config.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/transport.hpp"
#include "core/trust/trust_error.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

struct CatalogSyncReport {
    std::string catalog;
    bool ok = false;             // everything the catalog names is installed and active
    bool activated = false;      // this sync switched the active set (the kiosk reloads at a quiet moment)
    std::int64_t activeVersion = 0;
    std::int64_t rootVersion = 0;
    std::vector<std::string> installed;  // "id version" fetched and installed this time
    std::int64_t bytesFetched = 0;
    std::string problem;         // empty when ok: what failed, with the file or pack it concerns
    std::optional<TrustFailure> refused;  // set when metadata was refused as an attack would be
};

CatalogSyncReport syncCatalog(const CatalogSource& source, const ContentStore& store, Transport& transport, WallTime now);

}  // namespace kiosk::core
