// Checks every file in a pack folder before any is read: size, count, depth, and that nothing is
// there that does not belong in a pack (programs, fonts, links out, devices).
#pragma once

#include <filesystem>
#include <string_view>

#include "core/util/result.hpp"

namespace kiosk::core {

void checkPackFiles(const std::filesystem::path& folder, Diagnostics& problems);

// The same rules for a pack that arrives as an archive (pack_archive.hpp), where there is no folder yet.
// `extension` is lowercase with its dot (".svg").
bool isAllowedPackExtension(std::string_view extension);
// "a program", "a script", "a font", "compressed data (gzip)" … when a file's first bytes (4 are
// enough) say it is one; else empty.
std::string_view forbiddenContentKind(std::string_view firstBytes);
// For .mp4, .webm and .vtt: what the file should look like ("an MP4 video") when its first 16
// bytes do not; empty when they do, and for every other ending.
std::string_view mediaContentMismatch(std::string_view extension, std::string_view firstBytes);

}  // namespace kiosk::core
