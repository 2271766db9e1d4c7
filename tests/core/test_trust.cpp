// The trust checks of the signed catalog (DESIGN.md §5, the reduced TUF): each attack on the
// metadata refused with its own reason, the legitimate changes accepted.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "core/trust/catalog_metadata.hpp"
#include "core/trust/root_metadata.hpp"
#include "core/util/utc_time.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using core::TrustFailure;

namespace {

const core::WallTime kNow = *core::parseUtc("2026-12-01T10:00:00Z");

core::RootMetadata rootOf(const std::vector<const core::SecretKey*>& rootKeys, int rootThreshold,
                          const std::vector<const core::SecretKey*>& catalogKeys, int catalogThreshold, std::int64_t version = 1) {
    core::RootMetadata root;
    root.version = version;
    root.expires = *core::parseUtc("2028-01-01T00:00:00Z");
    for (const auto* key : rootKeys) {
        root.keys.emplace(key->publicKey().keyId(), key->publicKey());
        root.root.keyIds.push_back(key->publicKey().keyId());
    }
    for (const auto* key : catalogKeys) {
        root.keys.emplace(key->publicKey().keyId(), key->publicKey());
        root.catalog.keyIds.push_back(key->publicKey().keyId());
    }
    root.root.threshold = rootThreshold;
    root.catalog.threshold = catalogThreshold;
    return root;
}

core::CatalogMetadata catalogOf(std::int64_t version) {
    core::CatalogMetadata catalog;
    catalog.version = version;
    catalog.signedAt = *core::parseUtc("2026-11-30T12:00:00Z");
    catalog.expires = *core::parseUtc("2026-12-30T12:00:00Z");
    catalog.packs.push_back({"e-prescription", "1.2.0", "packs/e-prescription-1.2.0.tar.gz", 48213, std::string(64, 'a')});
    catalog.packs.push_back({"online-id", "1.0.0", "packs/online-id-1.0.0.tar.gz", 30112, std::string(64, 'b')});
    return catalog;
}

struct Keys {
    core::SecretKey root = core::SecretKey::generate();
    core::SecretKey catalog = core::SecretKey::generate();
    core::SecretKey stranger = core::SecretKey::generate();
};

core::TrustFailure failureOf(const core::Result<core::CatalogMetadata, core::TrustError>& result) {
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message);
    return result.error().failure;
}

core::TrustFailure failureOf(const core::Result<core::RootMetadata, core::TrustError>& result) {
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message);
    return result.error().failure;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("trust: a catalog signed by the root's catalog key is accepted with every pack") {
    Keys k;
    const auto root = rootOf({&k.root}, 1, {&k.catalog}, 1);
    const auto verified = core::verifyCatalog(core::makeCatalogDocument(catalogOf(3), {&k.catalog}), root, {}, kNow);
    REQUIRE_MESSAGE(verified.ok(), verified.error().message);
    CHECK(verified.value().version == 3);
    CHECK(verified.value().packs == catalogOf(3).packs);
    CHECK(verified.value().bodySha256.size() == 64);
}

TEST_CASE("trust: signatures by unknown keys, below the threshold, or over changed bytes do not count") {
    Keys k;
    SUBCASE("a key the root does not know") {
        CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalogOf(1), {&k.stranger}), rootOf({&k.root}, 1, {&k.catalog}, 1), {}, kNow)) ==
              TrustFailure::BelowThreshold);
    }
    SUBCASE("the root key is not a catalog key") {
        CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalogOf(1), {&k.root}), rootOf({&k.root}, 1, {&k.catalog}, 1), {}, kNow)) ==
              TrustFailure::BelowThreshold);
    }
    SUBCASE("one of two needed, and the same signature twice still counts once") {
        const auto root = rootOf({&k.root}, 1, {&k.catalog, &k.stranger}, 2);
        CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalogOf(1), {&k.catalog, &k.catalog}), root, {}, kNow)) ==
              TrustFailure::BelowThreshold);
        CHECK(core::verifyCatalog(core::makeCatalogDocument(catalogOf(1), {&k.catalog, &k.stranger}), root, {}, kNow).ok());
    }
    SUBCASE("one byte of the body changed after signing") {
        const std::string signedText = core::makeCatalogDocument(catalogOf(1), {&k.catalog});
        CHECK(failureOf(core::verifyCatalog(replaced(signedText, "48213", "48214"), rootOf({&k.root}, 1, {&k.catalog}, 1), {}, kNow)) ==
              TrustFailure::BelowThreshold);
    }
    SUBCASE("a signature that is not hex") {
        const std::string signedText = core::makeCatalogDocument(catalogOf(1), {&k.catalog});
        const auto sig = signedText.find("\"sig\": \"") + 8;
        std::string broken = signedText;
        broken[sig] = 'x';
        CHECK(failureOf(core::verifyCatalog(broken, rootOf({&k.root}, 1, {&k.catalog}, 1), {}, kNow)) == TrustFailure::BelowThreshold);
    }
}

TEST_CASE("trust: no rollback, and a version is never reused for other contents") {
    Keys k;
    const auto root = rootOf({&k.root}, 1, {&k.catalog}, 1);
    const auto accepted = core::verifyCatalog(core::makeCatalogDocument(catalogOf(5), {&k.catalog}), root, {}, kNow);
    REQUIRE(accepted.ok());
    const core::TrustedCatalog trusted{5, accepted.value().bodySha256, accepted.value().signedAt};

    CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalogOf(4), {&k.catalog}), root, trusted, kNow)) == TrustFailure::Rollback);
    // The same version again: fine (nothing new); with a pack changed: refused.
    CHECK(core::verifyCatalog(core::makeCatalogDocument(catalogOf(5), {&k.catalog}), root, trusted, kNow).ok());
    core::CatalogMetadata changed = catalogOf(5);
    changed.packs[0].sha256 = std::string(64, 'c');
    CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(changed, {&k.catalog}), root, trusted, kNow)) == TrustFailure::SameVersionChanged);
    CHECK(core::verifyCatalog(core::makeCatalogDocument(catalogOf(6), {&k.catalog}), root, trusted, kNow).ok());
}

TEST_CASE("trust: an expired catalog or root is refused, also when the kiosk's clock went back") {
    Keys k;
    const auto root = rootOf({&k.root}, 1, {&k.catalog}, 1);
    const std::string document = core::makeCatalogDocument(catalogOf(2), {&k.catalog});
    CHECK(failureOf(core::verifyCatalog(document, root, {}, *core::parseUtc("2026-12-30T12:00:00Z"))) == TrustFailure::Expired);

    // The clock says 1970 (a flat RTC battery), but the kiosk has seen a catalog signed in 2027.
    const core::TrustedCatalog sawLater{1, "", *core::parseUtc("2027-02-01T00:00:00Z")};
    const auto replayed = core::verifyCatalog(document, root, sawLater, core::WallTime{});
    CHECK(failureOf(replayed) == TrustFailure::Expired);
    CHECK(replayed.error().message.find("clock") != std::string::npos);

    auto oldRoot = root;
    oldRoot.expires = *core::parseUtc("2026-11-01T00:00:00Z");
    const auto rootExpired = core::verifyCatalog(document, oldRoot, {}, kNow);
    CHECK(failureOf(rootExpired) == TrustFailure::Expired);
    CHECK(rootExpired.error().message.find("new root") != std::string::npos);
}

TEST_CASE("trust: pack paths outside packs/*.tar.gz, duplicate packs and odd shapes are refused") {
    Keys k;
    const auto root = rootOf({&k.root}, 1, {&k.catalog}, 1);
    for (const std::string path : {"../packs/x.tar.gz", "packs/../../etc/passwd.tar.gz", "/packs/x.tar.gz", "packs/sub/x.tar.gz",
                                   "packs/X.tar.gz", "packs/x.zip", "packs/.tar.gz", "packs\\x.tar.gz", "packs/x%2e.tar.gz"}) {
        CAPTURE(path);
        core::CatalogMetadata catalog = catalogOf(1);
        catalog.packs[0].path = path;
        CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalog, {&k.catalog}), root, {}, kNow)) == TrustFailure::BadPath);
    }
    core::CatalogMetadata twice = catalogOf(1);
    twice.packs[1].id = twice.packs[0].id;
    CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(twice, {&k.catalog}), root, {}, kNow)) == TrustFailure::DuplicatePack);

    core::CatalogMetadata noLength = catalogOf(1);
    noLength.packs[0].length = 0;
    CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(noLength, {&k.catalog}), root, {}, kNow)) == TrustFailure::Malformed);

    CHECK(failureOf(core::verifyCatalog("<html><body>502 Bad Gateway</body></html>", root, {}, kNow)) == TrustFailure::Malformed);
    CHECK(failureOf(core::verifyCatalog(std::string(2000, '[') + std::string(2000, ']'), root, {}, kNow)) == TrustFailure::Malformed);
    CHECK(failureOf(core::verifyCatalog(std::string(core::kMaxCatalogBytes + 1, ' '), root, {}, kNow)) == TrustFailure::TooLarge);
    // A validly signed root where a catalog belongs.
    CHECK(failureOf(core::verifyCatalog(core::makeRootDocument(root, {&k.root}), root, {}, kNow)) == TrustFailure::WrongType);
}

TEST_CASE("trust: roots rotate one version at a time, signed by the old keys and the new ones") {
    Keys k;
    const core::SecretKey root2 = core::SecretKey::generate();
    const core::SecretKey catalog2 = core::SecretKey::generate();
    const auto v1 = rootOf({&k.root}, 1, {&k.catalog}, 1);
    const std::string v1Text = core::makeRootDocument(v1, {&k.root});
    REQUIRE(core::verifyInitialRoot(v1Text).ok());
    CHECK(failureOf(core::verifyInitialRoot(core::makeRootDocument(v1, {&k.stranger}))) == TrustFailure::BelowThreshold);

    // v2 replaces both keys (the old catalog key was stolen): signed by old and new root keys.
    const auto v2 = rootOf({&root2}, 1, {&catalog2}, 1, 2);
    const auto accepted = core::verifyNextRoot(core::makeRootDocument(v2, {&k.root, &root2}), v1);
    REQUIRE_MESSAGE(accepted.ok(), accepted.error().message);
    CHECK(failureOf(core::verifyNextRoot(core::makeRootDocument(v2, {&root2}), v1)) == TrustFailure::BelowThreshold);
    CHECK(failureOf(core::verifyNextRoot(core::makeRootDocument(v2, {&k.root}), v1)) == TrustFailure::BelowThreshold);
    // The revoked catalog key signs no catalog for v2.
    CHECK(failureOf(core::verifyCatalog(core::makeCatalogDocument(catalogOf(9), {&k.catalog}), accepted.value(), {}, kNow)) ==
          TrustFailure::BelowThreshold);
    CHECK(core::verifyCatalog(core::makeCatalogDocument(catalogOf(9), {&catalog2}), accepted.value(), {}, kNow).ok());

    const auto v3 = rootOf({&root2}, 1, {&catalog2}, 1, 3);
    CHECK(failureOf(core::verifyNextRoot(core::makeRootDocument(v3, {&root2}), v1)) == TrustFailure::RootChainBroken);  // skips v2
    CHECK(core::verifyNextRoot(core::makeRootDocument(v3, {&root2}), accepted.value()).ok());
}

TEST_CASE("trust: a root cannot list one key under two ids to count it twice") {
    Keys k;
    auto root = rootOf({&k.root}, 1, {&k.catalog}, 1);
    std::string text = core::makeRootDocument(root, {&k.root});
    const std::string id = k.catalog.publicKey().keyId();
    std::string fakeId = id;
    fakeId[0] = fakeId[0] == 'a' ? 'b' : 'a';
    CHECK(failureOf(core::verifyInitialRoot(replaced(text, "\"" + id + "\": {", "\"" + fakeId + "\": {"))) == TrustFailure::Malformed);
}

TEST_CASE("trust: key files keep the secret half to their owner and read back") {
    test::TempDir dir;
    const core::SecretKey key = core::SecretKey::generate();
    REQUIRE(core::writeKeyPair(key, dir.path(), "catalog").empty());
    struct stat info{};
    REQUIRE(::stat((dir.path() / "catalog.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const auto secret = core::readSecretKey(dir.path() / "catalog.key");
    REQUIRE(secret.ok());
    CHECK(secret.value().publicKey() == key.publicKey());
    const auto pub = core::readPublicKey(dir.path() / "catalog.pub");
    REQUIRE(pub.ok());
    CHECK(pub.value() == key.publicKey());
    const auto notSecret = core::readSecretKey(dir.path() / "catalog.pub");
    REQUIRE_FALSE(notSecret.ok());
    CHECK(notSecret.error().message.find("no secret key") != std::string::npos);
    CHECK_FALSE(core::readPublicKey(dir.write("garbage.pub", "{}")).ok());
}

TEST_CASE("trust: times are UTC to the second, and nothing else parses") {
    CHECK(core::formatUtc(*core::parseUtc("2026-02-28T23:59:59Z")) == "2026-02-28T23:59:59Z");
    for (const char* bad : {"2026-02-30T00:00:00Z", "2026-12-01T10:00:00+01:00", "2026-12-01T10:00:00.5Z", "2026-12-01 10:00:00Z", ""}) {
        CAPTURE(std::string(bad));
        CHECK_FALSE(core::parseUtc(bad).has_value());
    }
}
