// What a kiosk trusts of one catalog, kept in trusted/<catalog>/ and only ever replaced by
// metadata that passed verification (each write atomic, DESIGN.md §3.4):
//   root.json      the newest verified root (the operator's initial one until the first rotation)
//   index.json     the newest verified catalog, as received
//   catalog.json   its version, body hash, the time floor and the server's ETag for it
#pragma once

#include <filesystem>
#include <string>

#include "core/trust/catalog_metadata.hpp"
#include "core/trust/root_metadata.hpp"

namespace kiosk::core {

class TrustStore {
public:
    explicit TrustStore(std::filesystem::path folder) : m_folder(std::move(folder)) {}

    // The trusted root: root.json here, else `initialRoot` (checked against its own keys and
    // copied here). An Error names the file and the failure.
    Result<RootMetadata> loadRoot(const std::filesystem::path& initialRoot);
    // A root verifyNextRoot accepted. When it changed the catalog keys the trusted catalog
    // version starts again from 0: a version inflated with a stolen key must not block the
    // legitimate catalogs that follow the rotation (TUF's fast-forward recovery).
    std::string saveRoot(const std::string& bytes, const RootMetadata& previous, const RootMetadata& next);

    TrustedCatalog trustedCatalog() const;
    std::string trustedCatalogBytes() const;  // empty when none
    std::string etag() const;
    // A catalog verifyCatalog accepted, with the ETag it came with.
    std::string saveCatalog(const std::string& bytes, const CatalogMetadata& catalog, const std::string& etag);

private:
    std::filesystem::path m_folder;
};

}  // namespace kiosk::core
