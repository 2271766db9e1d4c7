// The touch pointer policy: a finger is only "there" while it touches, so nothing stays hovered.
#pragma once

#include <cfloat>

#include <imgui.h>

union SDL_Event;

namespace kiosk::platform {

class RotatedCanvas;

class PointerInput {
public:
    // Takes mouse events (SDL turns touches into them) in window coordinates.
    void handle(const SDL_Event& event, const RotatedCanvas& canvas);

    // Once per frame, after the SDL backend's NewFrame (which would otherwise overwrite it).
    void feed(ImGuiIO& io);

    // True while a release still has to be shown to ImGui, or a lifted finger removed.
    bool needsAnotherFrame() const { return m_pressLatched || m_releasePending; }

    // A tap made by the kiosk itself (the non-visual mode activating an element): a press at
    // `position` on the next frame, its release on the one after, exactly as a finger's.
    void tapAt(ImVec2 position);
    // Lets go of whatever the finger is pressing, off-screen, so it is never a tap; the finger's
    // events are ignored until it lifts.
    void cancel();

private:
    ImVec2 m_position{-FLT_MAX, -FLT_MAX};
    bool m_down = false;
    bool m_pressLatched = false;   // a press that may already be released when the frame starts
    bool m_releasePending = false; // the release frame still needs the position, to land on the widget
    bool m_cancelled = false;      // until the next press
};

}  // namespace kiosk::platform
