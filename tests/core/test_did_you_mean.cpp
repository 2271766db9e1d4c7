// Typo suggestions: close words are suggested, unrelated ones are not.
#include <array>

#include <doctest/doctest.h>

#include "core/util/did_you_mean.hpp"

using namespace std::string_view_literals;

TEST_CASE("close misspellings find their word") {
    constexpr std::array keys{"content"sv, "state"sv, "languages"sv, "idle"sv, "window"sv};
    CHECK(kiosk::core::closestMatch("langauges", keys) == "languages");
    CHECK(kiosk::core::closestMatch("widnow", keys) == "window");
    CHECK(kiosk::core::closestMatch("idel", keys) == "idle");
}

TEST_CASE("unrelated words get no suggestion but the list of known words") {
    constexpr std::array keys{"heading"sv, "text"sv, "image"sv};
    CHECK_FALSE(kiosk::core::closestMatch("video", keys).has_value());
    CHECK(kiosk::core::suggestionHint("video", keys) == "expected one of: heading, text, image");
}
