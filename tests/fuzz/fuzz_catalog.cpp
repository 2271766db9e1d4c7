// libFuzzer harness: the input is signed metadata as a kiosk fetches it, a root.json or a catalog
// (index.json). Each input goes through every check the sync makes: as a first root (it vouches
// for itself), as the next root after a trusted one, as a catalog of that root for a kiosk that has
// none yet and for one that trusts a later version. The fuzzer cannot forge a signature, so its
// "signed" part is then signed again with the trusted root's key and checked once more: that way
// a mutated body gets past the signatures to every check behind them.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <set>

#include "core/trust/catalog_metadata.hpp"
#include "core/trust/root_metadata.hpp"
#include "core/trust/signed_document.hpp"
#include "core/util/utc_time.hpp"
#include "fuzz_scratch.hpp"

namespace {

using namespace kiosk;

// The trusted root's one key, root and catalog role alike, from a fixed seed: runs must repeat.
// tests/fuzz/make-seeds.py writes root and catalog bodies that name its public half.
constexpr std::string_view kKeySeed = "showroom kiosk fuzzing key seed!";
constexpr std::string_view kPublicKeyHex = "aa49a54c7dfd68beeb7317932f178ba8566548b999de25dd8abf9fe4b7f298d6";

struct Trust {
    core::SecretKey key;
    core::RootMetadata root;
    core::WallTime now;
    core::TrustedCatalog fresh;  // a kiosk that has no catalog yet
    core::TrustedCatalog later;  // one that trusts version 5, last signed in 2030
};

const Trust& trust() {
    static const Trust made = [] {
        static_assert(kKeySeed.size() == crypto_sign_SEEDBYTES);
        if (sodium_init() < 0) fuzz::broken("libsodium cannot start");
        Trust t;
        std::array<unsigned char, core::kPublicKeyBytes> publicKey{};
        crypto_sign_seed_keypair(publicKey.data(), t.key.bytes.data(), reinterpret_cast<const unsigned char*>(kKeySeed.data()));
        if (t.key.publicKey().hex() != kPublicKeyHex) {
            fuzz::broken("the harness key is not the one make-seeds.py names: " + t.key.publicKey().hex());
        }
        core::RootMetadata root;
        root.version = 1;
        root.expires = *core::parseUtc("2099-01-01T00:00:00Z");
        root.keys.emplace(t.key.publicKey().keyId(), t.key.publicKey());
        root.root = core::RoleKeys{{t.key.publicKey().keyId()}, 1};
        root.catalog = core::RoleKeys{{t.key.publicKey().keyId()}, 1};
        auto verified = core::verifyInitialRoot(core::makeRootDocument(root, {&t.key}));
        if (!verified) fuzz::broken("the harness's own root is refused: " + verified.error().message);
        t.root = std::move(verified).value();
        // Before any seed was signed, so what `kiosk catalog publish` signs today has not expired.
        t.now = *core::parseUtc("2025-01-01T00:00:00Z");
        t.later = core::TrustedCatalog{5, std::string(64, 'a'), *core::parseUtc("2030-01-01T00:00:00Z")};
        return t;
    }();
    return made;
}

void checkCatalog(const core::Result<core::CatalogMetadata, core::TrustError>& result, const core::TrustedCatalog& trusted) {
    if (!result) {
        fuzz::require(!result.error().message.empty(), "a catalog refused without a reason");
        return;
    }
    const core::CatalogMetadata& catalog = result.value();
    fuzz::require(catalog.version >= trusted.version && catalog.version >= 1, "a catalog older than the trusted one accepted");
    fuzz::require(catalog.expires > std::max(trust().now, trusted.timeFloor), "an expired catalog accepted");
    fuzz::require(catalog.bodySha256.size() == 64, "a catalog without the sha256 of its body");
    std::set<std::string> ids;
    for (const core::CatalogPack& pack : catalog.packs) {
        fuzz::require(core::isValidPackPath(pack.path), "a pack path outside packs/*.tar.gz accepted");
        fuzz::require(pack.length >= 1 && pack.sha256.size() == 64, "a pack without length or sha256 accepted");
        fuzz::require(ids.insert(pack.id).second, "a pack listed twice accepted");
    }
}

void checkRoot(const core::Result<core::RootMetadata, core::TrustError>& result, std::int64_t expectedVersion) {
    if (!result) {
        fuzz::require(!result.error().message.empty(), "a root refused without a reason");
        return;
    }
    const core::RootMetadata& root = result.value();
    fuzz::require(expectedVersion == 0 || root.version == expectedVersion, "a root accepted out of order");
    for (const core::RoleKeys* role : {&root.root, &root.catalog}) {
        fuzz::require(role->threshold >= 1 && role->threshold <= static_cast<int>(role->keyIds.size()), "a role whose threshold cannot be met");
        for (const std::string& id : role->keyIds) fuzz::require(root.keys.count(id) == 1, "a role naming a key the root does not list");
    }
}

void verifyAll(std::string_view bytes) {
    const Trust& t = trust();
    checkRoot(core::verifyInitialRoot(bytes), 0);
    checkRoot(core::verifyNextRoot(bytes, t.root), t.root.version + 1);
    checkCatalog(core::verifyCatalog(bytes, t.root, t.fresh, t.now), t.fresh);
    checkCatalog(core::verifyCatalog(bytes, t.root, t.later, t.now), t.later);
}

// A root accepted from a body says what the body says: its version and thresholds as written
// (not, say, a threshold of 4294967297 read into an int as 1). Then the same bytes as the next
// root after themselves: refused (not the next version), without overflowing on the way.
void checkAcceptedRoot(std::string_view bytes, const nlohmann::json& body) {
    auto root = core::verifyInitialRoot(bytes);
    if (!root) return;
    fuzz::require(body["version"] == root.value().version, "a root accepted with another version than it says");
    fuzz::require(body["roles"]["root"]["threshold"] == root.value().root.threshold &&
                      body["roles"]["catalog"]["threshold"] == root.value().catalog.threshold,
                  "a root accepted with other thresholds than it says");
    fuzz::require(!core::verifyNextRoot(bytes, root.value()), "a root accepted as its own successor");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::asText(data, size);
    verifyAll(bytes);
    for (const char* type : {"root", "catalog"}) {
        auto document = core::parseSignedDocument(bytes, core::kMaxRootBytes, type);
        if (!document) continue;
        const std::string resigned = core::makeSignedDocument(document.value().body, {&trust().key});
        verifyAll(resigned);
        checkAcceptedRoot(resigned, document.value().body);
    }
    return 0;
}
