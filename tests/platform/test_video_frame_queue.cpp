// The video decoder's frame queue without FFmpeg, frame by frame: the newest due frame wins and
// older ones count as dropped, a full queue makes the worker wait and a seek or stop releases it,
// frames decoded before a seek never show up, and a failure is final.
#include <doctest/doctest.h>

#include <chrono>
#include <future>

#include "platform/video_frame_queue.hpp"

using namespace kiosk;
using Queue = platform::VideoFrameQueue;
using namespace std::chrono_literals;

namespace {

std::shared_ptr<const platform::VideoFrame> frameAt(double time) {
    auto frame = std::make_shared<platform::VideoFrame>();
    frame->time = time;
    frame->allocate(4, 2);
    return frame;
}

std::uint64_t decodeOrder(Queue& queue) {
    const Queue::Order order = queue.nextOrder();
    REQUIRE(order.kind == Queue::Order::Kind::Decode);
    return order.generation;
}

}  // namespace

TEST_CASE("video frame queue: frameFor gives the newest due frame once and drops the late ones") {
    Queue queue(4);
    const auto generation = decodeOrder(queue);
    for (int i = 0; i < 4; ++i) REQUIRE(queue.push(frameAt(i * 0.04), generation));

    CHECK(queue.frameFor(-0.01) == nullptr);  // nothing is due before the first frame
    const auto due = queue.frameFor(0.085);
    REQUIRE(due != nullptr);
    CHECK(due->time == doctest::Approx(0.08));
    CHECK(queue.droppedFrames() == 2);  // 0.00 and 0.04 were late
    CHECK(queue.bufferedFrames() == 1);
    CHECK(queue.frameFor(0.085) == nullptr);  // the same time again: no new frame to upload
    const auto next = queue.frameFor(0.12);
    REQUIRE(next != nullptr);
    CHECK(next->time == doctest::Approx(0.12));
    CHECK(queue.droppedFrames() == 2);
}

TEST_CASE("video frame queue: a full queue makes the worker wait until a frame is taken") {
    Queue queue(2);
    const auto generation = decodeOrder(queue);
    REQUIRE(queue.push(frameAt(0.0), generation));
    REQUIRE(queue.push(frameAt(0.04), generation));
    auto third = std::async(std::launch::async, [&] { return queue.push(frameAt(0.08), generation); });
    CHECK(third.wait_for(100ms) == std::future_status::timeout);  // full: the worker waits
    CHECK(queue.bufferedFrames() == 2);
    REQUIRE(queue.frameFor(0.0) != nullptr);
    REQUIRE(third.wait_for(10s) == std::future_status::ready);
    CHECK(third.get());
    CHECK(queue.bufferedFrames() == 2);
}

TEST_CASE("video frame queue: a seek drops the buffer, releases a waiting worker and refuses its older frame") {
    Queue queue(1);
    const auto before = decodeOrder(queue);
    REQUIRE(queue.push(frameAt(0.0), before));
    auto waiting = std::async(std::launch::async, [&] { return queue.push(frameAt(0.04), before); });
    CHECK(waiting.wait_for(50ms) == std::future_status::timeout);
    queue.requestSeek(1.0);
    REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
    CHECK_FALSE(waiting.get());  // decoded before the seek: dropped
    CHECK(queue.bufferedFrames() == 0);
    CHECK(queue.frameFor(5.0) == nullptr);

    const Queue::Order seek = queue.nextOrder();
    REQUIRE(seek.kind == Queue::Order::Kind::Seek);
    CHECK(seek.seekTo == doctest::Approx(1.0));
    CHECK_FALSE(queue.push(frameAt(0.08), before));  // still the old generation
    CHECK(queue.push(frameAt(1.0), seek.generation));
    const auto after = queue.frameFor(1.0);
    REQUIRE(after != nullptr);
    CHECK(after->time == doctest::Approx(1.0));
}

TEST_CASE("video frame queue: finished only once the end is reached and every frame taken, a seek plays again") {
    Queue queue(4);
    const auto generation = decodeOrder(queue);
    REQUIRE(queue.push(frameAt(0.0), generation));
    queue.markEnd(generation);
    CHECK_FALSE(queue.finished());  // a frame is still waiting
    REQUIRE(queue.frameFor(0.0) != nullptr);
    CHECK(queue.finished());

    auto order = std::async(std::launch::async, [&] { return queue.nextOrder(); });
    CHECK(order.wait_for(50ms) == std::future_status::timeout);  // at the end, the worker sleeps
    queue.requestSeek(0.0);
    CHECK_FALSE(queue.finished());
    REQUIRE(order.wait_for(10s) == std::future_status::ready);
    CHECK(order.get().kind == Queue::Order::Kind::Seek);
}

TEST_CASE("video frame queue: after a failure the error stays and only stop wakes the worker") {
    Queue queue(4);
    decodeOrder(queue);
    queue.markFailed(core::Error{core::ErrorCode::Damaged, "clip.mp4", 0, "ends at 1.00 s", ""});
    REQUIRE(queue.error().has_value());
    CHECK(queue.error()->file == "clip.mp4");
    auto order = std::async(std::launch::async, [&] { return queue.nextOrder(); });
    queue.requestSeek(0.0);  // a seek does not bring a damaged file back
    CHECK(order.wait_for(50ms) == std::future_status::timeout);
    queue.requestStop();
    REQUIRE(order.wait_for(10s) == std::future_status::ready);
    CHECK(order.get().kind == Queue::Order::Kind::Stop);
    CHECK(queue.error().has_value());
}
