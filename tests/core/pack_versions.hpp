// The packs a catalog names, as the content store lists a shown set: what the sync and install
// tests compare the shown set with.
#pragma once

#include <vector>

#include "core/sync/content_store.hpp"
#include "core/trust/catalog_metadata.hpp"

namespace kiosk::test {

inline std::vector<core::PackVersion> setOf(const core::CatalogMetadata& catalog) {
    std::vector<core::PackVersion> packs;
    for (const auto& p : catalog.packs) packs.push_back({p.id, p.version});
    return packs;
}

}  // namespace kiosk::test
