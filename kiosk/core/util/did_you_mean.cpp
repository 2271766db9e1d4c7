// Levenshtein distance over small key sets; cheap enough to run on every error.
#include "core/util/did_you_mean.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::core {
namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest
// typo when typing fast ("widht", "idel").
std::size_t editDistance(std::string_view a, std::string_view b) {
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * columns);
    auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * columns + j]; };
    for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(a.size(), b.size());
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
