// The heartbeat (issue 8): what an operator watching many kiosks needs to see of one, as a small
// JSON file the running kiosk writes to <state>/heartbeat.json every few minutes and sends to the
// hub's server. It describes the machine and its content, never its visitors: no counts, no
// pages viewed, not even whether someone is at the screen (that is the usage log's job, and the
// usage log never leaves the kiosk except as suppressed daily totals).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/clock.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

// The "format" field: a reader refuses a number it does not know instead of guessing.
inline constexpr int kHeartbeatFormat = 1;
// Far above any real heartbeat (a few KiB); a file larger than this is not one.
inline constexpr std::uintmax_t kMaxHeartbeatBytes = 256 * 1024;

enum class PackSource { ContentFolder, Catalog };

struct HeartbeatPack {
    std::string id;
    std::string version;
    PackSource source = PackSource::ContentFolder;
    std::string from;  // the content folder's path, or the catalog's name
    bool operator==(const HeartbeatPack&) const = default;
};

struct HeartbeatCatalog {
    std::string name;
    std::int64_t activeVersion = 0;  // the catalog version shown; 0: nothing installed yet
    std::optional<WallTime> lastAttempt;
    std::optional<WallTime> lastSuccess;
    std::string problem;  // of the last attempt; empty when it succeeded
    bool refused = false;  // that problem was content failing verification
    bool operator==(const HeartbeatCatalog&) const = default;
};

struct Heartbeat {
    std::string kiosk;    // heartbeat.name; empty when not configured
    std::string version;  // the kiosk program's
    WallTime writtenAt;   // by the kiosk's clock, whole seconds (JSON: UTC, ISO 8601)
    std::optional<std::int64_t> uptimeSeconds;  // of the running kiosk; none when `kiosk heartbeat` wrote it
    std::chrono::seconds interval{300};          // the next heartbeat is due after about this long
    std::optional<std::string> schedule;         // "open" / "closed" when opening hours are configured
    std::optional<std::uintmax_t> freeBytes;     // in the state folder's file system; none if it cannot be asked
    // The self-test's clock check: not before this build, not before a catalog signature the
    // kiosk has seen. Whether NTP set the clock is not known here; `kiosk fleet` compares the
    // time written with the time the file arrived.
    bool clockPlausible = true;
    std::vector<HeartbeatPack> packs;        // what the kiosk shows, in home-screen order
    std::vector<HeartbeatCatalog> catalogs;  // each followed catalog, in the config's order
    std::vector<std::string> warnings;       // what needs an operator, in plain words; empty when all is well
    bool operator==(const Heartbeat&) const = default;
};

std::string heartbeatJson(const Heartbeat& heartbeat);

// The heartbeat in `json`; an error naming `source` (the file) and the field for anything that is
// not a heartbeat of a format this kiosk knows.
Result<Heartbeat> parseHeartbeat(std::string_view json, const std::string& source);

std::filesystem::path heartbeatFilePath(const std::filesystem::path& stateFolder);

// Writes <stateFolder>/heartbeat.json atomically. Empty on success, else what failed.
std::string writeHeartbeatFile(const std::filesystem::path& stateFolder, const Heartbeat& heartbeat);

}  // namespace kiosk::core
