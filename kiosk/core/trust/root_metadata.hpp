// root.json: which keys may sign a catalog, and which may sign the next root. The first root
// reaches a kiosk by hand (its config names the file); every later one must be signed by a
// threshold of the old root's keys and of its own, so a stolen catalog key can be replaced and
// a stolen root key needs company.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/trust/ed25519_keys.hpp"
#include "core/trust/trust_error.hpp"
#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

inline constexpr std::size_t kMaxRootBytes = 512 * 1024;
// A kiosk offline for years may have this many rotations to catch up on; more is an attack.
inline constexpr int kMaxRootRotations = 32;

struct RoleKeys {
    std::vector<std::string> keyIds;
    int threshold = 1;
};

struct RootMetadata {
    std::int64_t version = 1;
    WallTime expires;
    std::map<std::string, PublicKey> keys;  // key id → key
    RoleKeys root;
    RoleKeys catalog;
};

// The root a kiosk starts from: checked against its own keys (it vouches for itself; that is why
// it must come from the operator, never from the network).
Result<RootMetadata, TrustError> verifyInitialRoot(std::string_view bytes);

// The next root after `trusted`: version + 1, a threshold of the trusted root keys and of its own.
Result<RootMetadata, TrustError> verifyNextRoot(std::string_view bytes, const RootMetadata& trusted);

// A signed root.json for `root`, by `signers`.
std::string makeRootDocument(const RootMetadata& root, const std::vector<const SecretKey*>& signers);

}  // namespace kiosk::core
