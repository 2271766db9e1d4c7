// The bounded sample ring between the audio decoder's worker and SDL's audio callback.
#include "platform/audio_sample_queue.hpp"

#include <algorithm>
#include <cstring>

namespace kiosk::platform {

namespace {

void copyFrames(std::int16_t* to, const std::int16_t* from, int frames) {
    std::memcpy(to, from, static_cast<std::size_t>(frames) * kAudioChannels * sizeof(std::int16_t));
}

}  // namespace

AudioSampleQueue::AudioSampleQueue(int capacityFrames)
    : m_capacity(std::max(capacityFrames, 1)), m_ring(static_cast<std::size_t>(m_capacity) * kAudioChannels) {}

int AudioSampleQueue::pull(std::int16_t* out, int frames) {
    if (frames <= 0) return 0;
    int copied = 0;
    {
        std::lock_guard lock(m_mutex);
        // Two copies at most: up to the ring's end, then from its start.
        while (copied < frames && m_buffered > 0) {
            const int run = std::min({frames - copied, m_buffered, m_capacity - m_readFrame});
            copyFrames(out + static_cast<std::ptrdiff_t>(copied) * kAudioChannels,
                       m_ring.data() + static_cast<std::ptrdiff_t>(m_readFrame) * kAudioChannels, run);
            copied += run;
            m_buffered -= run;
            m_readFrame = (m_readFrame + run) % m_capacity;
        }
        m_pulledFrames += static_cast<std::uint64_t>(copied);
        const bool clipOver = m_ended || m_error || m_stop;
        if (!clipOver) m_underrunFrames += static_cast<std::uint64_t>(frames - copied);
    }
    if (copied < frames)
        std::memset(out + static_cast<std::ptrdiff_t>(copied) * kAudioChannels, 0,
                    static_cast<std::size_t>(frames - copied) * kAudioChannels * sizeof(std::int16_t));
    if (copied > 0) m_workerWake.notify_all();
    return copied;
}

double AudioSampleQueue::playedSeconds() const {
    std::lock_guard lock(m_mutex);
    return m_runStart + static_cast<double>(m_pulledFrames) / kAudioRate;
}

void AudioSampleQueue::requestSeek(double seconds) {
    {
        std::lock_guard lock(m_mutex);
        m_buffered = 0;
        m_readFrame = 0;
        m_pendingSeek = seconds;
        m_runStart = seconds;
        m_pulledFrames = 0;
        m_runStarted = false;
        ++m_generation;
    }
    m_workerWake.notify_all();
}

void AudioSampleQueue::requestStop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_workerWake.notify_all();
}

bool AudioSampleQueue::finished() const {
    std::lock_guard lock(m_mutex);
    return m_ended && !m_pendingSeek && m_buffered == 0;
}

std::optional<core::Error> AudioSampleQueue::error() const {
    std::lock_guard lock(m_mutex);
    return m_error;
}

int AudioSampleQueue::bufferedFrames() const {
    std::lock_guard lock(m_mutex);
    return m_buffered;
}

std::uint64_t AudioSampleQueue::underrunFrames() const {
    std::lock_guard lock(m_mutex);
    return m_underrunFrames;
}

AudioSampleQueue::Order AudioSampleQueue::nextOrder() {
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

bool AudioSampleQueue::orderedAway(std::uint64_t generation) const {
    return m_stop || m_pendingSeek || generation != m_generation;
}

bool AudioSampleQueue::push(const AudioChunk& chunk, std::uint64_t generation) {
    const int frames = chunk.frames();
    int pushed = 0;
    std::unique_lock lock(m_mutex);
    if (orderedAway(generation)) return false;
    if (!m_runStarted && frames > 0) {
        // Nothing of this run was pulled yet (m_pulledFrames is 0): the clock starts at the chunk.
        m_runStart = chunk.time;
        m_pulledFrames = 0;
        m_runStarted = true;
    }
    while (pushed < frames) {
        m_workerWake.wait(lock, [&] { return orderedAway(generation) || m_buffered < m_capacity; });
        if (orderedAway(generation)) return false;
        const int writeFrame = (m_readFrame + m_buffered) % m_capacity;
        const int run = std::min({frames - pushed, m_capacity - m_buffered, m_capacity - writeFrame});
        copyFrames(m_ring.data() + static_cast<std::ptrdiff_t>(writeFrame) * kAudioChannels,
                   chunk.samples.data() + static_cast<std::ptrdiff_t>(pushed) * kAudioChannels, run);
        m_buffered += run;
        pushed += run;
    }
    return true;
}

void AudioSampleQueue::markEnd(std::uint64_t generation) {
    std::lock_guard lock(m_mutex);
    if (generation == m_generation && !m_pendingSeek) m_ended = true;
}

void AudioSampleQueue::markFailed(core::Error error) {
    std::lock_guard lock(m_mutex);
    m_error = std::move(error);
}

}  // namespace kiosk::platform
