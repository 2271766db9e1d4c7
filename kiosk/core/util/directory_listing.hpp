// Lists a folder without exceptions: an unreadable entry in a content folder is a reported problem,
// never the end of loading the entries beside it.
#pragma once

#include <filesystem>
#include <vector>

#include "core/util/result.hpp"

namespace kiosk::core {

// Entries sorted by name (directory order differs between file systems), hidden ones (".git")
// left out. An error only when the folder itself cannot be read.
Result<std::vector<std::filesystem::path>> listDirectory(const std::filesystem::path& folder);

}  // namespace kiosk::core
