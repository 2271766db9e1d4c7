// Reads one pack folder (pack.toml + pages/*.toml + images) into a Pack, checking every reference.
#pragma once

#include <filesystem>

#include "core/pack/pack.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

// All problems of the pack at once, each naming file:line; a pack with any problem is not loaded,
// so a visitor never meets a broken link or a missing picture.
Result<Pack, Diagnostics> loadPack(const std::filesystem::path& folder);

}  // namespace kiosk::core
