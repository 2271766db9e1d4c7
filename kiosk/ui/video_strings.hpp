// The words of the video player and the sign-language panel (issue 11): its buttons' spoken
// names, the error card, the panel's title. Kept apart from ui_strings.hpp like access_strings.
#pragma once

#include <string>
#include <vector>

namespace kiosk::ui {

struct VideoStrings {
    const char* play;
    const char* pause;
    const char* playAgain;
    const char* back10;      // "10 seconds back", spoken; the button shows "−10 s"
    const char* forward10;
    const char* position;    // the seek bar's name; its value is "{at} / {length}"
    const char* subtitles;   // the subtitles button; its state says on or off
    const char* soundOn;     // the sound button while sound is off: pressing it turns it on
    const char* soundOff;
    const char* quieter;
    const char* louder;
    const char* audioDescription;  // reads what is seen aloud
    const char* cannotPlayTitle;   // the error card in a clip's place
    const char* cannotPlayBody;
    const char* signLanguage;       // the page's DGS button
    const char* signLanguageTitle;  // over the panel
    const char* placeholder;        // a badge on a stand-in clip
    const char* close;
};

// The first language in `fallbacks` the kiosk has the words in; English otherwise.
const VideoStrings& videoStrings(const std::vector<std::string>& fallbacks);

}  // namespace kiosk::ui
