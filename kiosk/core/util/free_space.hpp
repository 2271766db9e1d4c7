// How much room a file system has left, for checks that must not wait for a write to fail.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

namespace kiosk::core {

// Bytes an unprivileged process may still write in the file system holding `path` (statvfs's
// f_bavail: the root-reserved blocks are no use to the kiosk). nullopt if it cannot be asked.
std::optional<std::uintmax_t> freeBytesAt(const std::filesystem::path& path);

}  // namespace kiosk::core
