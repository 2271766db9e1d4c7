// A clip in the real window loop (SDL's dummy video driver): after a skip the clip waits for its
// picture (it answers "look again in 10 ms" until the decoder has it), then plays on, and the loop
// wakes for each picture by itself, with no touch and no other reason to draw, to the clip's end.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <SDL.h>
#include <doctest/doctest.h>

#include "../core/temp_dir.hpp"
#include "../platform/video_clips.hpp"
#include "clip_pack.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/system_info.hpp"
#include "platform/window_loop.hpp"
#include "sdl_events.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

// 12 s of 1080p with one key frame, at the start: a skip to 10 s must decode from there.
std::filesystem::path oneKeyFrameClip() {
    return test::generatedClip("testsrc-1080p-one-keyframe.mp4",
                               "-f lavfi -i testsrc=size=1920x1080:rate=25 -t 12 -c:v libx264 -preset ultrafast -g 300 "
                               "-pix_fmt yuv420p -movflags +faststart");
}

// A pack whose start page has the clip (it has no sound: no audio device needed).
std::filesystem::path writeClipPack(const test::TempDir& dir) {
    test::writeClipPack(dir, oneKeyFrameClip(),
                        "title.de = \"Start\"\n\n[[blocks]]\ntype = \"video\"\nid = \"intro\"\nsrc = \"videos/intro.mp4\"\n"
                        "poster = \"images/poster.svg\"\nalt.de = \"Ein Testbild\"\n");
    return dir.path();
}

}  // namespace

TEST_CASE("video in the window loop: after a skip the clip waits for its picture and plays on to its end, with no touch") {
    test::TempDir dir;
    const core::PackLibrary library = core::loadPackLibrary(std::vector<std::filesystem::path>{writeClipPack(dir)});
    for (const core::Error& problem : library.problems) REQUIRE_MESSAGE(problem.isWarning(), problem.describe());
    core::SteadyClock clock;
    core::Navigator nav(library, {"de"}, "de", std::chrono::seconds(60), clock.now());
    nav.apply(core::OpenPack{"clips"}, clock.now());
    REQUIRE(nav.location().pageId == "start");

    const auto start = clock.now();
    platform::WindowLoopOptions options;
    options.window.mode = core::WindowMode::Fullscreen;
    options.pollMilliseconds = 50;
    // A click (how a touch screen's tap reaches the loop) on an element of the last frame.
    auto click = [](const ui::ItemRect& item) {
        SDL_Window* window = test::findKioskWindow();
        REQUIRE(window != nullptr);
        SDL_Event event{};
        event.type = SDL_MOUSEBUTTONDOWN;
        event.button.windowID = SDL_GetWindowID(window);
        event.button.button = SDL_BUTTON_LEFT;
        event.button.state = SDL_PRESSED;
        event.button.clicks = 1;
        event.button.x = static_cast<int>(item.center().x);
        event.button.y = static_cast<int>(item.center().y);
        test::push(event);
        event.type = SDL_MOUSEBUTTONUP;
        event.button.state = SDL_RELEASED;
        test::push(event);
    };
    enum class Stage { Page, Playing, Skipped, Done } stage = Stage::Page;
    core::TimePoint since = start;
    std::string label;
    options.poll = [&](ui::KioskUi& ui) {
        const auto play = ui.items().find("page/start/video/intro/play");
        const auto forward = ui.items().find("page/start/video/intro/forward");
        if (play) label = play->label;
        const auto now = clock.now();
        if (stage == Stage::Page && play && now - since > 500ms) {  // the page is at rest
            click(*play);
            stage = Stage::Playing;
            since = now;
        } else if (stage == Stage::Playing && forward && now - since > 500ms) {
            // 10 s on: the decoder goes back to the clip's only key frame and decodes some 250
            // pictures before the first one it may show, long after the click's own frames.
            click(*forward);
            stage = Stage::Skipped;
            since = now;
        } else if (stage == Stage::Skipped && (label == "Noch einmal abspielen" || now - since > 10s)) {
            stage = Stage::Done;
            SDL_Event quit{};
            quit.type = SDL_QUIT;
            test::push(quit);
        }
        return false;  // no frame of its own: only the clicks and the clip's pictures bring frames
    };
    const platform::WindowLoopResult result = platform::runWindowLoop(options, nav, clock, platform::systemFontFiles());
    REQUIRE_MESSAGE(result.error.empty(), result.error);
    REQUIRE(stage == Stage::Done);
    CHECK(label == "Noch einmal abspielen");  // it played on from the new place to its end
}
