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
    // The video player's controls and a page's sign-language clip (issue 11), in
    // ui/widgets/media_icons.cpp. "Off" states change the shape, never only the colour.
    Play,          // a triangle pointing right, its centre of mass on the icon's centre
    Pause,         // two bars
    Replay,        // a circular arrow, turning anticlockwise back to the start
    SoundOn,       // a speaker with two sound waves
    SoundOff,      // the speaker with a cross where the waves were
    Subtitles,     // a rounded screen with two rows of text dashes, the "CC" idea without letters
    SubtitlesOff,  // the same crossed out by a diagonal line
    Close,         // an X
    AudioDescription,  // an eye with sound waves: what is seen, told aloud
    // Two open hands signing, one higher than the other, with motion strokes: the idea of the
    // DGS logo (Deutsche Gebärdensprache) that BITV 2.0 has German public bodies mark their
    // sign-language videos with, drawn anew and without its letters.
    SignLanguage,
};

// Draws `icon` centred on `center`, `size` pixels across, with strokes of `thickness`.
void drawIcon(ImDrawList& draw, Icon icon, ImVec2 center, float size, float thickness, ImU32 color);

}  // namespace kiosk::ui
