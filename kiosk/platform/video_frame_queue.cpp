// The bounded frame queue between the video decoder's worker and the frame loop.
#include "platform/video_frame_queue.hpp"

#include <algorithm>

namespace kiosk::platform {

VideoFrameQueue::VideoFrameQueue(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

std::shared_ptr<const VideoFrame> VideoFrameQueue::frameFor(double mediaTime) {
    std::shared_ptr<const VideoFrame> due;
    {
        std::lock_guard lock(m_mutex);
        std::size_t taken = 0;
        while (taken < m_frames.size() && m_frames[taken]->time <= mediaTime) ++taken;
        if (taken == 0) return nullptr;
        due = m_frames[taken - 1];
        m_dropped += taken - 1;
        m_frames.erase(m_frames.begin(), m_frames.begin() + static_cast<std::ptrdiff_t>(taken));
    }
    m_workerWake.notify_all();
    return due;
}

void VideoFrameQueue::requestSeek(double seconds) {
    {
        std::lock_guard lock(m_mutex);
        m_frames.clear();
        m_pendingSeek = seconds;
        ++m_generation;
    }
    m_workerWake.notify_all();
}

void VideoFrameQueue::requestStop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_workerWake.notify_all();
}

bool VideoFrameQueue::finished() const {
    std::lock_guard lock(m_mutex);
    return m_ended && !m_pendingSeek && m_frames.empty();
}

std::optional<core::Error> VideoFrameQueue::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

std::optional<double> VideoFrameQueue::nextFrameTime() const {
    std::lock_guard lock(m_mutex);
    if (m_frames.empty()) return std::nullopt;
    return m_frames.front()->time;
}

std::size_t VideoFrameQueue::bufferedFrames() const {
    std::lock_guard lock(m_mutex);
    return m_frames.size();
}

std::uint64_t VideoFrameQueue::droppedFrames() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

VideoFrameQueue::Order VideoFrameQueue::nextOrder() {
    std::unique_lock lock(m_mutex);
    m_workerWake.wait(lock, [&] { return m_stop || (!m_error && (m_pendingSeek || !m_ended)); });
    if (m_stop) return {Order::Kind::Stop, 0.0, m_generation};
    if (m_pendingSeek) {
        const double to = *m_pendingSeek;
        m_pendingSeek.reset();
        m_ended = false;
        return {Order::Kind::Seek, to, m_generation};
    }
    return {Order::Kind::Decode, 0.0, m_generation};
}

bool VideoFrameQueue::push(std::shared_ptr<const VideoFrame> frame, std::uint64_t generation) {
    std::unique_lock lock(m_mutex);
    m_workerWake.wait(lock, [&] {
        return m_stop || m_pendingSeek || generation != m_generation || m_frames.size() < m_capacity;
    });
    if (m_stop || m_pendingSeek || generation != m_generation) return false;
    m_frames.push_back(std::move(frame));
    return true;
}

void VideoFrameQueue::markEnd(std::uint64_t generation) {
    std::lock_guard lock(m_mutex);
    if (generation == m_generation && !m_pendingSeek) m_ended = true;
}

void VideoFrameQueue::markFailed(core::Error error) {
    std::lock_guard lock(m_mutex);
    m_error = std::move(error);
}

}  // namespace kiosk::platform
