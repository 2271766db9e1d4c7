#include "core/util/json_scan.hpp"

namespace kiosk::core {
namespace {

// Calls `visit` with each byte outside a text: what gives a document its structure.
template <typename Visit>
void forEachStructuralByte(std::string_view bytes, Visit visit) {
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (!visit(c)) {
            return;
        }
    }
}

}  // namespace

bool jsonNestedDeeperThan(std::string_view bytes, int limit) {
    int depth = 0;
    bool deeper = false;
    forEachStructuralByte(bytes, [&](char c) {
        if (c == '[' || c == '{') {
            deeper = ++depth > limit;
        } else if (c == ']' || c == '}') {
            --depth;
        }
        return !deeper;
    });
    return deeper;
}

std::size_t jsonValueCountBound(std::string_view bytes) {
    std::size_t count = 1;
    forEachStructuralByte(bytes, [&](char c) {
        if (c == ',' || c == '[' || c == '{') ++count;
        return true;
    });
    return count;
}

}  // namespace kiosk::core
