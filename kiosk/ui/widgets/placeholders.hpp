// Fills "{name}" placeholders in the kiosk's own phrases ("Schritt {step} von {total}").
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::ui {

struct Placeholder {
    std::string_view name;  // without braces: "step"
    std::string value;
};

// Every "{name}" of `pattern` replaced by its value; unknown placeholders stay as written, so a
// typo in a translation shows up on screen instead of swallowing words.
std::string fillPlaceholders(std::string_view pattern, std::initializer_list<Placeholder> values);

}  // namespace kiosk::ui
