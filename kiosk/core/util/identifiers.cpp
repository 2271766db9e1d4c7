// Hand-written checks instead of std::regex: they run for every id of every pack at start-up.
#include "core/util/identifiers.hpp"

namespace kiosk::core {
namespace {
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool isValidId(std::string_view id) {
    if (id.empty() || id.size() > 48 || !isLower(id.front()) || id.back() == '-') return false;
    for (char c : id) {
        if (!isLower(c) && !isDigit(c) && c != '-') return false;
    }
    return true;
}

bool isValidLanguageTag(std::string_view tag) {
    // A 2-3 letter primary language, then subtags of 1-8 letters or digits.
    std::size_t start = 0;
    bool primary = true;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view part = tag.substr(start, end - start);
        if (primary ? (part.size() < 2 || part.size() > 3) : (part.empty() || part.size() > 8)) return false;
        for (char c : part) {
            if (!isLower(c) && (primary || !isDigit(c))) return false;
        }
        primary = false;
        start = end + 1;
    }
    return true;
}

}  // namespace kiosk::core
