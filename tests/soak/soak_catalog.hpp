// The hub's content server for the soak: a real nginx on 127.0.0.1 (tests/net/nginx_server.hpp)
// serving a catalog signed with keys made for the run, republished on demand with the next
// version of one sample pack, alternately in its two looks, so that every sync downloads,
// verifies and installs a pack and the kiosk switches to it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "../core/trust_keys.hpp"
#include "../net/nginx_server.hpp"
#include "core/config/sync_config.hpp"
#include "core/trust/ed25519_keys.hpp"
#include "core/trust/root_metadata.hpp"

namespace kiosk::soak {

class SoakCatalog {
public:
    // `packs`: sample pack folders the catalog publishes; the first is the one that changes.
    // `folder`: where the publisher's copies and the kiosk's root.json go.
    SoakCatalog(const std::vector<std::filesystem::path>& packs, const std::filesystem::path& folder);

    // What [[sync.catalogs]] would say: this server, the root.json brought by hand.
    const core::CatalogSource& source() const { return m_source; }

    // The changing pack at its next version ("1.0.<n>"), its tile in the other look, in a newly
    // signed catalog. Empty on success, else why not.
    std::string republish();
    int publishedVersions() const { return m_published; }

private:
    test::NginxServer m_server;
    std::filesystem::path m_folder;
    std::vector<std::filesystem::path> m_packFolders;  // the publisher's copies
    std::string m_originalTile;
    test::TrustKeys m_keys;
    core::CatalogSource m_source;
    int m_published = 0;
};

}  // namespace kiosk::soak
