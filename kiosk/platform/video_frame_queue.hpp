// What VideoDecoder shares between the frame loop and its worker thread: a few decoded frames
// (bounded, so memory is too: the worker waits while it is full), the seek and stop orders, and
// how decoding ended. One mutex, held only to move pointers: the frame loop never waits for the
// decoder. No FFmpeg and no SDL in here, so the tests drive it frame by frame.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "core/util/error.hpp"
#include "platform/video_frame.hpp"

namespace kiosk::platform {

class VideoFrameQueue {
public:
    explicit VideoFrameQueue(std::size_t capacity = 4);

    // ---- the frame loop ----
    // The newest frame due at `mediaTime` (its time <= mediaTime), once: it and every older frame
    // leave the queue (older ones count as dropped: the caller was late for them). Nothing when no
    // new frame is due yet, so the caller keeps showing (and uploads nothing but) the last one.
    std::shared_ptr<const VideoFrame> frameFor(double mediaTime);
    // Drops the buffered frames at once and tells the worker to go on from `seconds`. A frame the
    // worker decoded before the order is refused by push(), so nothing older ever shows up.
    void requestSeek(double seconds);
    void requestStop();
    // The stream's end was reached and every frame was taken.
    bool finished() const;
    std::optional<core::Error> error() const;
    // When the next buffered frame is due: the frame loop sleeps until then. Nothing when the
    // worker has not decoded it yet.
    std::optional<double> nextFrameTime() const;
    std::size_t bufferedFrames() const;
    std::uint64_t droppedFrames() const;

    // ---- the worker ----
    struct Order {
        enum class Kind { Decode, Seek, Stop } kind = Kind::Decode;
        double seekTo = 0.0;
        std::uint64_t generation = 0;  // which seek the frames decoded now belong to
    };
    // What to do next; waits while there is nothing to do (the end was reached, or decoding
    // failed) until a seek or stop order. After a failure only Stop comes: the error stays.
    Order nextOrder();
    // Waits while the queue is full; false (the frame is dropped) when a seek or stop order came
    // since `generation`.
    bool push(std::shared_ptr<const VideoFrame> frame, std::uint64_t generation);
    void markEnd(std::uint64_t generation);
    void markFailed(core::Error error);

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_workerWake;
    std::deque<std::shared_ptr<const VideoFrame>> m_frames;
    std::optional<double> m_pendingSeek;
    std::optional<core::Error> m_error;
    std::uint64_t m_generation = 0;
    std::uint64_t m_dropped = 0;
    bool m_ended = false;
    bool m_stop = false;
};

}  // namespace kiosk::platform
