// The player behind a clip on screen, with its sound through SDL's dummy audio driver (which
// plays nowhere, in real time): the picture follows the sound's clock, speech holds a clip with
// sound and lets it go on, the end is noticed, and a clip whose sound cannot play goes on
// without it. The frames' clock here is the real one: the sound runs in real time.
// Waits have generous deadlines; no timing is asserted beyond them.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <SDL.h>

#include "platform/video_player.hpp"
#include "video_clips.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct SoftwareCanvas {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer* renderer = surface ? SDL_CreateSoftwareRenderer(surface) : nullptr;
    ~SoftwareCanvas() {
        if (renderer) SDL_DestroyRenderer(renderer);
        if (surface) SDL_FreeSurface(surface);
    }
};

core::VideoBlock blockFor(const std::filesystem::path& clip, const std::string& audioCodec) {
    core::VideoBlock block;
    block.id = "intro";
    block.clip = clip;
    block.facts.durationSeconds = 2.0;
    block.facts.width = 320;
    block.facts.height = 240;
    block.facts.audioCodec = audioCodec;
    return block;
}

// Updates the player as the frame loop does, every 10 ms, until `done` or the deadline.
template <class Done>
bool updateUntil(platform::VideoPlayer& player, Done done, std::chrono::seconds deadline = 20s) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
        player.update(std::chrono::steady_clock::now(), 1.0f);
        if (done()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

}  // namespace

TEST_CASE("video player: with sound the picture follows the sound's clock, and speech holds it") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    SoftwareCanvas canvas;
    REQUIRE(canvas.renderer);
    platform::VideoPlayer player(canvas.renderer, blockFor(test::h264AacClip(), "aac"), 0.0, std::chrono::steady_clock::now(), true);
    REQUIRE(player.hasSound());
    player.play();
    CHECK(player.state() == ui::VideoState::Playing);  // at once: the decoders open on a thread of their own
    CHECK(player.picture() == nullptr);
    REQUIRE(updateUntil(player, [&] { return player.position() >= 0.5; }));
    CHECK(player.state() == ui::VideoState::Playing);
    CHECK(player.picture() != nullptr);
    CHECK(player.hasSound());  // the device opened: SDL's dummy driver has one

    // Speech is heard: the clip with sound pauses and stays where it is.
    player.hold(true);
    CHECK(player.state() == ui::VideoState::Paused);
    const double held = player.position();
    std::this_thread::sleep_for(200ms);
    player.update(std::chrono::steady_clock::now(), 1.0f);
    CHECK(player.position() == held);
    // Speech ended: it goes on by itself, to its end.
    player.hold(false);
    CHECK(player.state() == ui::VideoState::Playing);
    REQUIRE(updateUntil(player, [&] { return player.state() == ui::VideoState::Ended; }));
    CHECK(player.position() == doctest::Approx(2.0));
}

TEST_CASE("video player: a clip whose sound cannot play goes on without it") {
    ::setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    SoftwareCanvas canvas;
    REQUIRE(canvas.renderer);
    platform::VideoPlayer player(canvas.renderer, blockFor(test::h264AacClip(), "aac"), 0.0, std::chrono::steady_clock::now(), true);
    player.play();
    REQUIRE(updateUntil(player, [&] { return player.position() >= 0.3; }));
    CHECK_FALSE(player.hasSound());  // no device: the sound buttons go, the clip stays
    CHECK(player.state() == ui::VideoState::Playing);
    // Without sound, speech does not hold it: there is nothing to talk over.
    player.hold(true);
    CHECK(player.state() == ui::VideoState::Playing);
}

TEST_CASE("video player: an autoplaying clip starts at once without sound, a loop starts again at its end") {
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    SoftwareCanvas canvas;
    REQUIRE(canvas.renderer);
    core::VideoBlock block = blockFor(test::h264Clip(), "");
    block.autoplay = true;
    block.loop = true;
    platform::VideoPlayer player(canvas.renderer, block, 0.0, std::chrono::steady_clock::now(), true);
    CHECK(player.state() == ui::VideoState::Playing);
    CHECK_FALSE(player.soundOn());
    REQUIRE(updateUntil(player, [&] { return player.position() >= 1.8; }));
    REQUIRE(updateUntil(player, [&] { return player.position() < 0.5 && player.position() > 0.0; }));
    CHECK(player.state() == ui::VideoState::Playing);
}
