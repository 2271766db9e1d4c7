// index.json, the signed catalog: every pack of one published state with its version, archive
// path, length and sha256, so a kiosk fetches exactly those bytes and activates exactly that set
// (no mix-and-match). TUF's timestamp, snapshot and targets in one file (reference notes §1.4).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/trust/root_metadata.hpp"

namespace kiosk::core {

inline constexpr std::size_t kMaxCatalogBytes = 1024 * 1024;

struct CatalogPack {
    std::string id;
    std::string version;
    std::string path;  // relative to the catalog's folder, e.g. "packs/e-prescription-1.2.0.tar.gz"
    std::int64_t length = 0;
    std::string sha256;  // of the archive, hex

    bool operator==(const CatalogPack&) const = default;
};

struct CatalogMetadata {
    std::int64_t version = 1;
    WallTime signedAt;
    WallTime expires;
    std::vector<CatalogPack> packs;
    std::string bodySha256;  // of the signed part: tells an equal version with other contents apart
};

// What a kiosk remembers of the catalog it last accepted (trusted/, atomically written).
struct TrustedCatalog {
    std::int64_t version = 0;   // 0: none yet
    std::string bodySha256;
    // The latest signing time seen: the clock is never believed to be earlier, so a kiosk whose
    // clock fell back to 1970 does not take an expired catalog for a fresh one.
    WallTime timeFloor{};
};

// Every check of the reduced TUF list, in TUF's order: size, shape, the catalog role's threshold,
// no rollback, an equal version only with equal contents, not expired (root nor catalog, by
// max(now, time floor)), strict pack paths, one entry per pack id. An equal version with equal
// contents is accepted: the caller sees nothing new.
Result<CatalogMetadata, TrustError> verifyCatalog(std::string_view bytes, const RootMetadata& root, const TrustedCatalog& trusted, WallTime now);

// `packs/<file>` with lowercase letters, digits, '.', '-' and '_' only, ending in .tar.gz, no
// "..": nothing a kiosk could be tricked into reading or writing elsewhere with.
bool isValidPackPath(std::string_view path);

// A signed index.json for `catalog` by `signers` (bodySha256 is ignored).
std::string makeCatalogDocument(const CatalogMetadata& catalog, const std::vector<const SecretKey*>& signers);

}  // namespace kiosk::core
