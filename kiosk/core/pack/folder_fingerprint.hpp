// A cheap summary of a folder's files (names, sizes, modification times), so a preview can
// notice an author's save by polling, with no file-watching service.
#pragma once

#include <cstdint>
#include <filesystem>

namespace kiosk::core {

// Changes whenever a file below `folder` is added, removed, resized or rewritten.
std::uint64_t folderFingerprint(const std::filesystem::path& folder);

}  // namespace kiosk::core
