// Reading small files whole, and never more than a cap, so a file that grew by mistake or malice
// cannot fill the memory: the kiosk's own (trusted metadata, status, sets) and a pack's pictures
// and subtitles, whose read errors must say so rather than look like a damaged file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::core {

// The file's bytes; empty when it is missing, unreadable or larger than `maxBytes`.
std::string readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes);

// The first `maxBytes` of the file (all of it when shorter). nullopt when it cannot be opened or
// read, with `error` saying so for a message ("cannot be read: Input/output error").
std::optional<std::string> readFileStart(const std::filesystem::path& file, std::size_t maxBytes, std::string& error);

// What staff can do about a pack's file that cannot be read.
inline constexpr const char* kUnreadablePackFileHint = "the disk or the USB stick may be failing: copy the pack again";

}  // namespace kiosk::core
