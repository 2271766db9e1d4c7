// Checks every file in a pack folder before any is read: size, count, depth, and that nothing is
// there that does not belong in a pack (programs, fonts, links out, devices).
#pragma once

#include <filesystem>

#include "core/util/result.hpp"

namespace kiosk::core {

void checkPackFiles(const std::filesystem::path& folder, Diagnostics& problems);

}  // namespace kiosk::core
