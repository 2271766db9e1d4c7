// Picks the best available translation for the visitor's language.
#include "core/pack/localized_text.hpp"

#include <algorithm>

namespace kiosk::core {

std::vector<std::string> languageFallbacks(std::string_view wanted, std::string_view kioskDefault) {
    std::vector<std::string> chain;
    auto add = [&chain](std::string_view tag) {
        if (!tag.empty() && std::find(chain.begin(), chain.end(), tag) == chain.end()) chain.emplace_back(tag);
    };
    for (std::string_view tag = wanted; !tag.empty();) {
        add(tag);
        auto dash = tag.rfind('-');
        // A one-letter subtag ("x" in "de-x-ls") only introduces the next one; it means nothing alone.
        while (dash != std::string_view::npos && dash >= 2 && tag[dash - 2] == '-') dash = tag.rfind('-', dash - 1);
        tag = dash == std::string_view::npos ? std::string_view{} : tag.substr(0, dash);
    }
    add(kioskDefault);
    add("de");
    add("en");
    return chain;
}

}  // namespace kiosk::core
