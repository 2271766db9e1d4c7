// `kiosk run`: wires config, content, navigation, the staff screen and the window loop together.
#include <cstdio>
#include <future>
#include <optional>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/background_sync.hpp"
#include "app/heartbeat_sender.hpp"
#include "app/self_test_input.hpp"
#include "app/startup.hpp"
#include "core/nav/navigator.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/sync/shown_packs_claim.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "platform/memory_release.hpp"
#include "platform/system_info.hpp"
#include "platform/window_loop.hpp"

namespace kiosk::app {

int runCommand(const CommandLine& line, core::TimePoint startedAt) {
    platform::limitMallocArenas();  // before the first worker thread (platform/memory_release.hpp)
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const std::filesystem::path state = prepareStateFolder(*config);
    // Reloaded in place from the staff screen: the navigator keeps a reference to it. Loaded on a
    // thread of its own while the fonts are rasterised (they need nothing of it), and in place
    // before the first frame (tests/bench/RESULTS.md, "Start-up"); its problems are reported from
    // that thread. Started by the window loop once SDL is up (WindowLoopOptions::startContent).
    core::PackLibrary library;
    std::future<core::PackLibrary> loading;
    // The synced packs on screen, claimed until the process ends: another process's sync or
    // import removes no folder this kiosk shows (core/sync/shown_packs_claim.hpp).
    std::optional<core::ShownPacksClaim> shownClaim;
    if (!config->sync.catalogs.empty()) shownClaim.emplace(state);
    core::ShownPacksClaim* const shown = shownClaim ? &*shownClaim : nullptr;

    core::SteadyClock clock;
    const core::SystemWallClock wallClock;
    // Declared before the navigator, so it outlives it; its destructor commits what is queued.
    core::UsageLogOptions usageOptions;
    usageOptions.retentionDays = config->usage.retentionDays;
    core::SqliteUsageLog usageLog(state, wallClock, usageOptions);
    core::Navigator navigator(library, config->languages, config->defaultLanguage, core::idlePolicy(*config), clock.now());
    navigator.setUsageLog(&usageLog);
    core::StaffPin staffPin(state, wallClock);

    platform::WindowLoopOptions options;
    options.window = config->window;
    options.maxFrames = line.run.frames;
    options.startedAt = startedAt;
    // The opening hours decide when the screen is dark; a `--frames` smoke run draws its frames at any hour.
    core::ScreenSchedule schedule(config->schedule.hours, config->schedule.wakeOnTouch);
    if (options.maxFrames == 0 && !config->schedule.hours.always) {
        options.schedule = &schedule;
        options.wallClock = &wallClock;
    }
    platform::ServiceNotifier notifier = platform::ServiceNotifier::fromEnvironment();
    options.notifier = &notifier;
    options.speech = true;
    options.speechHintMinutes = config->speechHintMinutes;
    options.staff = ui::StaffAccess{&staffPin, config->staffGesture, config->contentFolders, state, &wallClock, config->usage.minCellSessions,
                                    &usageLog, core::catalogNames(config->sync)};
    options.staff->selfTest = [&] { return core::runSelfTest(selfTestInput(*config, state)); };
    options.staff->schedule = options.schedule;
    options.staff->clockSynchronised = platform::systemClockSynchronised;
    options.staff->allowQuit = !notifier.supervised();
    options.reloadContent = [&] {
        library = loadLibraryReporting(*config, shown);
        navigator.libraryChanged();
    };
    // Synced content switches only while nobody is at the screen: never under a visitor's finger.
    const core::ContentStore store(state);
    store.clearStaging();
    std::optional<BackgroundSync> sync;
    if (!config->sync.catalogs.empty()) {
        options.staff->syncNow = [&] { sync->requestSync(); };
        if (!config->sync.importFolder.empty()) options.staff->importNow = [&] { sync->requestImport(); };
        options.pollMilliseconds = 5000;
        options.poll = [&](ui::KioskUi& ui) {
            if (navigator.visit().phase() != core::VisitorPhase::Attract || !sync->takeNewContent()) return false;
            options.reloadContent();
            ui.forgetTextures();
            return true;
        };
    }
    // <state>/heartbeat.json every few minutes, and to heartbeat.url if set: for `kiosk fleet` on the hub's server.
    std::optional<HeartbeatSender> heartbeat;
    if (options.schedule) {
        options.screenDarkChanged = [&](bool dark) {
            if (heartbeat) heartbeat->setSchedule(dark ? "closed" : "open");
        };
    }
    // The content in place, then the workers that read the content and the state folder beside
    // it (a sync installs and removes pack versions, a heartbeat loads every pack): they start
    // once the loading above is done, never beside it.
    options.startContent = [&] { loading = std::async(std::launch::async, [&config, shown] { return loadLibraryReporting(*config, shown); }); };
    options.awaitContent = [&] {
        library = loading.get();
        navigator.libraryChanged();
        if (!config->sync.catalogs.empty()) sync.emplace(*config, store, shown);
        heartbeat.emplace(*config, state, clock, startedAt, wallClock);
        if (options.schedule) heartbeat->setSchedule("open");
    };
    const auto result = platform::runWindowLoop(options, navigator, clock, platform::systemFontFiles());
    // Only staff or an operator can close the kiosk: a visit still running ends for that reason.
    navigator.endSession(core::SessionEndReason::Staff, clock.now());
    if (!result.error.empty()) {
        std::fprintf(stderr, "kiosk: %s\n", result.error.c_str());
        return kExitNoDisplay;
    }
    if (result.restartRequested) return kRestartRequested;
    return result.staffQuit ? kExitStaffQuit : kExitOk;
}

}  // namespace kiosk::app
