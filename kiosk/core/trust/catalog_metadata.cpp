#include "core/trust/catalog_metadata.hpp"

#include <set>

#include "core/trust/signed_document.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/sha256.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

TrustError malformed(std::string message) { return TrustError{TrustFailure::Malformed, "catalog: " + std::move(message)}; }

bool isHexDigest(const std::string& text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

bool isValidVersion(std::string_view version) {
    return !version.empty() && version.size() <= 32 && version.find("..") == std::string_view::npos &&
           version.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+-") == std::string_view::npos;
}

std::optional<WallTime> timeField(const nlohmann::json& body, const char* key) {
    return body.contains(key) && body[key].is_string() ? parseUtc(body[key].get<std::string>()) : std::nullopt;
}

Result<CatalogPack, TrustError> readPack(const nlohmann::json& entry) {
    if (!entry.is_object()) return malformed("a pack entry that is not an object");
    const auto text = [&](const char* key) { return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : std::string(); };
    CatalogPack pack{text("id"), text("version"), text("path"), 0, text("sha256")};
    if (!isValidId(pack.id)) return malformed("a pack id \"" + pack.id + "\" that is not a valid id");
    if (!isValidVersion(pack.version)) return malformed("pack " + pack.id + " has no valid \"version\"");
    if (!isValidPackPath(pack.path)) return TrustError{TrustFailure::BadPath, "catalog: pack " + pack.id + " has the path \"" + pack.path + "\", outside packs/*.tar.gz"};
    if (!entry.contains("length") || !entry["length"].is_number_integer() || entry["length"].get<std::int64_t>() < 1) {
        return malformed("pack " + pack.id + " has no positive whole \"length\"");
    }
    pack.length = entry["length"].get<std::int64_t>();
    if (!isHexDigest(pack.sha256)) return malformed("pack " + pack.id + " has no sha256 of 64 lowercase hex digits");
    return pack;
}

}  // namespace

bool isValidPackPath(std::string_view path) {
    constexpr std::string_view prefix = "packs/";
    constexpr std::string_view suffix = ".tar.gz";
    if (path.size() > 200 || path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
        path.substr(path.size() - suffix.size()) != suffix) {
        return false;
    }
    const std::string_view file = path.substr(prefix.size());
    return file.find("..") == std::string_view::npos && file.front() != '.' &&
           file.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-_") == std::string_view::npos;
}

Result<CatalogMetadata, TrustError> verifyCatalog(std::string_view bytes, const RootMetadata& root, const TrustedCatalog& trusted, WallTime now) {
    auto document = parseSignedDocument(bytes, kMaxCatalogBytes, "catalog");
    if (!document) return document.error();
    const nlohmann::json& body = document.value().body;

    const int valid = validSignatures(document.value(), root.catalog.keyIds, root.keys);
    if (valid < root.catalog.threshold) {
        return TrustError{TrustFailure::BelowThreshold, "catalog: " + std::to_string(valid) + " valid signature(s) by the root's catalog keys, " +
                                                            std::to_string(root.catalog.threshold) + " needed"};
    }

    CatalogMetadata catalog;
    if (!body.contains("version") || !body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 1) {
        return malformed("\"version\" must be a whole number from 1");
    }
    catalog.version = body["version"].get<std::int64_t>();
    catalog.bodySha256 = sha256Hex(document.value().canonical);
    if (catalog.version < trusted.version) {
        return TrustError{TrustFailure::Rollback, "catalog: version " + std::to_string(catalog.version) + " is older than the trusted version " +
                                                      std::to_string(trusted.version)};
    }
    if (catalog.version == trusted.version && catalog.bodySha256 != trusted.bodySha256) {
        return TrustError{TrustFailure::SameVersionChanged, "catalog: version " + std::to_string(catalog.version) +
                                                                " is the trusted one but its contents differ (a new catalog needs a new version)"};
    }

    const auto signedAt = timeField(body, "signed_at");
    const auto expires = timeField(body, "expires");
    if (!signedAt || !expires) return malformed("\"signed_at\" and \"expires\" must be UTC times like 2026-12-01T10:00:00Z");
    catalog.signedAt = *signedAt;
    catalog.expires = *expires;
    const WallTime clock = std::max(now, trusted.timeFloor);
    if (root.expires <= clock) {
        return TrustError{TrustFailure::Expired, "root: expired " + formatUtc(root.expires) + " (it is at least " + formatUtc(clock) +
                                                     "); the publisher must sign a new root"};
    }
    if (catalog.expires <= clock) {
        return TrustError{TrustFailure::Expired, "catalog: expired " + formatUtc(catalog.expires) + " (it is at least " + formatUtc(clock) +
                                                     (clock > now ? ", by the latest signing time seen: is this kiosk's clock wrong?" : "") +
                                                     "); the publisher must publish it again"};
    }

    if (!body.contains("packs") || !body["packs"].is_array()) return malformed("no \"packs\" list");
    std::set<std::string> ids;
    for (const auto& entry : body["packs"]) {
        auto pack = readPack(entry);
        if (!pack) return pack.error();
        if (!ids.insert(pack.value().id).second) {
            return TrustError{TrustFailure::DuplicatePack, "catalog: pack " + pack.value().id + " is listed twice"};
        }
        catalog.packs.push_back(std::move(pack).value());
    }
    return catalog;
}

std::string makeCatalogDocument(const CatalogMetadata& catalog, const std::vector<const SecretKey*>& signers) {
    nlohmann::json packs = nlohmann::json::array();
    for (const CatalogPack& p : catalog.packs) {
        packs.push_back({{"id", p.id}, {"version", p.version}, {"path", p.path}, {"length", p.length}, {"sha256", p.sha256}});
    }
    const nlohmann::json body{{"type", "catalog"},
                              {"version", catalog.version},
                              {"signed_at", formatUtc(catalog.signedAt)},
                              {"expires", formatUtc(catalog.expires)},
                              {"packs", packs}};
    return makeSignedDocument(body, signers);
}

}  // namespace kiosk::core
