// [heartbeat]: the small status file the running kiosk writes every few minutes for operators,
// and where it sends it (issue 8). The local file is always written; sending is off while url is empty.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace kiosk::core {

class TableReader;

struct HeartbeatConfig {
    std::string url;                        // a WebDAV folder; the file goes to <url>/<name>/heartbeat.json
    std::string name;                       // this kiosk's name there, an id ("foyer")
    std::filesystem::path credentialsFile;  // "user:password" on its first line; empty: no password
    std::chrono::minutes interval{5};       // between heartbeats, with jitter
    bool sends() const { return !url.empty(); }
};

// Reads [heartbeat] into `heartbeat`; the credentials file relative to `base`.
void readHeartbeatConfig(const TableReader& root, const std::filesystem::path& base, HeartbeatConfig& heartbeat);

}  // namespace kiosk::core
