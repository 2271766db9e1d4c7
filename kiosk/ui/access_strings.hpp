// The words of the accessibility features (issue 5): what the non-visual mode says about the
// screen and how to use it, and the accessibility menu's labels. Kept apart from ui_strings.hpp,
// which holds the words every visitor sees.
#pragma once

#include <string>
#include <vector>

namespace kiosk::ui {

struct AccessStrings {
    // Non-visual mode: spoken when it starts and ends, and how to find it (the attract loop).
    const char* nonVisualOn;
    const char* nonVisualOff;
    const char* attractHint;
    // Spoken after an element's label: what kind of thing it is, and its state.
    const char* button;
    const char* link;
    const char* textField;
    const char* option;
    const char* key;
    const char* heading;
    const char* picture;
    const char* previousPicture;  // a gallery's arrows
    const char* nextPicture;
    const char* less;  // a date field's − and +
    const char* more;
    const char* problem;  // after a field's error message
    const char* selected;
    const char* empty;  // a text field with nothing in it
    const char* lastElement;   // a swipe past the last element
    const char* firstElement;  // a swipe before the first
    // On-screen keyboard keys without a character.
    const char* keySpace;
    const char* keyBackspace;
    const char* keyShift;
    const char* keyEnter;
    const char* keyHide;
    const char* keySymbols;
    const char* keyLetters;
    const char* keyLatin;
    const char* keyCyrillic;
    // The accessibility menu.
    const char* menuButton;  // the always-visible button's spoken name
    const char* menuTitle;
    const char* nonVisualMode;
    const char* nonVisualHelp;
    const char* volume;
    const char* speechRate;
    const char* headphoneHint;
    const char* highContrast;
    const char* textSize;
    const char* lowMode;
    const char* lowModeHelp;
    const char* lowModeOn;  // shown above the lowered screen, out of reach
    const char* moreTime;
    const char* moreTimeHelp;
    const char* easyLanguage;  // switches to Leichte Sprache
    const char* on;
    const char* off;
    const char* louder;
    const char* quieter;
    const char* faster;
    const char* slower;
    const char* close;
    const char* settingsEnd;  // the settings last until the visitor leaves
};

// The first language in `fallbacks` with these words; English otherwise.
const AccessStrings& accessStrings(const std::vector<std::string>& fallbacks);

}  // namespace kiosk::ui
