// Checks for texts in Leichte Sprache (de-x-ls), the German plain-language standard for readers
// with little reading skill: its rules ask for short sentences with one statement each. The
// kiosk can check the one rule that is countable; the rest (common words, no passive, no
// negation) stays with the author and a test reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core {

// Longer sentences are what Leichte Sprache rewrites into two. The sample packs' longest has 15.
inline constexpr std::size_t kEasyLanguageMaxWords = 15;

struct LongSentence {
    std::string start;  // its first words, for the message
    std::size_t words;
};

// The first sentence of `text` with more than kEasyLanguageMaxWords words, if any. Sentences end
// at . ! ? : and at line breaks (list items, headings); Markdown marks and list bullets are no words.
std::optional<LongSentence> firstLongSentence(std::string_view text);

}  // namespace kiosk::core
