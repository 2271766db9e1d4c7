// Writing a file so that a power cut leaves either the old or the new contents, never a mix
// (DESIGN.md §3.4): a temp file of its own in the same folder → fsync → rename → fsync the folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::core {

// Empty on success, else what failed ("cannot write …: No space left on device"). A failed
// fsync aborts the write: the old file stays, the temp file is removed. `mode` is the new
// file's permission bits (0600 for secrets).
std::string writeFileAtomically(const std::filesystem::path& file, std::string_view contents, unsigned mode = 0644);

}  // namespace kiosk::core
