// The ed25519 keys that sign catalogs (libsodium). A key is named by its key id, the sha256 of
// its public half, so metadata can say which key made a signature without carrying the key.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace kiosk::core {

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 64;
inline constexpr std::size_t kSignatureBytes = 64;

struct PublicKey {
    std::array<unsigned char, kPublicKeyBytes> bytes{};
    std::string keyId() const;  // 64 hex digits
    std::string hex() const;
    bool operator==(const PublicKey&) const = default;
};

// Wiped when it goes: a secret key never lingers in freed memory.
class SecretKey {
public:
    SecretKey() = default;
    ~SecretKey();
    SecretKey(const SecretKey& other) = default;
    SecretKey& operator=(const SecretKey& other) = default;

    static SecretKey generate();
    PublicKey publicKey() const;
    // A detached signature of `message`, as hex.
    std::string sign(std::string_view message) const;

    std::array<unsigned char, kSecretKeyBytes> bytes{};
};

std::string toHex(const unsigned char* data, std::size_t size);
// Exactly `size` bytes of hex, else false.
bool fromHex(std::string_view hex, unsigned char* out, std::size_t size);

// Whether `signatureHex` is `key`'s signature of `message`.
bool verifySignature(const PublicKey& key, std::string_view message, std::string_view signatureHex);

// Key files: <name>.pub (anyone may read it) and <name>.key (0600; for the machine that
// publishes, the root key best on a stick kept in a safe). Both are small JSON documents.
std::string writeKeyPair(const SecretKey& key, const std::filesystem::path& folder, const std::string& name);
Result<SecretKey> readSecretKey(const std::filesystem::path& file);
Result<PublicKey> readPublicKey(const std::filesystem::path& file);

}  // namespace kiosk::core
