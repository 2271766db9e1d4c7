// FNV-1a over every entry: collisions would only delay a preview reload to the next save.
#include "core/pack/folder_fingerprint.hpp"

#include <string_view>

namespace kiosk::core {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void mix(std::uint64_t& hash, std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * kFnvPrime;
}
void mix(std::uint64_t& hash, std::uint64_t value) {
    mix(hash, std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
}

}  // namespace

std::uint64_t folderFingerprint(const std::filesystem::path& folder) {
    std::uint64_t hash = kFnvOffset;
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(folder, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        mix(hash, it->path().native());
        std::error_code statError;
        if (it->is_regular_file(statError)) {
            mix(hash, static_cast<std::uint64_t>(it->file_size(statError)));
            mix(hash, static_cast<std::uint64_t>(it->last_write_time(statError).time_since_epoch().count()));
        }
    }
    if (ec) mix(hash, std::string_view("unreadable"));
    return hash;
}

}  // namespace kiosk::core
