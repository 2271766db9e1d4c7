// Reads one pack folder (pack.toml, pages/, flows/, pictures) into a Pack, checking everything
// content/FORMAT.md promises to check.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/pack/pack.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

struct PackReport {
    std::optional<Pack> pack;  // absent when any error was found: a visitor never meets a broken pack
    Diagnostics problems;      // errors and warnings, sorted by file and line

    bool hasErrors() const;
};

// `kioskVersion` is compared with the pack's min_kiosk_version.
PackReport loadPack(const std::filesystem::path& folder, std::string_view kioskVersion = KIOSK_VERSION);
// A pack whose folder is not named after it: an installed one lives in packs/<id>/<version>/.
PackReport loadPack(const std::filesystem::path& folder, std::string_view kioskVersion, std::string_view expectedId);

// "1.2.10" → {1, 2, 10}; nullopt unless exactly three dot-separated numbers.
std::optional<std::array<int, 3>> parseVersion(std::string_view text);

}  // namespace kiosk::core
