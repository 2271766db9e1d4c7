#include "core/util/free_space.hpp"

#include <sys/statvfs.h>

namespace kiosk::core {

std::optional<std::uintmax_t> freeBytesAt(const std::filesystem::path& path) {
    struct statvfs info {};
    if (::statvfs(path.c_str(), &info) != 0) return std::nullopt;
    return static_cast<std::uintmax_t>(info.f_bavail) * static_cast<std::uintmax_t>(info.f_frsize);
}

}  // namespace kiosk::core
