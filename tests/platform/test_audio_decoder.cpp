// The sound path on real clips the ffmpeg command makes at test time (a 440 Hz sine at 44.1 kHz
// in AAC/MP4 and Opus/WebM): the whole clip comes out as S16 stereo 48 kHz with the right number
// of samples and the sine's frequency, a seek starts exactly at its target (chunk and clock), a
// clip without sound is no error, a truncated one ends in an error naming the file, and stop()
// joins a worker waiting on a full queue. Every wait has a deadline; no timing is asserted.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "platform/audio_decoder.hpp"
#include "video_clips.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using platform::AudioChunk;
using platform::AudioDecoder;
using platform::AudioFileReader;
using platform::kAudioChannels;
using platform::kAudioRate;

namespace {

constexpr auto kDeadline = 30s;  // far beyond what decoding a 2 s clip takes: only a hang hits it

std::unique_ptr<AudioFileReader> readerOrFail(const std::filesystem::path& clip) {
    auto opened = AudioFileReader::open(clip);
    if (!opened) FAIL(opened.error().describe());
    REQUIRE(opened.value() != nullptr);
    return std::move(opened).value();
}

std::unique_ptr<AudioDecoder> decoderOrFail(const std::filesystem::path& clip) {
    auto opened = AudioDecoder::open(clip);
    if (!opened) FAIL(opened.error().describe());
    REQUIRE(opened.value() != nullptr);
    return std::move(opened).value();
}

struct Sound {
    double firstTime = -1.0;
    std::vector<std::int16_t> samples;  // interleaved stereo
    std::optional<core::Error> error;
    std::size_t frames() const { return samples.size() / kAudioChannels; }
};

// Every chunk to the end (or an error), checking that each starts where the last one ended.
Sound readAll(AudioFileReader& reader) {
    Sound sound;
    AudioChunk chunk;
    double expected = 0.0;
    for (int step = 0; step < 100000; ++step) {
        auto got = reader.next(chunk);
        if (!got) {
            sound.error = got.error();
            break;
        }
        if (!got.value()) break;
        if (sound.firstTime < 0) {
            sound.firstTime = chunk.time;
        } else {
            CHECK(chunk.time == doctest::Approx(expected).epsilon(1e-9));
        }
        expected = chunk.endTime();
        sound.samples.insert(sound.samples.end(), chunk.samples.begin(), chunk.samples.end());
    }
    return sound;
}

// The frequency of the left channel between `from` and `to` seconds of the sound, from its sign changes.
double frequency(const Sound& sound, double from, double to) {
    const auto first = static_cast<std::size_t>(from * kAudioRate), last = static_cast<std::size_t>(to * kAudioRate);
    REQUIRE(last <= sound.frames());
    int crossings = 0;
    for (std::size_t i = first + 1; i < last; ++i)
        if ((sound.samples[(i - 1) * 2] < 0) != (sound.samples[i * 2] < 0)) ++crossings;
    return crossings / 2.0 / (to - from);
}

int loudest(const std::vector<std::int16_t>& samples) {
    int peak = 0;
    for (const std::int16_t s : samples) peak = std::max(peak, std::abs(static_cast<int>(s)));
    return peak;
}

}  // namespace

TEST_CASE("audio reader: a 2 s AAC sine at 44.1 kHz comes out as 2 s of S16 stereo 48 kHz at 440 Hz") {
    auto reader = readerOrFail(test::h264AacClip());
    CHECK(reader->info().codec == "aac");
    CHECK(reader->info().sourceRate == 44100);
    CHECK(reader->info().duration == doctest::Approx(2.0).epsilon(0.01));
    const Sound sound = readAll(*reader);
    REQUIRE_FALSE(sound.error.has_value());
    CHECK(sound.firstTime == 0.0);
    // 96000 frames for 2 s; the encoder's priming and padding are cut to within 5 ms.
    CHECK(std::abs(static_cast<double>(sound.frames()) - 2.0 * kAudioRate) <= 0.005 * kAudioRate);
    CHECK(frequency(sound, 0.2, 1.8) == doctest::Approx(440.0).epsilon(0.01));
    CHECK(loudest(sound.samples) > 3000);  // FFmpeg's sine is at 1/8 of full scale: about 4096
    for (std::size_t i = 48000; i < 48100; ++i)  // a mono source on both channels
        CHECK(sound.samples[i * 2] == sound.samples[i * 2 + 1]);
}

TEST_CASE("audio reader: an Opus sine in WebM comes out at 48 kHz and 440 Hz, lined up with the picture") {
    auto reader = readerOrFail(test::vp9OpusClip());
    CHECK(reader->info().codec == "opus");
    const Sound sound = readAll(*reader);
    REQUIRE_FALSE(sound.error.has_value());
    CHECK(sound.firstTime == 0.0);
    // WebM starts the sound a few ms before the picture (the encoder's delay): trimmed at 0.
    CHECK(std::abs(static_cast<double>(sound.frames()) - 2.0 * kAudioRate) <= 0.02 * kAudioRate);
    CHECK(frequency(sound, 0.2, 1.8) == doctest::Approx(440.0).epsilon(0.01));
}

TEST_CASE("audio reader: sound that starts 0.5 s after the picture is preceded by silence, on the picture's time line") {
    const std::string picture = "-f lavfi -i testsrc=size=64x48:rate=25:duration=1.5 ";
    const std::string lateSine = "-itsoffset 0.5 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 ";
    const auto mp4 = test::generatedClip("late-sine.mp4", picture + lateSine + "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac");
    const auto webm = test::generatedClip("late-sine.webm", picture + lateSine +
                                                                "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -pix_fmt yuv420p -c:a libopus");
    for (const auto& clip : {mp4, webm}) {
        INFO(clip.string());
        auto reader = readerOrFail(clip);
        const Sound sound = readAll(*reader);
        REQUIRE_FALSE(sound.error.has_value());
        CHECK(sound.firstTime == 0.0);
        std::size_t onset = 0;
        while (onset < sound.samples.size() && std::abs(static_cast<int>(sound.samples[onset])) < 1000) ++onset;
        CHECK(static_cast<double>(onset / kAudioChannels) / kAudioRate == doctest::Approx(0.5).epsilon(0.02));
    }
}

TEST_CASE("audio reader: after seek(1.0) the first chunk starts exactly at 1.0, and the rest of the clip follows") {
    for (const auto& clip : {test::h264AacClip(), test::vp9OpusClip()}) {
        INFO(clip.string());
        auto reader = readerOrFail(clip);
        REQUIRE(reader->seek(1.0).ok());
        const Sound sound = readAll(*reader);
        REQUIRE_FALSE(sound.error.has_value());
        CHECK(sound.firstTime == 1.0);
        CHECK(std::abs(static_cast<double>(sound.frames()) - 1.0 * kAudioRate) <= 0.02 * kAudioRate);
        CHECK(frequency(sound, 0.1, 0.9) == doctest::Approx(440.0).epsilon(0.01));

        REQUIRE(reader->seek(1.53).ok());  // between two AAC and Opus frames
        AudioChunk chunk;
        auto got = reader->next(chunk);
        REQUIRE(got.ok());
        REQUIRE(got.value());
        CHECK(chunk.time == 1.53);
    }
}

TEST_CASE("audio reader: a clip without sound is told apart from an error") {
    auto silent = AudioFileReader::open(test::h264Clip());
    REQUIRE(silent.ok());
    CHECK(silent.value() == nullptr);
    CHECK_FALSE(AudioFileReader::hasSound(test::h264Clip()));
    CHECK(AudioFileReader::hasSound(test::h264AacClip()));
    auto decoder = AudioDecoder::open(test::vp9Clip());
    REQUIRE(decoder.ok());
    CHECK(decoder.value() == nullptr);

    const auto text = test::clipFolderFile("no-sound-notes.txt", "Kein Video.\n");
    auto refused = AudioDecoder::open(text);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().describe().find(text.string() + ": error: cannot be read as an MP4 or WebM clip") != std::string::npos);
    auto missing = AudioDecoder::open(test::clipFolder() / "no-such-sound.mp4");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().describe().find("no-such-sound.mp4: error: does not exist") != std::string::npos);

    const auto mp3 = test::generatedClip("sine-mp3.mp4", "-f lavfi -i testsrc=size=64x48:rate=25 -f lavfi -i sine=duration=0.3 "
                                                          "-t 0.3 -c:v libx264 -preset ultrafast -c:a libmp3lame");
    auto wrongCodec = AudioDecoder::open(mp3);
    REQUIRE_FALSE(wrongCodec.ok());
    CHECK(wrongCodec.error().describe().find("has mp3 sound; the kiosk plays AAC or Opus") != std::string::npos);
}

TEST_CASE("audio decoder: a truncated clip ends in an error that names the file") {
    for (const auto& whole : {test::h264AacClip(), test::vp9OpusClip()}) {
        const auto clip = test::truncatedCopy(whole, 0.5);
        INFO(clip.string());
        auto opened = AudioDecoder::open(clip);
        if (!opened) {  // also acceptable: refused at once, with a clear message
            CHECK(opened.error().describe().find(clip.string()) != std::string::npos);
            continue;
        }
        REQUIRE(opened.value() != nullptr);
        auto& decoder = *opened.value();
        std::vector<std::int16_t> buffer(4800 * kAudioChannels);
        const auto until = std::chrono::steady_clock::now() + kDeadline;
        while (!decoder.error() && !decoder.finished() && std::chrono::steady_clock::now() < until) {
            if (decoder.pull(buffer.data(), 4800) == 0) std::this_thread::sleep_for(1ms);
        }
        REQUIRE(decoder.error().has_value());
        const std::string message = decoder.error()->describe();
        INFO(message);
        CHECK(message.find(clip.string()) != std::string::npos);
        CHECK(message.find("truncated or damaged") != std::string::npos);
        CHECK(decoder.playedSeconds() < 1.5);
    }
}

TEST_CASE("audio decoder: seek(1.0) puts the clock at 1.0 before any pull, and pulling moves it by the frames pulled") {
    auto decoder = decoderOrFail(test::h264AacClip());
    CHECK(decoder->playedSeconds() == 0.0);
    decoder->seek(1.0);
    CHECK(decoder->playedSeconds() == 1.0);
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (decoder->bufferedFrames() < 4800 && !decoder->error() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    REQUIRE(decoder->bufferedFrames() >= 4800);
    CHECK(decoder->playedSeconds() == 1.0);
    std::vector<std::int16_t> buffer(4800 * kAudioChannels);
    CHECK(decoder->pull(buffer.data(), 4800) == 4800);
    CHECK(decoder->playedSeconds() == doctest::Approx(1.1).epsilon(1e-12));
    CHECK(loudest(buffer) > 3000);

    // Played to the end: the clock stops at the clip's end, and finished() says so.
    while (!decoder->finished() && !decoder->error() && std::chrono::steady_clock::now() < until)
        if (decoder->pull(buffer.data(), 4800) == 0) std::this_thread::sleep_for(1ms);
    CHECK(decoder->finished());
    CHECK(decoder->playedSeconds() == doctest::Approx(2.0).epsilon(0.005));
    decoder->seek(0.0);  // and plays again
    CHECK_FALSE(decoder->finished());
    CHECK(decoder->playedSeconds() == 0.0);
}

TEST_CASE("audio decoder: the worker waits on a full queue, and stop joins it promptly") {
    auto decoder = decoderOrFail(test::vp9OpusClip());
    const int capacity = platform::AudioSampleQueue::kDefaultCapacityFrames;
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (decoder->bufferedFrames() < capacity && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    REQUIRE(decoder->bufferedFrames() == capacity);
    std::this_thread::sleep_for(100ms);  // time enough to decode the whole clip, were it not bounded
    CHECK(decoder->bufferedFrames() == capacity);
    CHECK_FALSE(decoder->finished());
    auto stopped = std::async(std::launch::async, [&] { decoder->stop(); });
    REQUIRE(stopped.wait_for(kDeadline) == std::future_status::ready);
    decoder->stop();  // a second stop (and the destructor after it) does nothing
}
