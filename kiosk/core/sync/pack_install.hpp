// Fetching one pack archive the catalog names and installing it as packs/<id>/<version>/: the
// bytes are checked against the catalog's length and sha256 while they stream, again through
// the descriptor the extraction then reads, and the extracted folder must load as a pack before
// one rename makes it visible. A broken download resumes where it stopped (Range).
#pragma once

#include <cstdint>
#include <string>

#include "core/sync/content_store.hpp"
#include "core/sync/transport.hpp"
#include "core/trust/catalog_metadata.hpp"

namespace kiosk::core {

// Nothing a kiosk shows needs more; a signed catalog asking for more is a mistake or an attack.
inline constexpr std::int64_t kMaxPackArchiveBytes = 512 * 1024 * 1024;

struct InstallOutcome {
    std::int64_t bytesFetched = 0;  // over the network, this time
};

// `baseUrl` ends with '/'. An Error says what failed for which pack; what was downloaded of an
// archive that broke off stays in staging/ for the next attempt, everything else is removed.
Result<InstallOutcome> installPack(const CatalogPack& pack, const std::string& baseUrl, const ContentStore& store, Transport& transport);

}  // namespace kiosk::core
