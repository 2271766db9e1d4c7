// SHA-256 (libsodium) as the sync uses it: over bytes as they stream in, and of whole files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <sodium.h>

namespace kiosk::core {

class Sha256 {
public:
    Sha256() { crypto_hash_sha256_init(&m_state); }
    void update(std::string_view bytes) {
        crypto_hash_sha256_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }
    // 64 lowercase hex digits. Ends the hash: call once.
    std::string hex();

private:
    crypto_hash_sha256_state m_state{};
};

std::string sha256Hex(std::string_view bytes);
// nullopt if the file cannot be read to its end.
std::optional<std::string> fileSha256(const std::filesystem::path& file);

}  // namespace kiosk::core
