// The non-visual mode (issue 5): a blind visitor uses the kiosk by touch and hearing alone. A
// touch says what is under the finger, a swipe right or left moves to the next or previous
// element in reading order and says it, a double tap anywhere activates the element said last.
// Two fingers held on the screen (or F1) turn the mode on and off, from the attract loop too.
//
// It works on the item registry every screen fills anyway, so every screen, flow and the
// on-screen keyboard are usable this way without code of their own beyond describing their
// elements. Activating an element is a real tap at its centre, fed to ImGui by the platform:
// the element behaves exactly as under a finger.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/access/gesture_recognizer.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// The name KioskUi gives the staff screen: the mode is off there (staff are sighted, and their
// screen must take fingers as fingers), whatever the visitor had set.
inline constexpr std::string_view kStaffScreen = "staff";

// What a keyboard or keypad asks of the mode.
enum class NonVisualCommand { Toggle, Next, Previous, Activate };

class NonVisualMode {
public:
    // `fingerSize` is about a finger's width in pixels (the display's em at 100 % text): taps,
    // swipes and holds are measured against it, not against the text size.
    explicit NonVisualMode(float fingerSize);

    // Between frames, from the platform: every finger (and mouse) event in UI coordinates. Fed
    // while the mode is off too, so the two-finger hold can turn it on.
    void fingerEvent(const core::FingerEvent& event);
    void command(NonVisualCommand command);
    // The window lost the fingers (focus went elsewhere): a finger's lift may never come, and a
    // finger still counted as down would make every later touch the second of two.
    void forgetFingers() { m_gestures.reset(); }
    // Now and then: completes gestures that only time decides (a single tap, a hold).
    void poll(core::TimePoint now);
    std::optional<core::TimePoint> nextDeadline() const { return m_gestures.nextDeadline(); }
    // Gestures or keys wait for a frame to act on them.
    bool hasPending() const { return !m_pending.empty() || !m_commands.empty(); }

    // Acts on what came in since the last frame, against the elements this frame drew
    // (`ctx.items` is complete): speaks, moves the focus, emits intents, frames the focus.
    // `screen` names what is on screen ("home", "page:pack/page", "flow:…"): when it changes,
    // the new screen's heading is said. Call at the end of KioskUi::draw.
    void frame(FrameContext& ctx, const std::string& screen, bool idlePrompt);

    // While the mode is on, fingers must not reach ImGui: only the taps the mode makes do.
    bool active() const { return m_active; }
    // The tap the platform gives ImGui next (press, then release, at this point), once.
    std::optional<ImVec2> takeTap();
    // The finger that turned the mode on was also pressing something: the platform lets go of
    // it off-screen, so that press is never a tap. Once.
    bool takePointerCancel();
    // An element the mode moved to lies outside its scrolling area: the area shows it next frame.
    const std::optional<ItemRect>& revealRequest() const { return m_reveal; }

    const std::string& focusedId() const { return m_focus; }

private:
    void toggle(FrameContext& ctx);
    void announceScreen(FrameContext& ctx, bool afterWhatIsSaid);
    void focusOn(FrameContext& ctx, const ItemRect& item);
    void move(FrameContext& ctx, int direction);
    void activate(FrameContext& ctx);
    void touch(FrameContext& ctx, ImVec2 at);
    void say(FrameContext& ctx, std::string text, bool afterWhatIsSaid = false);
    std::string describe(FrameContext& ctx, const ItemRect& item) const;

    core::GestureRecognizer m_gestures;
    std::vector<core::Gesture> m_pending;
    std::vector<NonVisualCommand> m_commands;
    bool m_active = false;
    std::string m_screen;
    std::string m_focus;
    std::string m_activating;  // an element to tap once it is in view
    std::optional<ImVec2> m_tap;
    // After a tap on "next": frames since, until the step shows whether it was refused.
    std::optional<int> m_framesSinceNext;
    bool m_cancelPointer = false;
    bool m_skipNextScreenInterrupt = false;  // the mode's explanation is heard out before the screen
    std::optional<ItemRect> m_reveal;
};

}  // namespace kiosk::ui
