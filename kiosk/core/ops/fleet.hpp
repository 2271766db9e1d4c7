// `kiosk fleet`: the operator's view of many kiosks from the heartbeats they sent to the hub's
// server (DIR/<kiosk>/heartbeat.json, the WebDAV folder of deploy/nginx/kiosk-stats.conf).
// Problems first: kiosks gone silent, files that cannot be read, kiosks reporting warnings.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/ops/heartbeat.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

// One DIR/<folder>/heartbeat.json as found on the server.
struct FleetFile {
    std::filesystem::path file;
    std::string folder;                  // the kiosk's folder: its name as the server let it write
    std::optional<Heartbeat> heartbeat;  // none: the file is broken (`problem` says how)
    std::string problem;
    WallTime arrived;  // the file's modification time: when the server stored it, by the server's clock
};

// Every DIR/*/heartbeat.json, by folder name. A folder without one is not a kiosk (yet) and is
// left out; an unreadable or broken file is kept, with its problem.
std::vector<FleetFile> readFleetFolder(const std::filesystem::path& dir);

enum class FleetState { Silent, Broken, Warnings, Fine };  // in the order the listing shows them

// A kiosk clock this far from the server's is worth a look: the usage log counts by it.
inline constexpr std::chrono::minutes kClockOffTolerance{10};

struct FleetRow {
    FleetState state = FleetState::Fine;
    std::string name;      // the folder's
    std::string file;      // for a broken one
    std::string lastSeen;  // "4 min ago", "-" when unknown
    std::string version;
    std::string uptime;    // "3 d 4 h", or "-" when `kiosk heartbeat` wrote it
    std::string content;   // "8 packs: hub v41, 1 from folders"
    std::string sync;      // "ok 12 min ago", "hub failed 3 min ago: …", "off"
    std::string schedule;  // "open", "closed" or "-"
    std::string freeSpace;  // "12.3 GiB free", or "-"
    std::vector<std::string> problems;  // why it is not fine: silence, the kiosk's warnings, a clock off, a broken file
};

struct FleetOptions {
    WallTime now;
    // Silent after this long without a heartbeat; none: three of the kiosk's own intervals.
    std::optional<std::chrono::minutes> staleAfter;
};

// Sorted: silent, broken, with warnings, fine; by name within each.
std::vector<FleetRow> assessFleet(const std::vector<FleetFile>& files, const FleetOptions& options);

// One line per kiosk, then a summary line.
std::string fleetText(const std::vector<FleetRow>& rows, const std::filesystem::path& dir);

// 30 seconds → "30 s", 90 → "1 min", 7200 → "2 h", 3 days → "3 d" (hours up to two days).
std::string ageText(std::chrono::seconds age);
// The same as how long ago: "just now" under a minute, else "12 min ago".
std::string agoText(std::chrono::seconds age);

}  // namespace kiosk::core
