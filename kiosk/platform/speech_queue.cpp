// The speech queue's bookkeeping. The utterance heard is the one whose sound the device takes
// now; between speak() and its first sound, the one being synthesised or next in line, so the
// UI highlights the right thing from the first frame on.
#include "platform/speech_queue.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::platform {
namespace {

bool silent(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

float clampedOr(float value, float low, float high, float otherwise) { return std::isfinite(value) ? std::clamp(value, low, high) : otherwise; }

}  // namespace

void SpeechQueue::dropEverything() {
    m_pending.clear();
    m_segments.clear();
    m_waitingSamples = 0;
    m_synthesising.reset();  // the worker's synthesis is obsolete: addSound refuses its sound
    ++m_generation;
}

void SpeechQueue::push(std::vector<core::Utterance>& utterances) {
    if (m_shutdown) return;  // no worker would ever take them: isSpeaking() would stay true
    for (auto& utterance : utterances) {
        if (!silent(utterance.text)) m_pending.push_back(std::move(utterance));
    }
}

void SpeechQueue::replace(std::vector<core::Utterance> utterances) {
    {
        const std::lock_guard guard(m_mutex);
        dropEverything();
        push(utterances);
    }
    m_wake.notify_all();
}

void SpeechQueue::append(std::vector<core::Utterance> utterances) {
    {
        const std::lock_guard guard(m_mutex);
        push(utterances);
    }
    m_wake.notify_all();
}

void SpeechQueue::clear() {
    {
        const std::lock_guard guard(m_mutex);
        dropEverything();
    }
    m_wake.notify_all();
}

std::string SpeechQueue::currentId() const {
    const std::lock_guard guard(m_mutex);
    if (!m_segments.empty()) return m_segments.front().id;
    if (m_synthesising) return m_synthesising->utterance.id;
    if (!m_pending.empty()) return m_pending.front().id;
    return {};
}

bool SpeechQueue::busy() const {
    const std::lock_guard guard(m_mutex);
    return !m_segments.empty() || m_synthesising || !m_pending.empty();
}

void SpeechQueue::setVolume(float volume) {
    const std::lock_guard guard(m_mutex);
    m_volume = clampedOr(volume, 0.0f, 1.0f, m_volume);
}

void SpeechQueue::setRate(float rate) {
    const std::lock_guard guard(m_mutex);
    m_rate = clampedOr(rate, core::kMinSpeechRate, core::kMaxSpeechRate, m_rate);
}

void SpeechQueue::setLookahead(std::size_t samples) {
    const std::lock_guard guard(m_mutex);
    m_lookahead = samples;
}

SpeechQueue::Wake SpeechQueue::waitForJob(std::optional<std::chrono::milliseconds> timeout, Job& job) {
    std::unique_lock lock(m_mutex);
    // One utterance at a time: the next is synthesised when this one is done and the sound
    // ahead of the device runs short, so a rate change applies to the next utterance.
    const auto ready = [&] { return m_shutdown || (!m_pending.empty() && !m_synthesising && m_waitingSamples < m_lookahead); };
    if (timeout) {
        if (!m_wake.wait_for(lock, *timeout, ready)) return Wake::Timeout;
    } else {
        m_wake.wait(lock, ready);
    }
    if (m_shutdown) return Wake::Shutdown;
    job = Job{std::move(m_pending.front()), m_rate, m_generation, m_nextSerial++};
    m_pending.pop_front();
    m_synthesising = job;
    return Wake::Job;
}

bool SpeechQueue::addSound(const Job& job, std::span<const std::int16_t> samples) {
    const std::lock_guard guard(m_mutex);
    if (job.generation != m_generation || m_shutdown) return false;
    if (samples.empty()) return true;
    m_segments.push_back(Segment{job.utterance.id, std::vector<std::int16_t>(samples.begin(), samples.end()), 0});
    m_waitingSamples += samples.size();
    return true;
}

void SpeechQueue::finish(const Job& job) {
    {
        const std::lock_guard guard(m_mutex);
        if (m_synthesising && m_synthesising->serial == job.serial) m_synthesising.reset();
    }
    m_wake.notify_all();
}

void SpeechQueue::shutdown() {
    {
        const std::lock_guard guard(m_mutex);
        m_shutdown = true;
        dropEverything();
    }
    m_wake.notify_all();
}

std::size_t SpeechQueue::take(std::span<std::int16_t> out, std::size_t count) {
    std::size_t done = 0;
    bool segmentEnded = false;
    while (done < count && !m_segments.empty()) {
        Segment& segment = m_segments.front();
        const std::size_t n = std::min(count - done, segment.samples.size() - segment.played);
        if (!out.empty()) {
            for (std::size_t i = 0; i < n; ++i) {
                out[done + i] = static_cast<std::int16_t>(std::lround(static_cast<float>(segment.samples[segment.played + i]) * m_volume));
            }
        }
        segment.played += n;
        done += n;
        if (segment.played == segment.samples.size()) {
            m_segments.pop_front();
            segmentEnded = true;
        }
    }
    m_samplesPlayed += done;
    m_waitingSamples -= done;
    // The worker may wait for room, or for the end of the sound to close the device.
    if ((segmentEnded && m_segments.empty()) || (!m_pending.empty() && m_waitingSamples < m_lookahead)) m_wake.notify_all();
    return done;
}

std::size_t SpeechQueue::fill(std::span<std::int16_t> out) {
    std::size_t sound = 0;
    {
        const std::lock_guard guard(m_mutex);
        sound = take(out, out.size());
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(sound), out.end(), std::int16_t{0});
    return sound;
}

std::size_t SpeechQueue::discard(std::size_t count) {
    const std::lock_guard guard(m_mutex);
    return take({}, count);
}

bool SpeechQueue::hasSound() const {
    const std::lock_guard guard(m_mutex);
    return !m_segments.empty();
}

std::uint64_t SpeechQueue::samplesPlayed() const {
    const std::lock_guard guard(m_mutex);
    return m_samplesPlayed;
}

}  // namespace kiosk::platform
