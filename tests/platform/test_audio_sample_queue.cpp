// The audio decoder's sample queue without FFmpeg or SDL, sample by sample: pull copies what is
// there and fills the rest with silence, the clock moves by exactly the frames pulled and not
// during underrun silence, a seek sets the clock at once and drops older sound, a full queue
// makes the worker wait (a seek or stop releases it), and the end is reached only when all is heard.
#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "platform/audio_sample_queue.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using platform::AudioChunk;
using platform::kAudioChannels;
using platform::kAudioRate;
using Queue = platform::AudioSampleQueue;

namespace {

// `frames` frames whose left and right samples count up from `first` (and -first), so a test
// can tell exactly which samples came out.
AudioChunk chunkAt(double time, int frames, std::int16_t first = 1) {
    AudioChunk chunk;
    chunk.time = time;
    for (int i = 0; i < frames; ++i) {
        chunk.samples.push_back(static_cast<std::int16_t>(first + i));
        chunk.samples.push_back(static_cast<std::int16_t>(-(first + i)));
    }
    return chunk;
}

std::uint64_t decodeOrder(Queue& queue) {
    const Queue::Order order = queue.nextOrder();
    REQUIRE(order.kind == Queue::Order::Kind::Decode);
    return order.generation;
}

std::vector<std::int16_t> pulled(Queue& queue, int frames, int* sounding = nullptr) {
    std::vector<std::int16_t> out(static_cast<std::size_t>(frames) * kAudioChannels, 777);
    const int got = queue.pull(out.data(), frames);
    if (sounding) *sounding = got;
    return out;
}

}  // namespace

TEST_CASE("audio sample queue: pull hands out the samples in order and fills the rest with silence") {
    Queue queue(100);
    const auto generation = decodeOrder(queue);
    REQUIRE(queue.push(chunkAt(0.0, 30), generation));
    int sounding = 0;
    const auto first = pulled(queue, 20, &sounding);
    CHECK(sounding == 20);
    CHECK(first[0] == 1);
    CHECK(first[1] == -1);
    CHECK(first[38] == 20);
    const auto rest = pulled(queue, 20, &sounding);
    CHECK(sounding == 10);
    CHECK(rest[0] == 21);
    CHECK(rest[19] == -30);
    for (std::size_t i = 20; i < rest.size(); ++i) CHECK(rest[i] == 0);
    CHECK(queue.bufferedFrames() == 0);
}

TEST_CASE("audio sample queue: the clock moves by exactly the frames pulled, never during underrun silence") {
    Queue queue(kAudioRate);
    CHECK(queue.playedSeconds() == 0.0);
    pulled(queue, 480);  // nothing decoded yet: silence, and the clock stands
    CHECK(queue.playedSeconds() == 0.0);
    CHECK(queue.underrunFrames() == 480);

    const auto generation = decodeOrder(queue);
    REQUIRE(queue.push(chunkAt(0.0, 4800), generation));
    pulled(queue, 480);
    CHECK(queue.playedSeconds() == doctest::Approx(0.01).epsilon(1e-12));
    pulled(queue, 4800);  // 4320 real frames, 480 of silence
    CHECK(queue.playedSeconds() == doctest::Approx(0.1).epsilon(1e-12));
    CHECK(queue.underrunFrames() == 960);
    pulled(queue, 1000);
    CHECK(queue.playedSeconds() == doctest::Approx(0.1).epsilon(1e-12));
}

TEST_CASE("audio sample queue: a seek sets the clock at once, drops the buffer and refuses older sound") {
    Queue queue(kAudioRate);
    const auto before = decodeOrder(queue);
    REQUIRE(queue.push(chunkAt(0.0, 2400), before));
    pulled(queue, 480);
    queue.requestSeek(1.0);
    CHECK(queue.playedSeconds() == 1.0);
    CHECK(queue.bufferedFrames() == 0);
    CHECK_FALSE(queue.push(chunkAt(0.05, 480), before));  // decoded before the seek: dropped
    int sounding = -1;
    pulled(queue, 480, &sounding);
    CHECK(sounding == 0);
    CHECK(queue.playedSeconds() == 1.0);

    const Queue::Order seek = queue.nextOrder();
    REQUIRE(seek.kind == Queue::Order::Kind::Seek);
    CHECK(seek.seekTo == 1.0);
    CHECK(decodeOrder(queue) == seek.generation);
    REQUIRE(queue.push(chunkAt(1.0, 480, 500), seek.generation));
    const auto out = pulled(queue, 240, &sounding);
    CHECK(sounding == 240);
    CHECK(out[0] == 500);
    CHECK(queue.playedSeconds() == doctest::Approx(1.005).epsilon(1e-12));
}

TEST_CASE("audio sample queue: a full queue makes the worker wait, a pull makes room and a chunk larger than the queue goes in piece by piece") {
    Queue queue(100);
    const auto generation = decodeOrder(queue);
    auto big = std::async(std::launch::async, [&] { return queue.push(chunkAt(0.0, 250), generation); });
    CHECK(big.wait_for(100ms) == std::future_status::timeout);  // 100 of 250 fit: the worker waits
    CHECK(queue.bufferedFrames() == 100);
    std::vector<std::int16_t> all;
    for (int round = 0; round < 1000 && all.size() < 250 * kAudioChannels; ++round) {
        int sounding = 0;
        const auto out = pulled(queue, 60, &sounding);
        all.insert(all.end(), out.begin(), out.begin() + sounding * kAudioChannels);
        if (sounding == 0) std::this_thread::sleep_for(1ms);
    }
    REQUIRE(big.wait_for(10s) == std::future_status::ready);
    CHECK(big.get());
    REQUIRE(all.size() == 250 * kAudioChannels);
    for (int i = 0; i < 250; ++i) {
        INFO("frame " << i);
        CHECK(all[static_cast<std::size_t>(i) * 2] == i + 1);  // in order across the ring's wrap
    }
}

TEST_CASE("audio sample queue: seek and stop release a worker waiting on a full queue") {
    Queue queue(10);
    const auto generation = decodeOrder(queue);
    auto waiting = std::async(std::launch::async, [&] { return queue.push(chunkAt(0.0, 50), generation); });
    CHECK(waiting.wait_for(50ms) == std::future_status::timeout);
    queue.requestSeek(0.5);
    REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
    CHECK_FALSE(waiting.get());

    const auto seek = queue.nextOrder();
    auto again = std::async(std::launch::async, [&] { return queue.push(chunkAt(0.5, 50), seek.generation); });
    CHECK(again.wait_for(50ms) == std::future_status::timeout);
    queue.requestStop();
    REQUIRE(again.wait_for(10s) == std::future_status::ready);
    CHECK_FALSE(again.get());
    CHECK(queue.nextOrder().kind == Queue::Order::Kind::Stop);
}

TEST_CASE("audio sample queue: finished only once the end was reached and every sample pulled, and a failure is final") {
    Queue queue(100);
    const auto generation = decodeOrder(queue);
    REQUIRE(queue.push(chunkAt(0.0, 40), generation));
    queue.markEnd(generation);
    CHECK_FALSE(queue.finished());
    pulled(queue, 40);
    CHECK(queue.finished());
    const auto underrunsBefore = queue.underrunFrames();
    pulled(queue, 40);  // silence after the end is no underrun
    CHECK(queue.underrunFrames() == underrunsBefore);
    queue.requestSeek(0.0);
    CHECK_FALSE(queue.finished());

    queue.markFailed(core::Error{core::ErrorCode::Damaged, "clip.mp4", 0, "broken", ""});
    REQUIRE(queue.error().has_value());
    CHECK(queue.error()->file == "clip.mp4");
    auto order = std::async(std::launch::async, [&] { return queue.nextOrder(); });
    CHECK(order.wait_for(50ms) == std::future_status::timeout);  // nothing to do but wait for stop
    queue.requestStop();
    REQUIRE(order.wait_for(10s) == std::future_status::ready);
    CHECK(order.get().kind == Queue::Order::Kind::Stop);
}
