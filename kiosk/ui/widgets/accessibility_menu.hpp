// The accessibility menu (issue 5): every setting a visitor can make for their visit, in one
// panel over the screen they are on, opened by the round button in the top bar.
#pragma once

#include <string>

#include "ui/frame_context.hpp"

namespace kiosk::ui {

// What the menu remembers between frames. Owned by the KioskUi and reset when the visitor leaves:
// the settings themselves live in the navigator (core::AccessibilitySettings), this is only
// whether the panel is open and what it still has to say.
struct AccessibilityMenuMemory {
    bool open = false;   // the top bar's button sets it, through FrameContext::openAccessibilityMenu
    bool shown = false;  // drawn in the last frame: a menu opened again starts at its top
    // In speech guidance, said in the next frame, once the change took effect: a new volume or
    // rate in the new voice (not the old one once more), a switch's new state.
    std::string sample;
    // Frames until "speech guidance is on, this is how it works" is said: after the mode's first
    // words about the screen, which would otherwise cut it off.
    int explainNonVisualIn = 0;
    std::string languageBeforeEasy;  // where "Leichte Sprache: off" goes back to
};

// Draws the menu while `memory.open`, above everything drawn before it in the frame: the screen
// dimmed, a card with the settings that scrolls where it does not fit (200 % text on a small
// screen), Close at its foot. A tap beside the card closes it as Close does. Settings change
// through SetAccessibility and SetLanguage intents. Returns whether it was drawn.
bool drawAccessibilityMenu(FrameContext& ctx, AccessibilityMenuMemory& memory);

}  // namespace kiosk::ui
