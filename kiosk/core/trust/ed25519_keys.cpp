// Key generation, signing and key files. Everything cryptographic is libsodium's.
#include "core/trust/ed25519_keys.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"

namespace kiosk::core {
namespace {

constexpr std::uintmax_t kMaxKeyFileBytes = 4096;

Error keyFileError(const std::filesystem::path& file, std::string message, std::string hint) {
    return Error{ErrorCode::InvalidValue, file.string(), 0, std::move(message), std::move(hint)};
}

Result<nlohmann::json> readKeyFile(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return Error{ErrorCode::FileNotFound, file.string(), 0, "cannot read the key file: " + ec.message(), "check the path"};
    if (size > kMaxKeyFileBytes) return Error{ErrorCode::TooLarge, file.string(), 0, "not a key file (too large)", "name a .key or .pub file made by kiosk catalog keygen"};
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("keytype", "") != "ed25519") {
        return keyFileError(file, "not an ed25519 key file", "name a .key or .pub file made by kiosk catalog keygen");
    }
    return json;
}

}  // namespace

std::string toHex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

bool fromHex(std::string_view hex, unsigned char* out, std::size_t size) {
    if (hex.size() != size * 2) return false;
    std::size_t written = 0;
    const char* end = nullptr;
    return sodium_hex2bin(out, size, hex.data(), hex.size(), nullptr, &written, &end) == 0 && written == size &&
           end == hex.data() + hex.size();
}

std::string PublicKey::keyId() const {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return toHex(digest.data(), digest.size());
}

std::string PublicKey::hex() const { return toHex(bytes.data(), bytes.size()); }

SecretKey::~SecretKey() { sodium_memzero(bytes.data(), bytes.size()); }

SecretKey SecretKey::generate() {
    SecretKey key;
    PublicKey ignored;
    crypto_sign_keypair(ignored.bytes.data(), key.bytes.data());
    return key;
}

PublicKey SecretKey::publicKey() const {
    PublicKey key;
    crypto_sign_ed25519_sk_to_pk(key.bytes.data(), bytes.data());
    return key;
}

std::string SecretKey::sign(std::string_view message) const {
    std::array<unsigned char, kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(), bytes.data());
    return toHex(signature.data(), signature.size());
}

bool verifySignature(const PublicKey& key, std::string_view message, std::string_view signatureHex) {
    std::array<unsigned char, kSignatureBytes> signature{};
    if (!fromHex(signatureHex, signature.data(), signature.size())) return false;
    return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       key.bytes.data()) == 0;
}

std::string writeKeyPair(const SecretKey& key, const std::filesystem::path& folder, const std::string& name) {
    const PublicKey pub = key.publicKey();
    nlohmann::json publicJson{{"keytype", "ed25519"}, {"keyid", pub.keyId()}, {"public", pub.hex()}};
    nlohmann::json secretJson = publicJson;
    std::string secretHex = toHex(key.bytes.data(), key.bytes.size());
    secretJson["secret"] = secretHex;
    std::string secretText = secretJson.dump(2) + "\n";
    sodium_memzero(secretHex.data(), secretHex.size());
    std::string error = writeFileAtomically(folder / (name + ".key"), secretText, 0600);
    sodium_memzero(secretText.data(), secretText.size());
    if (!error.empty()) return error;
    return writeFileAtomically(folder / (name + ".pub"), publicJson.dump(2) + "\n");
}

Result<SecretKey> readSecretKey(const std::filesystem::path& file) {
    auto json = readKeyFile(file);
    if (!json) return json.error();
    SecretKey key;
    const std::string secret = json.value().value("secret", "");
    if (!fromHex(secret, key.bytes.data(), key.bytes.size())) {
        return keyFileError(file, "holds no secret key", "this is a public key (.pub); signing needs the .key file made with it");
    }
    return key;
}

Result<PublicKey> readPublicKey(const std::filesystem::path& file) {
    auto json = readKeyFile(file);
    if (!json) return json.error();
    PublicKey key;
    if (!fromHex(json.value().value("public", ""), key.bytes.data(), key.bytes.size())) {
        return keyFileError(file, "holds no valid public key", "make a new pair with kiosk catalog keygen");
    }
    return key;
}

}  // namespace kiosk::core
