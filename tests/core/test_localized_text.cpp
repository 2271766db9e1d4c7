// Translation fallback: Leichte Sprache falls back to German, everything else to default, de, en.
#include <doctest/doctest.h>

#include "core/pack/localized_text.hpp"

using kiosk::core::languageFallbacks;
using kiosk::core::LocalizedText;

TEST_CASE("fallback chains drop subtags first, then use the kiosk default, German and English") {
    CHECK(languageFallbacks("de-x-ls", "en") == std::vector<std::string>{"de-x-ls", "de", "en"});
    CHECK(languageFallbacks("uk", "de") == std::vector<std::string>{"uk", "de", "en"});
    CHECK(languageFallbacks("en", "en") == std::vector<std::string>{"en", "de"});
}

TEST_CASE("the best available translation is chosen") {
    LocalizedText text;
    text.set("de", "Hallo");
    text.set("en", "Hello");
    CHECK(text.in(languageFallbacks("en", "de")) == "Hello");
    CHECK(text.in(languageFallbacks("uk", "de")) == "Hallo");
    CHECK(text.in(languageFallbacks("de-x-ls", "en")) == "Hallo");

    LocalizedText onlyFrench;
    onlyFrench.set("fr", "Bonjour");
    CHECK(onlyFrench.in(languageFallbacks("de", "de")) == "Bonjour");  // something beats nothing
    CHECK(LocalizedText().in({"de"}).empty());
}
