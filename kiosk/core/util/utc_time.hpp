// Times in signed metadata: RFC 3339 in UTC to the second, "2026-12-01T10:00:00Z", the one
// form that sorts, reads and parses the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/util/clock.hpp"

namespace kiosk::core {

std::string formatUtc(WallTime time);
// nullopt for anything else, including other offsets and fractions of seconds.
std::optional<WallTime> parseUtc(std::string_view text);

}  // namespace kiosk::core
