// manifest.json, the first entry of a pack archive: written by the archiver, read (size-capped,
// depth-capped, strictly shaped) by the extraction before any other entry is looked at.
#pragma once

#include <string>
#include <string_view>

#include "core/pack/pack_archive.hpp"

namespace kiosk::core {

inline constexpr std::string_view kManifestEntryName = "manifest.json";
inline constexpr std::string_view kArchiveFormatName = "showroom-kiosk-pack";
inline constexpr int kArchiveFormatVersion = 1;
inline constexpr int kManifestNesting = 8;  // the manifest needs 3: object, files array, file object

// The exact bytes the archiver writes: keys in a fixed order, files in the order given.
std::string manifestJson(const PackManifest& manifest);

// Every check that needs no archive: format, id, version, each path in the archive grammar and
// listed once, sizes and their sum within `limits`, sha256 as 64 hex digits, pack.toml present.
// Errors name "manifest.json" and say which key or files[n] (counted from 1) is wrong.
Result<PackManifest> parseManifest(std::string_view bytes, const PackArchiveLimits& limits);

}  // namespace kiosk::core
