// SDL's touch, mouse and key events as the non-visual mode (ui/non_visual_mode.hpp) takes them.
#pragma once

#include "core/util/clock.hpp"

union SDL_Event;

namespace kiosk::ui {
class NonVisualMode;
}

namespace kiosk::platform {

class RotatedCanvas;

// Gives `mode` what it needs of `event`: every finger (in UI coordinates, for the two-finger
// hold that turns the mode on), a real mouse as one finger, F1, and while the mode is on the
// navigation keys. True when the event is the mode's alone and must not reach ImGui as a touch
// or key: while it is on, fingers only speak, and only the mode's own taps press anything.
// `typing`: a text field is being edited, so letters, space, Enter and arrows stay with it.
bool routeToNonVisualMode(const SDL_Event& event, ui::NonVisualMode& mode, const RotatedCanvas& canvas, int windowWidth,
                          int windowHeight, bool typing, core::TimePoint now);

}  // namespace kiosk::platform
