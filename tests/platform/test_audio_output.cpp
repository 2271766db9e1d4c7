// The video sound's SDL device, with SDL's disk driver (it writes what the device plays into a
// file, SDL_DISKAUDIOFILE, in the build folder) and its dummy driver (plays nowhere, in real
// time): a clip is heard, volume 0 is silence while the clock still runs, pause stops the clock,
// a second device fails cleanly on drivers with one, and no driver is a clear error.
// Waits have generous deadlines; no timing is asserted.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "platform/audio_output.hpp"
#include "video_clips.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using platform::AudioDecoder;
using platform::AudioOutput;

namespace {

constexpr auto kDeadline = 30s;

// The driver is chosen when SDL's audio subsystem starts, which AudioOutput::open does.
void useDriver(const char* driver) { ::setenv("SDL_AUDIODRIVER", driver, 1); }

std::unique_ptr<AudioDecoder> decoderOrFail(const std::filesystem::path& clip) {
    auto opened = AudioDecoder::open(clip);
    if (!opened) FAIL(opened.error().describe());
    REQUIRE(opened.value() != nullptr);
    return std::move(opened).value();
}

std::unique_ptr<AudioOutput> outputOrFail(AudioDecoder& decoder) {
    auto opened = AudioOutput::open(decoder);
    if (!opened) FAIL(opened.error().describe());
    return std::move(opened).value();
}

bool waitUntilPlayed(const AudioDecoder& decoder, double seconds) {
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (decoder.playedSeconds() < seconds) {
        if (std::chrono::steady_clock::now() > until || decoder.error()) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

// Plays the sine clip's first 0.3 s through the disk driver at `volume`: what landed in the file.
std::vector<std::int16_t> playToDisk(const std::string& name, float volume, double* played) {
    const std::filesystem::path file = test::clipFolder() / name;
    std::filesystem::remove(file);
    useDriver("disk");
    ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    ::setenv("SDL_DISKAUDIODELAY", "5", 1);  // a 21 ms buffer every 5 ms: four times real time
    auto decoder = decoderOrFail(test::h264AacClip());
    {
        auto output = outputOrFail(*decoder);
        CHECK(output->paused());
        output->setVolume(volume);
        output->pause(false);
        REQUIRE(waitUntilPlayed(*decoder, 0.3));
    }  // closed: the disk driver's file is complete
    *played = decoder->playedSeconds();
    std::ifstream in(file, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::int16_t> samples(bytes.size() / 2);
    std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
    return samples;
}

int loudest(const std::vector<std::int16_t>& samples) {
    int peak = 0;
    for (const std::int16_t s : samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    return peak;
}

}  // namespace

TEST_CASE("audio output: the disk driver gets the clip's sine, and volume 0 gives silence while the clock runs") {
    double played = 0.0;
    const auto loud = playToDisk("played-at-full-volume.raw", 1.0f, &played);
    CHECK(played >= 0.3);
    CHECK(loud.size() >= static_cast<std::size_t>(0.3 * platform::kAudioRate) * platform::kAudioChannels);
    CHECK(loudest(loud) > 3000);  // FFmpeg's sine: about 4096

    const auto half = playToDisk("played-at-half-volume.raw", 0.5f, &played);
    CHECK(loudest(half) > 1500);
    CHECK(loudest(half) < 2500);

    const auto muted = playToDisk("played-muted.raw", 0.0f, &played);
    CHECK(played >= 0.3);  // muting is not pausing: the picture goes on
    CHECK(muted.size() >= static_cast<std::size_t>(0.3 * platform::kAudioRate) * platform::kAudioChannels);
    CHECK(loudest(muted) == 0);
}

TEST_CASE("audio output: pause stops the clock, latency is the device buffer, and a second device where the driver has one fails cleanly") {
    useDriver("dummy");
    auto decoder = decoderOrFail(test::h264AacClip());
    auto output = outputOrFail(*decoder);
    CHECK(output->latencySeconds() == doctest::Approx(1024.0 / 48000));
    output->pause(false);
    REQUIRE(waitUntilPlayed(*decoder, 0.1));

    output->pause(true);  // returns with no callback running: the clock stands from here on
    CHECK(output->paused());
    const double pausedAt = decoder->playedSeconds();
    std::this_thread::sleep_for(100ms);
    CHECK(decoder->playedSeconds() == pausedAt);

    // SDL's dummy and disk drivers (unlike PulseAudio, PipeWire and ALSA) open one device at a
    // time: the speech output's device then fails the same way, and the kiosk goes on without it.
    auto other = decoderOrFail(test::vp9OpusClip());
    auto second = AudioOutput::open(*other);
    if (!second) CHECK(second.error().describe().find("no audio device for the video sound") != std::string::npos);
    output->pause(false);
    REQUIRE(waitUntilPlayed(*decoder, pausedAt + 0.05));
}

TEST_CASE("audio output: without an audio driver, open fails with SDL's reason and what happens instead") {
    useDriver("no-such-driver");
    auto decoder = decoderOrFail(test::h264AacClip());
    auto opened = AudioOutput::open(*decoder);
    REQUIRE_FALSE(opened.ok());
    const std::string message = opened.error().describe();
    INFO(message);
    CHECK(message.find("no audio device for the video sound") != std::string::npos);
    CHECK(message.find("no-such-driver") != std::string::npos);  // SDL: "Audio target 'no-such-driver' not available"
    CHECK(message.find("the video plays without sound") != std::string::npos);
}
