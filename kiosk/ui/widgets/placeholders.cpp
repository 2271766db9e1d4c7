// One pass over the pattern: replaced values are never searched again for placeholders.
#include "ui/widgets/placeholders.hpp"

namespace kiosk::ui {

std::string fillPlaceholders(std::string_view pattern, std::initializer_list<Placeholder> values) {
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(pattern.substr(i, open - i));
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const Placeholder* match = nullptr;
        for (const Placeholder& value : values) {
            if (value.name == name) match = &value;
        }
        if (match) {
            out += match->value;
        } else {
            out.append(pattern.substr(open, close - open + 1));
        }
        i = close + 1;
    }
    out.append(pattern.substr(std::min(i, pattern.size())));
    return out;
}

}  // namespace kiosk::ui
