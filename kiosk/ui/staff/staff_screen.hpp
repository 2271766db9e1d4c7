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
#include "core/staff/staff_pin.hpp"
#include "core/ops/self_test.hpp"
#include "core/sync/sync_status.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "ui/frame_context.hpp"
#include "ui/staff/staff_self_test_view.hpp"
#include "ui/staff/staff_stats_view.hpp"

namespace kiosk::ui {

// What the app lends the staff screen.
struct StaffAccess {
    core::StaffPin* pin = nullptr;  // owned by the app
    core::StaffGestureConfig gesture;
    std::vector<std::filesystem::path> contentFolders;
    // For the statistics view: the state folder holding usage.sqlite, the clock that says which
    // 30 days are "the last", and config usage.min_cell_sessions. No clock: no statistics button.
    std::filesystem::path stateFolder{};
    const core::WallClock* wallClock = nullptr;  // owned by the app
    int minCellSessions = 5;
    // Its warnings (a broken file set aside, failed writes) show in the status; null: not shown.
    const core::SqliteUsageLog* usageLog = nullptr;  // owned by the app
    // The catalogs the kiosk follows ([sync]): their state in stateFolder/status.json is shown.
    std::vector<std::string> syncCatalogs{};
    // Set: the menu offers them. The self-test runs on the frame loop when tapped (it loads the
    // packs once, a few tens of milliseconds); syncNow only wakes the background sync.
    std::function<std::vector<core::SelfTestCheck>()> selfTest{};
    std::function<void()> syncNow{};
};

// What staff asked for; the window loop carries it out after the frame.
// TookOver: the right PIN was entered; the visitor's session (for the usage log) ends here.
enum class StaffRequest { None, TookOver, Exit, ReloadContent };

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
    bool m_syncStarted = false;  // "sync now" was tapped since the menu opened
    std::vector<core::CatalogStatus> m_syncStatus;  // read when the menu opens
};

}  // namespace kiosk::ui
