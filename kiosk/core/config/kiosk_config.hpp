// The kiosk's configuration as a typed struct, loaded from config/kiosk.toml and validated.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/config/heartbeat_config.hpp"
#include "core/config/schedule_config.hpp"
#include "core/config/sync_config.hpp"
#include "core/nav/visit_timer.hpp"
#include "core/staff/staff_gesture.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

enum class WindowMode { Fullscreen, Windowed };

// Sizes the kiosk draws at, windowed or as a screenshot. 8192 covers 8K panels; larger surfaces
// cost gigabytes of memory and push glyphs past what the font rasteriser handles.
inline constexpr int kMinWindowWidth = 320;
inline constexpr int kMinWindowHeight = 240;
inline constexpr int kMaxWindowSide = 8192;

struct PixelSize {
    int width;
    int height;
};

// "1920x1080" → {1920, 1080}; nullopt for anything else or sizes outside the limits above.
std::optional<PixelSize> parsePixelSize(const std::string& text);

struct WindowConfig {
    WindowMode mode = WindowMode::Fullscreen;
    int width = 1280;   // windowed size; fullscreen uses the display's size
    int height = 720;
    int rotation = 0;   // degrees clockwise, 0/90/180/270, for screens mounted in portrait
    float diagonalInches = 0;  // the panel's size, for touch targets of at least 9 mm; 0: unknown
    float bottomEdgeMm = 0;    // the picture's lower edge above the floor, for low mode; 0: unknown
};

// [usage]: the anonymous usage log and what `kiosk stats` may show.
inline constexpr int kMinCellSessionsFloor = 3;  // below this, a cell can single out a visitor

struct UsageConfig {
    int retentionDays = 180;   // usage.retention_days: sessions older than this are deleted
    int minCellSessions = 5;   // usage.min_cell_sessions: smaller counts are suppressed in stats
    // The daily upload of those suppressed numbers (`kiosk stats upload`); off while url is empty.
    std::string uploadUrl;                       // usage.upload_url: http(s)://…, a WebDAV folder
    std::string uploadName;                      // usage.upload_name: this kiosk's name there
    std::filesystem::path uploadCredentialsFile;  // usage.upload_credentials_file: "user:password"
};

struct KioskConfig {
    std::vector<std::filesystem::path> contentFolders;  // absolute after loading
    std::filesystem::path stateFolder;                  // empty: the caller picks the XDG default
    std::vector<std::string> languages{"de", "en"};
    std::string defaultLanguage = "de";
    std::chrono::seconds idleReset{90};       // idle.reset_after_seconds: on pages and home
    std::chrono::seconds flowIdleReset{180};  // idle.flow_reset_after_seconds: within a flow
    std::chrono::seconds idlePrompt{20};      // idle.prompt_seconds: the countdown before a reset
    int speechHintMinutes = 2;  // idle.speech_hint_minutes: the attract loop says how to get speech guidance; 0: never
    StaffGestureConfig staffGesture;          // [staff]: the hidden taps that open the PIN prompt
    WindowConfig window;
    UsageConfig usage;
    SyncConfig sync;
    ScheduleConfig schedule;
    HeartbeatConfig heartbeat;
};

// The visit's timing as the navigator uses it. A flow never gets less time than a page, and the
// countdown takes at most half of the page time, so a short --idle-seconds still leaves a visit.
IdlePolicy idlePolicy(const KioskConfig& config);

// Reads and validates a config file. Relative folders are resolved against the file's folder,
// so the same file works wherever the kiosk is started from. Reports every problem in the file.
Result<KioskConfig, Diagnostics> loadConfig(const std::filesystem::path& file);

// Checks rules that span keys (default language among the available ones, …). Also used after
// command-line overrides, which can break them.
Diagnostics validateConfig(const KioskConfig& config, const std::string& source);

}  // namespace kiosk::core
