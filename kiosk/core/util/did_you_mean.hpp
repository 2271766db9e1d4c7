// Suggests the closest known word for a misspelt key, so an error can say "did you mean …".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiosk::core {

// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo.
std::optional<std::string> closestMatch(std::string_view word, std::span<const std::string_view> candidates);

// "did you mean 'idle'?" or, with no close candidate, "expected one of: a, b, c".
std::string suggestionHint(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace kiosk::core
