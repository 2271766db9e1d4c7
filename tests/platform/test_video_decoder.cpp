// The video decoder on real clips the ffmpeg command makes at test time: every frame of a 2 s,
// 25 fps H.264/MP4 and VP9/WebM clip at its own time, frameFor's choice, seeking, the memory bound,
// truncated and wrong files refused or ending in an error state (never a crash or a hang: every
// wait has a deadline), and a prompt stop. No timing is asserted.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <future>
#include <thread>
#include <vector>

#include "platform/video_decoder.hpp"
#include "video_clips.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using platform::VideoDecoder;

namespace {

constexpr double kFrame = 1.0 / 25;
constexpr auto kDeadline = 30s;  // far beyond what decoding a 2 s clip takes: only a hang hits it

std::unique_ptr<VideoDecoder> openOrFail(const std::filesystem::path& clip) {
    auto opened = VideoDecoder::open(clip);
    if (!opened) FAIL(opened.error().describe());
    return std::move(opened).value();
}

std::string openError(const std::filesystem::path& file) {
    auto opened = VideoDecoder::open(file);
    REQUIRE_FALSE(opened.ok());
    return opened.error().describe();
}

// Waits until a frame is buffered, the clip ended or failed; false on the deadline.
bool waitForDecoder(const VideoDecoder& decoder) {
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (decoder.bufferedFrames() == 0 && !decoder.finished() && !decoder.error()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

// Plays like a frame loop that draws exactly at each frame's time, from `from` on: the times of
// the frames it gets, until the clip ends or fails.
std::vector<double> playToTheEnd(VideoDecoder& decoder, double from = 0.0) {
    std::vector<double> times;
    for (int step = 0; step < 10000; ++step) {
        REQUIRE_MESSAGE(waitForDecoder(decoder), "the decoder hung");
        if (decoder.finished() || (decoder.error() && decoder.bufferedFrames() == 0)) break;
        const double mediaTime = from + step * kFrame + 0.001;
        if (const auto frame = decoder.frameFor(mediaTime)) times.push_back(frame->time);
    }
    return times;
}

void checkEveryFrameInOrder(const std::vector<double>& times, double from, std::size_t count) {
    REQUIRE(times.size() == count);
    for (std::size_t i = 0; i < times.size(); ++i) {
        INFO("frame " << i);
        CHECK(times[i] == doctest::Approx(from + static_cast<double>(i) * kFrame).epsilon(1e-6));
    }
}

}  // namespace

TEST_CASE("video decoder: a 2 s H.264 MP4 at 25 fps gives 50 IYUV frames at 0, 0.04, 0.08 ... 1.96") {
    auto decoder = openOrFail(test::h264Clip());
    CHECK(decoder->info().codec == "h264");
    CHECK(decoder->width() == 320);
    CHECK(decoder->height() == 240);
    CHECK(decoder->duration() == doctest::Approx(2.0).epsilon(0.01));
    CHECK(decoder->info().frameRate == doctest::Approx(25.0));

    REQUIRE(waitForDecoder(*decoder));
    const auto first = decoder->frameFor(0.0);
    REQUIRE(first != nullptr);
    CHECK(first->width == 320);
    CHECK(first->height == 240);
    CHECK(first->pixels.size() == 320 * 240 * 3 / 2);

    std::vector<double> times{first->time};
    for (const double t : playToTheEnd(*decoder, kFrame)) times.push_back(t);
    checkEveryFrameInOrder(times, 0.0, 50);
    CHECK(decoder->finished());
    CHECK_FALSE(decoder->error().has_value());
    CHECK(decoder->droppedFrames() == 0);
}

TEST_CASE("video decoder: a 2 s VP9 WebM at 25 fps gives 50 frames at their times") {
    auto decoder = openOrFail(test::vp9Clip());
    CHECK(decoder->info().codec == "vp9");
    CHECK(decoder->info().container == "matroska,webm");
    CHECK(decoder->duration() == doctest::Approx(2.0).epsilon(0.01));
    checkEveryFrameInOrder(playToTheEnd(*decoder), 0.0, 50);
    CHECK(decoder->finished());
    CHECK_FALSE(decoder->error().has_value());
}

TEST_CASE("video decoder: the picture arrives in IYUV with the colours of the clip") {
    // Pure red in BT.601 limited range, as x264 stores it: Y 81, U 90, V 240.
    const auto clip = test::generatedClip("red-h264.mp4", "-f lavfi -i color=c=red:size=64x48:rate=25 -t 0.2 "
                                                          "-c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    auto decoder = openOrFail(clip);
    REQUIRE(waitForDecoder(*decoder));
    const auto frame = decoder->frameFor(0.0);
    REQUIRE(frame != nullptr);
    CHECK(std::abs(frame->plane(0)[64 * 24 + 32] - 81) <= 3);
    CHECK(std::abs(frame->plane(1)[32 * 12 + 16] - 90) <= 3);
    CHECK(std::abs(frame->plane(2)[32 * 12 + 16] - 240) <= 3);
    CHECK(frame->pitch(1) == 32);
}

TEST_CASE("video decoder: frameFor gives the newest frame due and drops the late ones, with at most 4 buffered") {
    auto decoder = openOrFail(test::h264Clip());
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (decoder->bufferedFrames() < VideoDecoder::kBufferedFrames && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    REQUIRE(decoder->bufferedFrames() == VideoDecoder::kBufferedFrames);
    std::this_thread::sleep_for(200ms);  // time enough to decode the whole clip, were it not bounded
    CHECK(decoder->bufferedFrames() == VideoDecoder::kBufferedFrames);
    CHECK_FALSE(decoder->finished());

    const auto due = decoder->frameFor(0.1);  // 0.00, 0.04 and 0.08 are due: the newest wins
    REQUIRE(due != nullptr);
    CHECK(due->time == doctest::Approx(0.08));
    CHECK(decoder->droppedFrames() == 2);
    CHECK(decoder->frameFor(0.1) == nullptr);  // nothing new at the same time
}

TEST_CASE("video decoder: seek goes on from the frame at the target, and seek(0) plays a finished clip again") {
    auto decoder = openOrFail(test::h264Clip());
    REQUIRE(waitForDecoder(*decoder));
    decoder->seek(1.0);
    checkEveryFrameInOrder(playToTheEnd(*decoder, 1.0), 1.0, 25);
    CHECK(decoder->finished());

    decoder->seek(0.0);
    CHECK_FALSE(decoder->finished());
    REQUIRE(waitForDecoder(*decoder));
    const auto again = decoder->frameFor(0.001);
    REQUIRE(again != nullptr);
    CHECK(again->time == doctest::Approx(0.0));

    decoder->seek(1.53);  // between two frames: the one on screen then is 1.52's
    REQUIRE(waitForDecoder(*decoder));
    const auto between = decoder->frameFor(1.53);
    REQUIRE(between != nullptr);
    CHECK(between->time == doctest::Approx(1.52));

    decoder->seek(99.0);  // past the end: the last frame, then the end
    REQUIRE(waitForDecoder(*decoder));
    const auto last = decoder->frameFor(99.0);
    REQUIRE(last != nullptr);
    CHECK(last->time == doctest::Approx(1.96));
    CHECK(playToTheEnd(*decoder, 2.0).empty());
    CHECK(decoder->finished());

    decoder->seek(-5.0);  // before the start: the first frame
    REQUIRE(waitForDecoder(*decoder));
    const auto first = decoder->frameFor(0.0);
    REQUIRE(first != nullptr);
    CHECK(first->time == doctest::Approx(0.0));
    CHECK_FALSE(decoder->error().has_value());
}

TEST_CASE("video decoder: an MP4 cut in half opens but ends early in an error state that names the file") {
    const auto clip = test::truncatedCopy(test::h264Clip(), 0.5);
    auto opened = VideoDecoder::open(clip);
    if (!opened) {  // also acceptable: refused at once, with a clear message
        CHECK(opened.error().describe().find(clip.string()) != std::string::npos);
        return;
    }
    auto& decoder = *opened.value();
    const auto times = playToTheEnd(decoder);
    CHECK(times.size() < 50);
    REQUIRE(decoder.error().has_value());
    const std::string message = decoder.error()->describe();
    INFO(message);
    CHECK(message.find(clip.string()) != std::string::npos);
    CHECK(message.find("truncated") != std::string::npos);
    CHECK_FALSE(decoder.finished());
}

TEST_CASE("video decoder: an MP4 cut in half whose index is at its end is refused as truncated or damaged") {
    const auto whole = test::generatedClip("testsrc-h264-index-at-end.mp4",
                                           "-f lavfi -i testsrc=size=320x240:rate=25 -t 2 -c:v libx264 "
                                           "-preset ultrafast -pix_fmt yuv420p");
    const auto clip = test::truncatedCopy(whole, 0.5);
    const std::string message = openError(clip);
    INFO(message);
    CHECK(message.find(clip.string()) != std::string::npos);
    CHECK(message.find("truncated or damaged") != std::string::npos);
}

TEST_CASE("video decoder: a WebM cut in half ends early in an error state, or is refused, never hangs") {
    const auto clip = test::truncatedCopy(test::vp9Clip(), 0.5);
    auto opened = VideoDecoder::open(clip);
    if (!opened) {
        CHECK(opened.error().describe().find(clip.string()) != std::string::npos);
        return;
    }
    auto& decoder = *opened.value();
    CHECK(playToTheEnd(decoder).size() < 50);
    REQUIRE(decoder.error().has_value());
    INFO(decoder.error()->describe());
    CHECK(decoder.error()->describe().find(clip.string()) != std::string::npos);
}

TEST_CASE("video decoder: files that are no playable video are refused with their name and what is wrong") {
    const auto text = test::clipFolderFile("notes.txt", "Dies ist kein Video, sondern ein Text.\n");
    CHECK(openError(text).find(text.string() + ": error: is not a video: FFmpeg recognises no container") != std::string::npos);

    const auto renamed = test::clipFolderFile("renamed-text.mp4", "Dies ist kein Video, nur umbenannt.\n");
    CHECK(openError(renamed).find(renamed.string() + ": error: is not a video") != std::string::npos);

    const auto empty = test::clipFolderFile("empty.mp4", "");
    CHECK(openError(empty).find("is empty") != std::string::npos);

    const auto missing = test::clipFolder() / "no-such-clip.mp4";
    CHECK(openError(missing).find("no-such-clip.mp4: error: does not exist") != std::string::npos);

    const auto avi = test::generatedClip("testsrc.avi", "-f lavfi -i testsrc=size=64x48:rate=25 -t 0.2 -c:v mjpeg");
    CHECK(openError(avi).find("is AVI (Audio Video Interleaved), a container the kiosk does not play (export it as H.264 in MP4") !=
          std::string::npos);

    const auto mpeg4 = test::generatedClip("testsrc-mpeg4.mp4", "-f lavfi -i testsrc=size=64x48:rate=25 -t 0.2 -c:v mpeg4");
    CHECK(openError(mpeg4).find("uses the codec mpeg4, which the kiosk does not play") != std::string::npos);

    const auto vp9InMp4 = test::generatedClip("testsrc-vp9.mp4", "-f lavfi -i testsrc=size=64x48:rate=25 -t 0.2 "
                                                                  "-c:v libvpx-vp9 -deadline realtime -cpu-used 8");
    CHECK(openError(vp9InMp4).find("uses the codec vp9, which the kiosk does not play") != std::string::npos);

    const auto sound = test::generatedClip("sine-opus.webm", "-f lavfi -i sine=frequency=440:duration=0.5 -c:a libopus");
    CHECK(openError(sound).find(sound.string() + ": error: has no video stream") != std::string::npos);
}

TEST_CASE("video decoder: stop joins the worker while it waits on a full queue or is asked to seek") {
    auto decoder = openOrFail(test::h264Clip());
    REQUIRE(waitForDecoder(*decoder));
    decoder->seek(0.5);
    auto stopped = std::async(std::launch::async, [&] { decoder->stop(); });
    REQUIRE(stopped.wait_for(kDeadline) == std::future_status::ready);
    decoder->stop();  // a second stop (and the destructor after it) does nothing

    auto waiting = openOrFail(test::vp9Clip());
    const auto until = std::chrono::steady_clock::now() + kDeadline;
    while (waiting->bufferedFrames() < VideoDecoder::kBufferedFrames && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(1ms);
    auto destroyed = std::async(std::launch::async, [&] { waiting.reset(); });
    REQUIRE(destroyed.wait_for(kDeadline) == std::future_status::ready);
}
