// The envelope every piece of signed metadata comes in:
//   {"signed": {...the metadata...}, "signatures": [{"keyid": "...", "sig": "..."}]}
// A signature covers the canonical form of "signed": nlohmann-json's compact dump, whose object
// keys are sorted, so the publisher and every kiosk produce the same bytes from the same values.
// Internal to core/trust (it exposes nlohmann-json, which the rest of the kiosk does not see).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/trust/ed25519_keys.hpp"
#include "core/trust/trust_error.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

struct SignedDocument {
    nlohmann::json body;     // "signed"
    std::string canonical;   // what the signatures cover
    std::map<std::string, std::string> signatures;  // key id → signature hex; a key signs once
};

// `maxBytes` is checked before the parser sees a byte; nesting deeper than metadata ever needs is
// refused while parsing. `type` must be the body's "type".
Result<SignedDocument, TrustError> parseSignedDocument(std::string_view bytes, std::size_t maxBytes, std::string_view type);

// How many of `keyIds` (the role's keys, looked up in `keys`) made a valid signature. A key
// listed twice, or a signature repeated, counts once.
int validSignatures(const SignedDocument& document, const std::vector<std::string>& keyIds, const std::map<std::string, PublicKey>& keys);

// The envelope for `body`, signed by each of `signers`, indented for people who read it.
std::string makeSignedDocument(const nlohmann::json& body, const std::vector<const SecretKey*>& signers);

}  // namespace kiosk::core
