// A root key and a catalog key with the root metadata that names them, valid for a year, and
// its signed bytes: what every test that publishes signed content starts from.
#pragma once

#include <chrono>
#include <string>

#include "core/sync/catalog_publisher.hpp"
#include "core/trust/ed25519_keys.hpp"
#include "core/util/clock.hpp"

namespace kiosk::test {

struct TrustKeys {
    core::SecretKey rootKey = core::SecretKey::generate();
    core::SecretKey catalogKey = core::SecretKey::generate();
    core::RootMetadata root;
    std::string rootBytes;

    explicit TrustKeys(core::WallTime now = core::SystemWallClock().now()) {
        root.expires = now + std::chrono::hours(24 * 365);
        for (const auto* key : {&rootKey, &catalogKey}) root.keys.emplace(key->publicKey().keyId(), key->publicKey());
        root.root.keyIds = {rootKey.publicKey().keyId()};
        root.catalog.keyIds = {catalogKey.publicKey().keyId()};
        rootBytes = core::makeRootDocument(root, {&rootKey});
    }
};

}  // namespace kiosk::test
