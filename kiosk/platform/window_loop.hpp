// The kiosk on a real screen: window, event pump, idle-aware frame loop.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/config/kiosk_config.hpp"
#include "core/nav/navigator.hpp"
#include "core/ops/screen_schedule.hpp"
#include "core/util/clock.hpp"
#include "platform/service_notifier.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/theme.hpp"

namespace kiosk::platform {

struct WindowLoopOptions {
    core::WindowConfig window;
    int maxFrames = 0;            // > 0: draw exactly this many frames, then return (smoke tests, benchmarks)
    core::TimePoint startedAt{};  // for the "first frame after … ms" log line
    // Called about every `pollMilliseconds` between frames; returning true redraws the screen.
    // The preview polls its pack folder this way.
    std::function<bool(ui::KioskUi&)> poll;
    int pollMilliseconds = 500;
    // Staff asked to reload the content (the staff screen): the app loads it again and tells the
    // navigator; the loop then drops cached pictures and redraws.
    std::function<void()> reloadContent;
    // The kiosk loads its content on another thread while the fonts are rasterised:
    // `startContent` is called once SDL and the window are up (SDL forks `dbus-launch` while it
    // starts, and a fork beside a busy thread can leave the child hanging on a lock that thread
    // held), `awaitContent` once the fonts are done, to wait for the content to be there.
    std::function<void()> startContent;
    std::function<void()> awaitContent;
    // Set: the hidden corner taps open the staff screen (the kiosk itself, not the preview).
    std::optional<ui::StaffAccess> staff;
    // Opening hours: outside them, once nobody is at the screen, the loop shows black and draws
    // nothing until they begin or a touch wakes it. Null: always on. Needs wallClock.
    core::ScreenSchedule* schedule = nullptr;
    const core::WallClock* wallClock = nullptr;
    // systemd: READY=1 after the first frame, watchdog pings from the loop. Null: not supervised.
    ServiceNotifier* notifier = nullptr;
    // Pages offer "read aloud" (espeak-ng through SDL audio: platform/espeak_speech.hpp).
    bool speech = false;
    int speechHintMinutes = 0;  // the attract loop's spoken hint (KioskUi::setSpeechHintEvery)
    // Tests: this engine instead of espeak-ng (then `speech` is not needed). Owned by the caller.
    core::SpeechOutput* speechOutput = nullptr;
    // Told when the screen goes dark (true) or lights up again (false), for the heartbeat.
    std::function<void(bool dark)> screenDarkChanged;
};

struct WindowLoopResult {
    std::string error;  // empty: ended normally (window closed, SIGTERM, or maxFrames reached)
    bool staffQuit = false;         // staff quit the kiosk from the staff screen
    bool restartRequested = false;  // staff asked for a restart there
    int framesDrawn = 0;  // frames of the kiosk's screens; the black one outside opening hours is not counted
};

// Runs until the window is closed (windowed mode only: in fullscreen, closing is for staff),
// staff quit it from the staff screen, SIGINT/SIGTERM, or maxFrames. With nothing to show it sleeps in SDL_WaitEventTimeout and
// draws nothing, waking only for input or the navigator's next deadline.
WindowLoopResult runWindowLoop(const WindowLoopOptions& options, core::Navigator& navigator, const core::Clock& clock,
                               const ui::FontFiles& fonts);

}  // namespace kiosk::platform
