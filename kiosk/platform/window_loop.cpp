// Event pump → tick → (only if something changed) frame → present; see DESIGN.md §3.2.
#include "platform/window_loop.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

#include <SDL.h>
#include <imgui_impl_sdl.h>

#include "core/access/reach.hpp"
#include "core/media/ffmpeg_libraries.hpp"
#include "core/util/log.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/frame.hpp"
#include "platform/imgui_runtime.hpp"
#include "platform/kiosk_window.hpp"
#include "platform/memory_release.hpp"
#include "platform/non_visual_input.hpp"
#include "platform/pointer_input.hpp"
#include "platform/rotation.hpp"
#include "platform/screen_sleep.hpp"
#include "platform/sdl_runtime.hpp"
#include "platform/video_players.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk::platform {
namespace {

// ImGui settles a layout, a press or a release over two frames; drawing three after any change
// also clears the pressed look after a finger lifts.
constexpr int kFramesAfterChange = 3;
// A frame that throws is skipped; this many in a row means the UI is broken, not unlucky,
// and the process ends so the supervisor (systemd) restarts it.
constexpr int kMaxConsecutiveFailedFrames = 30;
// Even with no deadline the loop wakes now and then; cheap, and it bounds any missed wake-up.
constexpr int kLongestSleepMs = 60'000;

int millisecondsUntil(std::optional<core::TimePoint> deadline, core::TimePoint now) {
    if (!deadline) return kLongestSleepMs;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*deadline - now).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, kLongestSleepMs));
}

// Only a deliberate touch or key keeps a visitor "present". A hovering mouse or a panel that
// reports jitter must not postpone the idle reset, or the next visitor sees someone else's page.
bool isVisitorInput(const SDL_Event& event) {
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: case SDL_MOUSEWHEEL:
        case SDL_FINGERDOWN: case SDL_FINGERUP:
        case SDL_KEYDOWN: case SDL_TEXTINPUT:
            return true;
        case SDL_MOUSEMOTION:
            return (event.motion.state & SDL_BUTTON_LMASK) != 0;  // a drag
        default:
            return false;
    }
}

void presentBlack(SDL_Renderer* renderer, RotatedCanvas& canvas) {
    canvas.beginFrame();
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    canvas.present();
}

}  // namespace

WindowLoopResult runWindowLoop(const WindowLoopOptions& options, core::Navigator& navigator, const core::Clock& clock,
                               const ui::FontFiles& fonts) {
    WindowLoopResult result;
    SdlRuntime sdl(VideoTarget::Display);
    if (!sdl.ok()) {
        result.error = sdl.error();
        return result;
    }
    std::optional<KioskWindow> opened = openKioskWindow(options.window, result.error);
    if (!opened) return result;
    if (options.startContent) options.startContent();
    const bool fullscreen = opened->fullscreen;
    auto& window = opened->window;
    auto& renderer = opened->renderer;

    int outputWidth = 0;
    int outputHeight = 0;
    SDL_GetRendererOutputSize(renderer.get(), &outputWidth, &outputHeight);
    auto canvas = std::make_unique<RotatedCanvas>(renderer.get(), options.window.rotation, outputWidth, outputHeight);
    const ImVec2 logical = canvas->logicalSize();
    core::logInfo("display", "renderer '" + opened->rendererName + "', " + std::to_string(outputWidth) + "x" +
                                 std::to_string(outputHeight) + (fullscreen ? " fullscreen" : " windowed") +
                                 ", rotation " + std::to_string(options.window.rotation));

    ui::Theme theme = ui::Theme::forDisplay(static_cast<int>(logical.x), static_cast<int>(logical.y), options.window.diagonalInches);
    ImGuiRuntime imgui(window.get(), renderer.get(), theme, fonts);
    if (!imgui.fontWarning().empty()) core::logWarning("fonts", imgui.fontWarning());
    // Before the speech worker: espeak-ng sets the C locale while it starts, and the content
    // loading on its thread must be done before anything else runs beside it.
    if (options.awaitContent) options.awaitContent();
    // After SDL (it opens SDL's audio) and before the UI that reads through it; gone before SDL is.
    std::unique_ptr<EspeakSpeech> speech = options.speech && !options.speechOutput ? std::make_unique<EspeakSpeech>() : nullptr;
    // Before the UI that plays through it, so its textures go before the renderer does.
    PlatformVideoPlayers videos(renderer.get(), true);
    ui::KioskUi ui(renderer.get(), theme);
    ui.setVideoPlayers(&videos);
    const core::LowModeArea lowMode =
        core::lowModeArea(static_cast<int>(logical.x), static_cast<int>(logical.y), options.window.diagonalInches, options.window.bottomEdgeMm);
    ui.setLowModeTop(lowMode.top);
    if (lowMode.withinReach) {
        core::logInfo("display", "low mode uses " + lowMode.note);
    } else {
        core::logWarning("display", "low mode uses " + lowMode.note);
    }
    ui.setSpeech(options.speechOutput ? options.speechOutput : speech.get());
    if (options.staff) ui.enableStaffScreen(*options.staff);
    ui.setSpeechHintEvery(std::chrono::minutes(options.speechHintMinutes));
    PointerInput pointer;

    int pendingFrames = kFramesAfterChange;
    int consecutiveFailures = 0;
    // When a playing clip wants the next frame. Kept as a time, not asked again after the wait:
    // a clip waiting for its first picture (or a decoder that is behind) always answers "look
    // again in 10 (50) ms", so a fresh answer is never "now": only a frame drawn for another reason
    // would look.
    std::optional<core::TimePoint> pictureDue;
    core::TimePoint nextPoll = clock.now();
    ScreenSleep sleep(options.schedule, options.wallClock);
    bool wasInVisit = false;
    bool running = true;
    while (running) {
        if (sleep.update(navigator.visit().phase() == core::VisitorPhase::Attract && !ui.staffScreenOpen())) {
            if (options.screenDarkChanged) options.screenDarkChanged(sleep.dark());
            if (sleep.dark()) {
                videos.forgetVisitor();  // no frames in the dark: an attract clip would play on unseen
                presentBlack(renderer.get(), *canvas);
                // Started outside opening hours: black is what the kiosk shows, and systemd's
                // Type=notify start would otherwise time out and restart it all night.
                if (options.notifier) options.notifier->ready();
            }
            pendingFrames = kFramesAfterChange;
        }
        int timeout = 0;
        if (sleep.dark()) {
            timeout = sleep.darkSleepMilliseconds();  // the attract loop's deadlines do not matter in the dark
        } else if (pendingFrames <= 0 && options.maxFrames == 0) {
            timeout = millisecondsUntil(navigator.nextDeadline(), clock.now());
        }
        if (options.poll) timeout = std::min(timeout, options.pollMilliseconds);
        if (options.notifier) timeout = std::min(timeout, millisecondsUntil(options.notifier->nextPingDue(), clock.now()));
        // A page read aloud: the highlight follows the voice, about ten times a second.
        constexpr int kSpeechRedrawMs = 100;
        const bool speaking = !sleep.dark() && ui.speaking();
        if (speaking) timeout = std::min(timeout, kSpeechRedrawMs);
        // A tap waits to be told from a double tap; two fingers wait to be a hold.
        if (!sleep.dark()) timeout = std::min(timeout, millisecondsUntil(ui.nonVisual().nextDeadline(), clock.now()));
        // A playing clip: the loop wakes when its next picture is due, and draws only then.
        if (const auto picture = videos.millisecondsToNextPicture(clock.now()); picture && !sleep.dark()) {
            const core::TimePoint due = clock.now() + std::chrono::milliseconds(*picture);
            pictureDue = pictureDue ? std::min(*pictureDue, due) : due;
        }
        if (pictureDue && !sleep.dark()) timeout = std::min(timeout, millisecondsUntil(pictureDue, clock.now()));
        SDL_Event event;
        for (bool got = SDL_WaitEventTimeout(&event, timeout) != 0; got; got = SDL_PollEvent(&event) != 0) {
            const bool visitorInput = isVisitorInput(event);
            const bool wasDark = sleep.dark();
            if (sleep.swallow(event, visitorInput)) {
                if (wasDark && !sleep.dark()) {  // woken
                    pendingFrames = kFramesAfterChange;
                    if (options.screenDarkChanged) options.screenDarkChanged(false);
                }
                continue;
            }
            const bool typing = ImGui::GetIO().WantTextInput;
            if (routeToNonVisualMode(event, ui.nonVisual(), *canvas, outputWidth, outputHeight, typing, clock.now())) {
                if (visitorInput) navigator.noteActivity(clock.now());
                pendingFrames = std::max(pendingFrames, 1);
                continue;
            }
            ImGui_ImplSDL2_ProcessEvent(&event);
            pointer.handle(event, *canvas);
            if (visitorInput) {
                navigator.noteActivity(clock.now());
                pendingFrames = kFramesAfterChange;
            }
            if (event.type == SDL_QUIT) {
                running = false;  // SIGTERM or SIGINT: the supervisor or an operator asked
            } else if (event.type == SDL_WINDOWEVENT) {
                pendingFrames = kFramesAfterChange;
                if (event.window.event == SDL_WINDOWEVENT_CLOSE) {
                    if (fullscreen) {
                        core::logInfo("display", "ignored a request to close the window: fullscreen kiosks close only for staff");
                    } else {
                        running = false;
                    }
                } else if (event.window.event == SDL_WINDOWEVENT_MINIMIZED && fullscreen) {
                    // A window manager's shortcut minimised the kiosk: a visitor would see the desktop.
                    core::logWarning("display", "the window was minimised; restoring it (fullscreen kiosks stay on screen)");
                    SDL_RestoreWindow(window.get());
                    SDL_RaiseWindow(window.get());
                } else if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                    ui.nonVisual().forgetFingers();
                } else if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                    SDL_GetRendererOutputSize(renderer.get(), &outputWidth, &outputHeight);
                    canvas = std::make_unique<RotatedCanvas>(renderer.get(), options.window.rotation, outputWidth, outputHeight);
                }
                if (sleep.dark()) presentBlack(renderer.get(), *canvas);  // an exposed or resized window stays black
            }
        }
        // From the loop itself, never from a thread: a loop stuck anywhere stops the pings, and
        // systemd's WatchdogSec restarts the kiosk.
        if (options.notifier) options.notifier->alive(clock.now());
        ui.nonVisual().poll(clock.now());
        if (ui.nonVisual().hasPending()) pendingFrames = std::max(pendingFrames, 1);
        if (speaking) {
            pendingFrames = std::max(pendingFrames, 1);
            // Someone listening is there: a long page read aloud never runs into the idle reset.
            // The countdown starts when the reading ends.
            navigator.noteActivity(clock.now());
        }
        // The clock's changes (an attract picture, a countdown second, the reset) involve no finger
        // and no layout to settle: one frame shows them, which keeps the attract loop's idle CPU low.
        if (navigator.tick(clock.now())) pendingFrames = std::max(pendingFrames, 1);
        if (options.poll && clock.now() >= nextPoll) {
            nextPoll = clock.now() + std::chrono::milliseconds(options.pollMilliseconds);
            if (options.poll(ui)) pendingFrames = kFramesAfterChange;
        }
        if (pictureDue && clock.now() >= *pictureDue) pendingFrames = std::max(pendingFrames, 1);
        // Nobody there and no clip open: FFmpeg loaded meanwhile by a heartbeat, a sync or the
        // self-test goes again at the next wake (the attract loop's next picture, the dark's next look).
        if (navigator.visit().phase() == core::VisitorPhase::Attract && videos.openClips() == 0 && core::ffmpegLoaded()) {
            releaseFreedMemory();
        }
        if (!running || sleep.dark() || (pendingFrames <= 0 && options.maxFrames == 0)) continue;

        imgui.adaptTo(navigator.accessibility());  // the visitor's contrast and text size
        canvas->beginFrame();
        pictureDue.reset();  // this frame takes the pictures due; the next wait asks anew
        std::vector<core::Intent> intents;
        try {
            videos.update(clock.now());  // inside: a failing clip skips a frame, it never ends the kiosk
            intents = drawFrame(renderer.get(), ui, navigator, theme.colors().background, [&](ImGuiIO& io) {
                ImGui_ImplSDL2_NewFrame();
                io.DisplaySize = canvas->logicalSize();
                io.DisplayFramebufferScale = ImVec2(1, 1);
                pointer.feed(io);
            });
            consecutiveFailures = 0;
        } catch (...) {
            // The screen keeps showing the last good frame: a half-drawn one is never presented.
            core::logError("frame", "a frame failed and was skipped: " + core::describeCurrentException());
            if (++consecutiveFailures >= kMaxConsecutiveFailedFrames) throw;
            continue;
        }
        canvas->present();
        finishFrame(ui, navigator, intents, clock.now());
        if (ui.nonVisual().takePointerCancel()) pointer.cancel();
        if (const auto tap = ui.nonVisual().takeTap()) {
            pointer.tapAt(*tap);
            pendingFrames = kFramesAfterChange;
        }
        switch (ui.takeStaffRequest()) {
            case ui::StaffRequest::Exit:
                core::logInfo("staff", "the kiosk was quit from the staff screen");
                result.staffQuit = true;
                running = false;
                break;
            case ui::StaffRequest::Restart:
                core::logInfo("staff", "a restart was asked for on the staff screen");
                result.restartRequested = true;
                running = false;
                break;
            case ui::StaffRequest::ReloadContent:
                if (options.reloadContent) options.reloadContent();
                ui.forgetTextures();
                pendingFrames = kFramesAfterChange;
                break;
            case ui::StaffRequest::TookOver:
                // Staff taps are not a visitor's: the visit on screen ends for the usage log.
                navigator.endSession(core::SessionEndReason::Staff, clock.now());
                break;
            case ui::StaffRequest::None: break;
        }
        if (!intents.empty()) pendingFrames = kFramesAfterChange + 1;
        --pendingFrames;
        if (pointer.needsAnotherFrame() || ui.wantsAnotherFrame()) pendingFrames = std::max(pendingFrames, 1);
        if (++result.framesDrawn == 1) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - options.startedAt).count();
            core::logInfo("display", "first frame presented " + std::to_string(ms) + " ms after start");
            if (options.notifier) options.notifier->ready();
            releaseFreedMemory();  // what loading the content took and gave back
        }
        // A visit ended: its pictures and layouts are freed; the attract loop needs little.
        const bool inVisit = navigator.visit().phase() != core::VisitorPhase::Attract;
        if (wasInVisit && !inVisit) releaseFreedMemory();
        wasInVisit = inVisit;
        if (options.maxFrames > 0 && result.framesDrawn >= options.maxFrames) running = false;
    }
    if (options.notifier) options.notifier->stopping();
    return result;
}

}  // namespace kiosk::platform
