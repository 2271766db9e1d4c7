// The running kiosk's heartbeat (issue 8): a worker thread that every heartbeat.interval_minutes
// (a little jitter) writes <state>/heartbeat.json and, if heartbeat.url is set, PUTs it to
// <url>/<name>/heartbeat.json. It never touches SDL, ImGui or the UI, and the frame loop never
// waits for it. `kiosk heartbeat` sends one the same way.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/config/kiosk_config.hpp"
#include "core/ops/heartbeat.hpp"
#include "core/ops/heartbeat_delivery.hpp"
#include "core/util/clock.hpp"

namespace kiosk::app {

// The heartbeat as this kiosk has it now: its packs, catalogs, self-test, disk, clock.
core::Heartbeat currentHeartbeat(const core::KioskConfig& config, const std::filesystem::path& stateFolder, core::WallTime now,
                                 std::optional<std::chrono::seconds> uptime, std::optional<std::string> schedule);

// <url>/<name>/heartbeat.json
std::string heartbeatUrl(const core::HeartbeatConfig& config);

struct HeartbeatDelivery {
    std::string fileProblem;  // writing the local file failed; empty when it was written
    bool sending = false;     // heartbeat.url is set
    core::HeartbeatOutcome outcome;  // of the PUT, when sending
    std::string credentialsWarning;  // the password file is readable by anyone
};

// Writes the file, then PUTs the same bytes if heartbeat.url is set. One try: no retries here.
HeartbeatDelivery deliverHeartbeat(const core::KioskConfig& config, const std::filesystem::path& stateFolder, const core::Heartbeat& heartbeat,
                                   const std::atomic<bool>* cancel = nullptr);

class HeartbeatSender {
public:
    // The first heartbeat comes `firstAfter` after the start: the first frame and the content
    // come first. `startedAt` (by `clock`) is when the kiosk started, for the uptime.
    HeartbeatSender(const core::KioskConfig& config, std::filesystem::path stateFolder, const core::Clock& clock, core::TimePoint startedAt,
                    const core::WallClock& wallClock, std::chrono::seconds firstAfter = std::chrono::seconds(10));
    ~HeartbeatSender();  // ends a PUT under way within about a second, then stops
    HeartbeatSender(const HeartbeatSender&) = delete;
    HeartbeatSender& operator=(const HeartbeatSender&) = delete;

    // "open" / "closed" from the opening hours, for the next heartbeats; none when there are none.
    // Any thread; never waits for a heartbeat under way.
    void setSchedule(std::optional<std::string> state);

private:
    void run();
    void beat();

    const core::KioskConfig& m_config;
    const std::filesystem::path m_stateFolder;
    const core::Clock& m_clock;
    const core::TimePoint m_startedAt;
    const core::WallClock& m_wallClock;
    const std::chrono::seconds m_firstAfter;
    core::HeartbeatLog m_log;  // worker only
    bool m_warnedAboutCredentials = false;  // worker only
    bool m_fileFailing = false;             // worker only: the last write of the local file failed
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::optional<std::string> m_schedule;
    std::atomic<bool> m_cancel{false};  // m_stop for the PUT under way
    std::thread m_worker;  // last: starts after every member above exists
};

}  // namespace kiosk::app
