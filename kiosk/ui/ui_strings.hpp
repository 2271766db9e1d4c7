// The kiosk's own words (not the packs'): button labels and messages of the frame around content.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct UiStrings {
    const char* homeTitle;
    const char* welcome;
    const char* homeSubtitle;
    const char* tryIt;  // the call to action on every home tile
    const char* back;
    const char* home;
    const char* noContentTitle;
    const char* noContentBody;
    const char* imageUnavailable;
    const char* categoryHub;
    const char* categoryEgov;
    const char* categoryHealth;
};

// The first language in `fallbacks` the kiosk has words for; English otherwise.
const UiStrings& uiStrings(const std::vector<std::string>& fallbacks);

// A language's name in itself ("Deutsch", "Українська"), as a visitor looks for it.
std::string_view languageName(std::string_view tag);

// A short form for narrow screens: "DE", "EN", "UK"; "LS" for Leichte Sprache.
std::string languageShortName(std::string_view tag);

}  // namespace kiosk::ui
