// Line icons drawn as vector shapes, so they are crisp at every size and need no font or file.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

enum class Icon {
    None,
    Back,
    Home,
    Forward,
    // The on-screen keyboard's function keys, as on phone keyboards.
    Shift,      // an outlined arrow up
    ShiftOn,    // the same arrow filled: shift is on (a shape change, not only a colour)
    Backspace,  // a key cap pointing left with a cross
    HideKeyboard,  // a keyboard with a chevron down
    // The ISO/UN accessibility symbol: a person with outstretched arms in a ring, the sign
    // visitors know from websites and public buildings for "settings that make it easier".
    Accessibility,
    Minus,  // quieter, slower
    Plus,   // louder, faster
};

// Draws `icon` centred on `center`, `size` pixels across, with strokes of `thickness`.
void drawIcon(ImDrawList& draw, Icon icon, ImVec2 center, float size, float thickness, ImU32 color);

}  // namespace kiosk::ui
