// Lockdown (issue 4): the real window loop, fed real SDL events, is not ended or left by a visitor.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <SDL.h>
#include <doctest/doctest.h>

#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/system_info.hpp"
#include "platform/window_loop.hpp"
#include "sdl_events.hpp"

namespace {

using namespace kiosk;

using test::findKioskWindow;
using test::finger;
using test::push;

struct Key {
    SDL_Scancode scancode;
    SDL_Keycode sym;
    Uint16 mod;  // what SDL reports in keysym.mod while this key is down (a modifier includes itself)
};

void pushKey(Uint32 type, const Key& key, Uint16 mod, Uint32 windowId) {
    SDL_Event event{};
    event.type = type;
    event.key.windowID = windowId;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.scancode = key.scancode;
    event.key.keysym.sym = key.sym;
    event.key.keysym.mod = mod;
    push(event);
}

const Key kLeftCtrl{SDL_SCANCODE_LCTRL, SDLK_LCTRL, KMOD_LCTRL};
const Key kLeftAlt{SDL_SCANCODE_LALT, SDLK_LALT, KMOD_LALT};
const Key kLeftSuper{SDL_SCANCODE_LGUI, SDLK_LGUI, KMOD_LGUI};

// One step of a script runs in one iteration of the loop; its events are pumped by the next.
using Step = std::function<void(Uint32 windowId)>;

// A key combination as a keyboard sends it: modifiers down in order, the key down, and (a step
// later, so at least one frame sees the keys held, as ImGui 1.86 samples KeysDown once a frame)
// everything up in reverse. SDL_PushEvent bypasses SDL's keyboard state, so the modifier state
// that ImGui's backend reads with SDL_GetModState is set by hand alongside.
void addCombination(std::vector<Step>& script, std::vector<Key> modifiers, Key key) {
    Uint16 held = 0;
    for (const Key& modifier : modifiers) held = static_cast<Uint16>(held | modifier.mod);
    script.push_back([=](Uint32 windowId) {
        Uint16 mod = 0;
        for (const Key& modifier : modifiers) {
            mod = static_cast<Uint16>(mod | modifier.mod);
            SDL_SetModState(static_cast<SDL_Keymod>(mod));
            pushKey(SDL_KEYDOWN, modifier, mod, windowId);
        }
        SDL_SetModState(static_cast<SDL_Keymod>(held | key.mod));
        pushKey(SDL_KEYDOWN, key, static_cast<Uint16>(held | key.mod), windowId);
    });
    script.push_back([=](Uint32 windowId) {
        SDL_SetModState(static_cast<SDL_Keymod>(held));
        pushKey(SDL_KEYUP, key, held, windowId);
        Uint16 mod = held;
        for (auto modifier = modifiers.rbegin(); modifier != modifiers.rend(); ++modifier) {
            mod = static_cast<Uint16>(mod & ~modifier->mod);
            SDL_SetModState(static_cast<SDL_Keymod>(mod));
            pushKey(SDL_KEYUP, *modifier, mod, windowId);
        }
    });
    script.push_back([](Uint32) {});  // a frame with every key released
}

SDL_Event mouseButton(Uint32 type, Uint8 button, Uint32 windowId) {
    int width = 0;
    int height = 0;
    SDL_GetWindowSize(SDL_GetWindowFromID(windowId), &width, &height);
    SDL_Event event{};
    event.type = type;
    event.button.windowID = windowId;
    event.button.button = button;
    event.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.button.clicks = 1;
    event.button.x = width / 2;  // the middle of the screen, on whatever the page shows there
    event.button.y = height / 2;
    return event;
}

void addClick(std::vector<Step>& script, Uint8 button) {
    script.push_back([=](Uint32 windowId) { push(mouseButton(SDL_MOUSEBUTTONDOWN, button, windowId)); });
    script.push_back([=](Uint32 windowId) { push(mouseButton(SDL_MOUSEBUTTONUP, button, windowId)); });
    script.push_back([](Uint32) {});
}

void addWheel(std::vector<Step>& script) {
    for (const int notches : {-3, 3}) {
        script.push_back([=](Uint32 windowId) {
            SDL_Event event{};
            event.type = SDL_MOUSEWHEEL;
            event.wheel.windowID = windowId;
            event.wheel.y = notches;
            event.wheel.preciseY = static_cast<float>(notches);
            event.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
            push(event);
        });
    }
}

// Two fingers down, pinched together and swiped (the gestures desktops bind to overviews and
// workspace switches), then lifted.
void addTwoFingerGesture(std::vector<Step>& script) {
    script.push_back([](Uint32 windowId) {
        push(finger(SDL_FINGERDOWN, 1, 0.3f, 0.5f, windowId));
        push(finger(SDL_FINGERDOWN, 2, 0.7f, 0.5f, windowId));
    });
    script.push_back([](Uint32 windowId) {
        SDL_Event left = finger(SDL_FINGERMOTION, 1, 0.4f, 0.3f, windowId);
        left.tfinger.dx = 0.1f;
        left.tfinger.dy = -0.2f;
        SDL_Event right = finger(SDL_FINGERMOTION, 2, 0.6f, 0.3f, windowId);
        right.tfinger.dx = -0.1f;
        right.tfinger.dy = -0.2f;
        push(left);
        push(right);
    });
    script.push_back([](Uint32 windowId) {
        push(finger(SDL_FINGERUP, 1, 0.4f, 0.3f, windowId));
        push(finger(SDL_FINGERUP, 2, 0.6f, 0.3f, windowId));
    });
    script.push_back([](Uint32) {});
}

SDL_Event windowEvent(Uint8 what, Uint32 windowId) {
    SDL_Event event{};
    event.type = SDL_WINDOWEVENT;
    event.window.windowID = windowId;
    event.window.event = what;
    return event;
}

void addWindowEvent(std::vector<Step>& script, Uint8 what) {
    script.push_back([=](Uint32 windowId) { push(windowEvent(what, windowId)); });
    script.push_back([](Uint32) {});
}

// Every way a visitor (or a desktop reacting to one) might try to end or leave the kiosk.
std::vector<Step> escapeAttempts() {
    std::vector<Step> script;
    addCombination(script, {}, {SDL_SCANCODE_ESCAPE, SDLK_ESCAPE, KMOD_NONE});
    addCombination(script, {kLeftAlt}, {SDL_SCANCODE_F4, SDLK_F4, KMOD_NONE});
    addCombination(script, {kLeftCtrl}, {SDL_SCANCODE_Q, SDLK_q, KMOD_NONE});
    addCombination(script, {kLeftCtrl}, {SDL_SCANCODE_W, SDLK_w, KMOD_NONE});
    addCombination(script, {kLeftAlt}, {SDL_SCANCODE_TAB, SDLK_TAB, KMOD_NONE});
    addCombination(script, {}, kLeftSuper);
    addCombination(script, {}, {SDL_SCANCODE_F11, SDLK_F11, KMOD_NONE});
    addCombination(script, {kLeftCtrl, kLeftAlt}, {SDL_SCANCODE_BACKSPACE, SDLK_BACKSPACE, KMOD_NONE});
    addCombination(script, {kLeftCtrl, kLeftAlt}, {SDL_SCANCODE_DELETE, SDLK_DELETE, KMOD_NONE});
    addCombination(script, {kLeftCtrl, kLeftAlt}, {SDL_SCANCODE_F1, SDLK_F1, KMOD_NONE});  // VT switch
    addClick(script, SDL_BUTTON_RIGHT);
    addClick(script, SDL_BUTTON_MIDDLE);
    addWheel(script);
    addTwoFingerGesture(script);
    addWindowEvent(script, SDL_WINDOWEVENT_CLOSE);
    addWindowEvent(script, SDL_WINDOWEVENT_FOCUS_LOST);
    addWindowEvent(script, SDL_WINDOWEVENT_MINIMIZED);
    return script;
}

struct Run {
    platform::WindowLoopResult result;
    std::size_t stepsRun = 0;
    bool windowFound = false;
    bool stayedFullscreen = true;  // every iteration saw the window fullscreen, shown, not minimised
    bool queueDrained = true;      // every pushed event was taken by the loop before it ended
    // A real close request (Alt+F4 on X, the window manager's button) and a real focus loss reach
    // the app through SDL_SendWindowEvent, which first quits on the last window's close and
    // minimises a fullscreen window on focus loss unless these hints say no. SDL_PushEvent skips
    // that step, so the hints are read while the loop runs (SDL_Quit clears them afterwards).
    bool closeDoesNotQuit = false;
    bool focusLossDoesNotMinimize = false;
};

// Runs the real loop on SDL's dummy video driver for `maxFrames`, one script step per iteration.
Run runScripted(core::WindowMode mode, int maxFrames, const std::vector<Step>& script, core::Navigator& navigator,
                const core::Clock& clock) {
    Run run;
    platform::WindowLoopOptions options;
    options.window.mode = mode;
    options.maxFrames = maxFrames;
    options.startedAt = clock.now();
    // The loop calls `poll` once per iteration, after pumping events, when pollMilliseconds have
    // passed; with 0 and a clock that stands still that is every iteration. Events pushed here
    // are pumped at the start of the next one, exactly like input arriving between frames.
    options.pollMilliseconds = 0;
    options.poll = [&](ui::KioskUi&) {
        SDL_Window* window = findKioskWindow();
        if (window == nullptr) return false;
        run.windowFound = true;
        run.closeDoesNotQuit = !SDL_GetHintBoolean(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, SDL_TRUE);
        run.focusLossDoesNotMinimize = !SDL_GetHintBoolean(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, SDL_TRUE);
        if (mode == core::WindowMode::Fullscreen) {
            const Uint32 flags = SDL_GetWindowFlags(window);
            if ((flags & SDL_WINDOW_FULLSCREEN_DESKTOP) != SDL_WINDOW_FULLSCREEN_DESKTOP ||
                (flags & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN)) != 0 || (flags & SDL_WINDOW_SHOWN) == 0) {
                run.stayedFullscreen = false;
            }
        }
        if (run.stepsRun < script.size()) {
            script[run.stepsRun++](SDL_GetWindowID(window));
        } else {
            // Read on each later iteration; the last one shows what the loop left behind.
            run.queueDrained = SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 0;
        }
        return false;
    };
    run.result = platform::runWindowLoop(options, navigator, clock, platform::systemFontFiles());
    SDL_SetModState(KMOD_NONE);
    return run;
}

struct LoopFixture {
    core::PackLibrary library;
    core::ManualClock clock;  // stands still: no idle reset can change the navigator during the run
    core::Navigator nav;

    LoopFixture()
        : library(core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_TEST_DATA "/content"})),
          nav(library, {"de", "en"}, "de", std::chrono::seconds(60), clock.now()) {
        for (const core::Error& problem : library.problems) {
            REQUIRE_MESSAGE(problem.isWarning(), problem.describe());
        }
    }
};

}  // namespace

// What this proves: the kiosk itself acts on none of these. Ctrl+Alt+Backspace, Ctrl+Alt+Fn and
// Ctrl+Alt+Delete reach the X server or the kernel first; disabling them is the deployment's job
// (issue 8: DontZap and DontVTSwitch, or the cage compositor), which no test here can reach.
TEST_CASE("lockdown: in fullscreen the kiosk ends or leaves on no key, click, touch or window request it receives") {
    LoopFixture f;
    // A visitor deep in a pack, in a language that is not the default: a Back, a Home or an idle
    // reset triggered by any of the inputs would show up below.
    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    f.nav.apply(core::OpenPage{"second"}, f.clock.now());
    f.nav.apply(core::SetLanguage{"en"}, f.clock.now());
    const core::Location before = f.nav.location();
    const std::size_t historyBefore = f.nav.historyDepth();
    REQUIRE(before == core::Location{"test-pack", "second"});

    const std::vector<Step> script = escapeAttempts();
    const int maxFrames = static_cast<int>(script.size()) + 5;  // a few frames after the last attempt
    const Run run = runScripted(core::WindowMode::Fullscreen, maxFrames, script, f.nav, f.clock);

    REQUIRE_MESSAGE(run.result.error.empty(), run.result.error);
    REQUIRE(run.windowFound);
    CHECK(run.stepsRun == script.size());
    CHECK(run.queueDrained);
    CHECK(run.stayedFullscreen);
    CHECK(run.closeDoesNotQuit);
    CHECK(run.focusLossDoesNotMinimize);
    CHECK(run.result.framesDrawn == maxFrames);  // nothing ended the loop early
    CHECK(f.nav.location() == before);
    CHECK(f.nav.historyDepth() == historyBefore);
    CHECK(f.nav.language() == "en");
    CHECK(f.nav.flowSession() == nullptr);
}

// The counter-tests: the same harness does see an ending when there is one.
TEST_CASE("lockdown: in a window, closing it ends the loop at once") {
    LoopFixture f;
    std::vector<Step> script(3, [](Uint32) {});
    addWindowEvent(script, SDL_WINDOWEVENT_CLOSE);  // pushed in the 4th iteration, pumped in the 5th
    const int maxFrames = 40;
    const Run run = runScripted(core::WindowMode::Windowed, maxFrames, script, f.nav, f.clock);

    REQUIRE_MESSAGE(run.result.error.empty(), run.result.error);
    REQUIRE(run.windowFound);
    CHECK(run.result.framesDrawn < maxFrames);
    CHECK(run.result.framesDrawn == 4);
}

TEST_CASE("lockdown: SDL_QUIT (what SIGTERM and SIGINT become) ends the fullscreen loop") {
    LoopFixture f;
    std::vector<Step> script;
    addCombination(script, {kLeftAlt}, {SDL_SCANCODE_F4, SDLK_F4, KMOD_NONE});  // ignored, as above
    script.push_back([](Uint32) {
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        push(quit);
    });
    const int maxFrames = 40;
    const Run run = runScripted(core::WindowMode::Fullscreen, maxFrames, script, f.nav, f.clock);

    REQUIRE_MESSAGE(run.result.error.empty(), run.result.error);
    REQUIRE(run.windowFound);
    CHECK(run.stayedFullscreen);
    CHECK(run.result.framesDrawn < maxFrames);
    CHECK(run.result.framesDrawn == static_cast<int>(script.size()));
}
