// What the app lends the staff screen: the PIN, the state folder, and what staff may ask the app to do.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/ops/screen_schedule.hpp"
#include "core/ops/self_test.hpp"
#include "core/staff/staff_gesture.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/util/clock.hpp"

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
    // Set when [sync] import_folder is: look for a USB stick's published folders now.
    std::function<void()> importNow{};
    // The opening hours ([schedule]); null: the kiosk is always on.
    const core::ScreenSchedule* schedule = nullptr;  // owned by the app
    // Whether the system clock follows a time server; nullopt: cannot tell. Asked when the menu opens.
    std::function<std::optional<bool>()> clockSynchronised{};
    // "Quit the kiosk" is offered only where there is somewhere to quit to: not under systemd,
    // which would start it again at once (cage exits 0 whatever the kiosk's code is).
    bool allowQuit = true;
};

}  // namespace kiosk::ui
