#include "core/pack/easy_language.hpp"

#include <cctype>
#include <vector>

namespace kiosk::core {
namespace {

bool endsSentence(char c) { return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n'; }

// A word has at least one letter or digit: "-", "**", "#" and "–" are not read as words.
// Bytes from 0x80 are taken for letters (ä, ß, Cyrillic), except the dashes authors set alone.
bool isWord(std::string_view token) {
    if (token == "\u2013" || token == "\u2014") return false;
    for (const char c : token) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80)) return true;
    }
    return false;
}

}  // namespace

std::optional<LongSentence> firstLongSentence(std::string_view text) {
    std::size_t words = 0;
    std::vector<std::string_view> first;
    std::size_t tokenStart = std::string_view::npos;
    auto endToken = [&](std::size_t end) {
        if (tokenStart == std::string_view::npos) return;
        const std::string_view token = text.substr(tokenStart, end - tokenStart);
        tokenStart = std::string_view::npos;
        if (!isWord(token)) return;
        ++words;
        if (first.size() < 6) first.push_back(token);
    };
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\n';
        const bool space = c == ' ' || c == '\t' || c == '\r';
        // "z.B." and "4.5" keep their dots inside a token: a sentence ends at a mark followed by
        // a space or a line break (or the end).
        const bool end = c == '\n' || (endsSentence(c) && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'));
        if (space || end) {
            endToken(end && c != '\n' ? i + 1 : i);
        } else if (tokenStart == std::string_view::npos) {
            tokenStart = i;
        }
        if (!end) continue;
        if (words > kEasyLanguageMaxWords) {
            std::string start;
            for (const auto word : first) start += (start.empty() ? "" : " ") + std::string(word);
            return LongSentence{start + " …", words};
        }
        words = 0;
        first.clear();
    }
    return std::nullopt;
}

}  // namespace kiosk::core
