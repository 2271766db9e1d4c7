// The staff screen behind the hidden corner taps: a PIN pad, then the kiosk's status and what
// staff may do (reload content, quit the kiosk). While it is open the visitor's screen is not
// drawn at all, so no touch on it can reach the visitor's screen beneath.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/staff/staff_gesture.hpp"
#include "ui/frame_context.hpp"
#include "ui/staff/staff_access.hpp"
#include "ui/staff/staff_status_lines.hpp"
#include "ui/staff/staff_self_test_view.hpp"
#include "ui/staff/staff_stats_view.hpp"

namespace kiosk::ui {

// What staff asked for; the window loop carries it out after the frame.
// TookOver: the right PIN was entered; the visitor's session (for the usage log) ends here.
// Restart: the kiosk starts afresh (the same process image again); Exit: it ends for good.
enum class StaffRequest { None, TookOver, Exit, Restart, ReloadContent };

class StaffScreen {
public:
    explicit StaffScreen(StaffAccess access) : m_access(std::move(access)), m_gesture(m_access.gesture) {}

    // Call first in every frame: watches touches for the gesture. Returns true when the staff
    // screen is open (and drawn); then the caller draws nothing else.
    bool draw(FrameContext& ctx);

    // Once: what staff asked for in the last frame.
    StaffRequest takeRequest();

    bool isOpen() const { return m_mode != Mode::Closed; }

private:
    enum class Mode { Closed, Pin, Menu, Stats, SelfTest };

    void drawPinPad(FrameContext& ctx);
    void drawMenu(FrameContext& ctx);
    void drawActions(FrameContext& ctx, float x, float width, bool oneColumn);
    void openStats();
    void drawStats(FrameContext& ctx);
    void pressKey(char key);
    void submitPin(FrameContext& ctx);
    void close();

    StaffAccess m_access;
    core::StaffGesture m_gesture;
    Mode m_mode = Mode::Closed;
    std::string m_digits;   // wiped on every close
    std::string m_message;  // under the PIN dots: wrong PIN, wait, no PIN set
    double m_lastTouch = 0;
    StaffRequest m_request = StaffRequest::None;
    // Computed once when the view opens, never per frame; dropped on close, so a later opening
    // shows fresh numbers and nothing of the log stays in memory behind a closed door.
    StaffStatsView m_statsView;
    StaffSelfTestView m_selfTestView;
    bool m_syncStarted = false;    // "sync now" was tapped since the menu opened
    bool m_importStarted = false;  // "import from USB" was tapped since the menu opened
    StaffFacts m_facts;            // read when the menu opens
};

}  // namespace kiosk::ui
