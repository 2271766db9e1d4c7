// The staff menu's status at a glance, as label/value lines: what the kiosk shows, whether its
// log, syncs, disk and clock are well, and whether it is open. Built once per frame from facts
// read when the menu opened, so drawing the menu never touches a file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/pack_library.hpp"
#include "core/sync/sync_status.hpp"
#include "ui/staff/staff_access.hpp"
#include "ui/staff/staff_strings.hpp"

namespace kiosk::ui {

// Read from the disk and the system when the menu opens.
struct StaffFacts {
    std::vector<core::CatalogStatus> syncStatus;
    std::optional<std::uintmax_t> freeBytes;   // in the state folder's file system
    std::optional<bool> clockSynchronised;
};

StaffFacts readStaffFacts(const StaffAccess& access);

struct StatusLine {
    std::string label;  // empty: the value spans the whole line
    std::string value;
    bool problem = false;  // drawn in the failure colour, with words that say what is wrong
    std::string itemId;    // recorded for tests and speech output; empty: not recorded
};

struct StatusInput {
    const StaffAccess& access;
    const StaffFacts& facts;
    const core::PackLibrary& library;
    const StaffStrings& words;
    double uptimeSeconds;
};

std::vector<StatusLine> staffStatusLines(const StatusInput& in);

}  // namespace kiosk::ui
