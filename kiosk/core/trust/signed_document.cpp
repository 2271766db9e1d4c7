#include "core/trust/signed_document.hpp"

#include <set>

#include "core/util/json_scan.hpp"

namespace kiosk::core {
namespace {

// Root and catalog are three levels deep; nothing legitimate comes close to this.
constexpr int kMaxDepth = 8;

TrustError malformed(std::string message) { return TrustError{TrustFailure::Malformed, std::move(message)}; }

}  // namespace

Result<SignedDocument, TrustError> parseSignedDocument(std::string_view bytes, std::size_t maxBytes, std::string_view type) {
    if (bytes.size() > maxBytes) {
        return TrustError{TrustFailure::TooLarge, "the " + std::string(type) + " is " + std::to_string(bytes.size()) + " bytes, more than the " +
                                                      std::to_string(maxBytes) + " a " + std::string(type) + " may have"};
    }
    // Counted on the raw bytes: through a parser callback, nlohmann-json searches the enclosing
    // array after every object it closes, quadratic in the objects of one array (a 1 MiB catalog of
    // 350,000 empty signatures took half a minute of CPU before any signature was checked: found by
    // tests/fuzz, regression in tests/fuzz/regressions/catalog).
    if (jsonNestedDeeperThan(bytes, kMaxDepth)) return malformed("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    nlohmann::json document = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) return malformed("not a JSON object");
    if (!document.contains("signed") || !document["signed"].is_object()) return malformed("no \"signed\" object");
    if (!document.contains("signatures") || !document["signatures"].is_array()) return malformed("no \"signatures\" list");

    SignedDocument out;
    out.body = std::move(document["signed"]);
    const auto* actual = out.body.contains("type") && out.body["type"].is_string() ? out.body["type"].get_ptr<const std::string*>() : nullptr;
    if (!actual) return malformed("the signed part has no \"type\"");
    if (*actual != type) return TrustError{TrustFailure::WrongType, "a \"" + *actual + "\" where a \"" + std::string(type) + "\" was expected"};
    out.canonical = out.body.dump();
    for (const auto& signature : document["signatures"]) {
        if (!signature.is_object() || !signature.contains("keyid") || !signature["keyid"].is_string() || !signature.contains("sig") ||
            !signature["sig"].is_string()) {
            return malformed("a signature without \"keyid\" and \"sig\"");
        }
        // The first signature of a key is the one that counts; more cannot add to the threshold.
        out.signatures.emplace(signature["keyid"].get<std::string>(), signature["sig"].get<std::string>());
    }
    return out;
}

int validSignatures(const SignedDocument& document, const std::vector<std::string>& keyIds, const std::map<std::string, PublicKey>& keys) {
    const std::set<std::string> distinct(keyIds.begin(), keyIds.end());
    int valid = 0;
    for (const std::string& id : distinct) {
        const auto key = keys.find(id);
        const auto signature = document.signatures.find(id);
        if (key != keys.end() && signature != document.signatures.end() && verifySignature(key->second, document.canonical, signature->second)) {
            ++valid;
        }
    }
    return valid;
}

std::string makeSignedDocument(const nlohmann::json& body, const std::vector<const SecretKey*>& signers) {
    const std::string canonical = body.dump();
    nlohmann::json signatures = nlohmann::json::array();
    for (const SecretKey* key : signers) signatures.push_back({{"keyid", key->publicKey().keyId()}, {"sig", key->sign(canonical)}});
    return nlohmann::json{{"signed", body}, {"signatures", signatures}}.dump(2) + "\n";
}

}  // namespace kiosk::core
