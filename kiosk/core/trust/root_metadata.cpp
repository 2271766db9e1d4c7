#include "core/trust/root_metadata.hpp"

#include <limits>

#include "core/trust/signed_document.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

TrustError malformed(std::string message) { return TrustError{TrustFailure::Malformed, "root: " + std::move(message)}; }

Result<RoleKeys, TrustError> readRole(const nlohmann::json& roles, const char* name, const std::map<std::string, PublicKey>& keys) {
    if (!roles.contains(name) || !roles[name].is_object()) return malformed(std::string("no role \"") + name + "\"");
    const nlohmann::json& role = roles[name];
    RoleKeys out;
    if (!role.contains("keyids") || !role["keyids"].is_array() || !role.contains("threshold") || !role["threshold"].is_number_integer()) {
        return malformed(std::string("role \"") + name + "\" needs \"keyids\" and an integer \"threshold\"");
    }
    for (const auto& id : role["keyids"]) {
        if (!id.is_string() || !keys.count(id.get<std::string>())) return malformed(std::string("role \"") + name + "\" names a key the root does not list");
        out.keyIds.push_back(id.get<std::string>());
    }
    // Read whole: as an int, 4294967297 would be a threshold of 1.
    const auto threshold = role["threshold"].get<std::int64_t>();
    if (threshold < 1 || threshold > static_cast<std::int64_t>(out.keyIds.size())) {
        return malformed(std::string("role \"") + name + "\" has threshold " + std::to_string(threshold) + " with " +
                         std::to_string(out.keyIds.size()) + " key(s)");
    }
    out.threshold = static_cast<int>(threshold);
    return out;
}

Result<std::pair<RootMetadata, SignedDocument>, TrustError> parseRoot(std::string_view bytes) {
    auto document = parseSignedDocument(bytes, kMaxRootBytes, "root");
    if (!document) return document.error();
    const nlohmann::json& body = document.value().body;
    RootMetadata root;
    // The largest version has no next one: the check of a next root would overflow.
    if (!body.contains("version") || !body["version"].is_number_integer() || body["version"].get<std::int64_t>() < 1 ||
        body["version"].get<std::int64_t>() == std::numeric_limits<std::int64_t>::max()) {
        return malformed("\"version\" must be a whole number from 1");
    }
    root.version = body["version"].get<std::int64_t>();
    const auto expires = body.contains("expires") && body["expires"].is_string() ? parseUtc(body["expires"].get<std::string>()) : std::nullopt;
    if (!expires) return malformed("\"expires\" must be a UTC time like 2027-12-01T00:00:00Z");
    root.expires = *expires;
    if (!body.contains("keys") || !body["keys"].is_object()) return malformed("no \"keys\"");
    for (const auto& [id, key] : body["keys"].items()) {
        PublicKey pub;
        // Every member's type is checked before it is read: nlohmann-json's value() throws for
        // "keytype": 5, and a root comes from the network (tests/fuzz/regressions/catalog).
        if (!key.is_object() || !key.contains("keytype") || !key["keytype"].is_string() || key["keytype"].get<std::string>() != "ed25519" ||
            !key.contains("public") || !key["public"].is_string() ||
            !fromHex(key["public"].get<std::string>(), pub.bytes.data(), pub.bytes.size())) {
            return malformed("key " + id + " is not an ed25519 public key");
        }
        // The id must be the key's own: a root cannot give one key two names to count it twice.
        if (pub.keyId() != id) return malformed("key " + id + " is listed under an id that is not its own");
        root.keys.emplace(id, pub);
    }
    if (!body.contains("roles") || !body["roles"].is_object()) return malformed("no \"roles\"");
    auto rootRole = readRole(body["roles"], "root", root.keys);
    if (!rootRole) return rootRole.error();
    auto catalogRole = readRole(body["roles"], "catalog", root.keys);
    if (!catalogRole) return catalogRole.error();
    root.root = rootRole.value();
    root.catalog = catalogRole.value();
    return std::make_pair(std::move(root), std::move(document).value());
}

TrustError belowThreshold(const char* whose, int valid, int needed) {
    return TrustError{TrustFailure::BelowThreshold, std::string("root: ") + std::to_string(valid) + " valid signature(s) by " + whose + " root keys, " +
                                                        std::to_string(needed) + " needed"};
}

}  // namespace

Result<RootMetadata, TrustError> verifyInitialRoot(std::string_view bytes) {
    auto parsed = parseRoot(bytes);
    if (!parsed) return parsed.error();
    auto& [root, document] = parsed.value();
    const int valid = validSignatures(document, root.root.keyIds, root.keys);
    if (valid < root.root.threshold) return belowThreshold("its own", valid, root.root.threshold);
    return std::move(root);
}

Result<RootMetadata, TrustError> verifyNextRoot(std::string_view bytes, const RootMetadata& trusted) {
    auto parsed = parseRoot(bytes);
    if (!parsed) return parsed.error();
    auto& [root, document] = parsed.value();
    if (root.version != trusted.version + 1) {
        return TrustError{TrustFailure::RootChainBroken, "root: version " + std::to_string(root.version) + " cannot follow the trusted version " +
                                                             std::to_string(trusted.version) + " (each root must be the next)"};
    }
    const int byOld = validSignatures(document, trusted.root.keyIds, trusted.keys);
    if (byOld < trusted.root.threshold) return belowThreshold("the trusted", byOld, trusted.root.threshold);
    const int byNew = validSignatures(document, root.root.keyIds, root.keys);
    if (byNew < root.root.threshold) return belowThreshold("its own", byNew, root.root.threshold);
    return std::move(root);
}

std::string makeRootDocument(const RootMetadata& root, const std::vector<const SecretKey*>& signers) {
    nlohmann::json keys = nlohmann::json::object();
    for (const auto& [id, key] : root.keys) keys[id] = {{"keytype", "ed25519"}, {"public", key.hex()}};
    const auto role = [](const RoleKeys& r) { return nlohmann::json{{"keyids", r.keyIds}, {"threshold", r.threshold}}; };
    const nlohmann::json body{{"type", "root"},
                              {"version", root.version},
                              {"expires", formatUtc(root.expires)},
                              {"keys", keys},
                              {"roles", {{"root", role(root.root)}, {"catalog", role(root.catalog)}}}};
    return makeSignedDocument(body, signers);
}

}  // namespace kiosk::core
