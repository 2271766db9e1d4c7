// Reading the small files the kiosk keeps for itself (trusted metadata, status, sets): whole, and
// never more than a cap, so a file that grew by mistake or malice cannot fill the memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::core {

// The file's bytes; empty when it is missing, unreadable or larger than `maxBytes`.
std::string readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes);

}  // namespace kiosk::core
