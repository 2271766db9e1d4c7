// Levenshtein distance over small key sets; cheap enough to run on every error.
#include "core/util/did_you_mean.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::core {
namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::optional<std::string> closestMatch(std::string_view word, std::span<const std::string_view> candidates) {
    // A third of the word's length (at least 1, at most 3) separates typos from different words.
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::optional<std::string> best;
    std::size_t bestDistance = limit + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

std::string suggestionHint(std::string_view word, std::span<const std::string_view> candidates) {
    if (auto match = closestMatch(word, candidates)) return "did you mean '" + *match + "'?";
    std::string known = "expected one of: ";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i > 0) known += ", ";
        known += candidates[i];
    }
    return known;
}

}  // namespace kiosk::core
