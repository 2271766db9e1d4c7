// What EspeakSpeech shares between the frame loop, its worker thread and the audio device: the
// utterances waiting to be synthesised, the sound waiting for the device (each piece tagged with
// its utterance), and so which utterance is heard now. One mutex, held only for copies: the
// frame loop never waits for synthesis or for the device. No SDL and no espeak-ng in here, so
// the tests drive it sample by sample.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/speech/speech_output.hpp"

namespace kiosk::platform {

class SpeechQueue {
public:
    // One utterance handed to the worker, with what it is to be read at.
    struct Job {
        core::Utterance utterance;
        float rate = 1.0f;
        std::uint64_t generation = 0;  // speak() and stop() start a new one: older sound is dropped
        std::uint64_t serial = 0;      // tells two utterances with the same id apart
    };
    enum class Wake { Job, Timeout, Shutdown };

    // ---- the frame loop (SpeechOutput's calls) ----
    void replace(std::vector<core::Utterance> utterances);
    void append(std::vector<core::Utterance> utterances);
    void clear();
    std::string currentId() const;
    bool busy() const;
    void setVolume(float volume);
    void setRate(float rate);

    // ---- the worker ----
    // How much sound may wait for the device before the next utterance is synthesised: enough
    // that it never runs dry between two utterances, little enough that a rate change soon applies.
    void setLookahead(std::size_t samples);
    // Waits until an utterance may be synthesised, `timeout` passes, or shutdown(). With Job,
    // `job` holds it and it counts as being read until finish(job).
    Wake waitForJob(std::optional<std::chrono::milliseconds> timeout, Job& job);
    // Sound of a job for the device; false when speak() or stop() made the job obsolete (the
    // sound is dropped, and the synthesis should stop).
    bool addSound(const Job& job, std::span<const std::int16_t> samples);
    void finish(const Job& job);
    void shutdown();

    // ---- the audio device's callback (or the worker pacing sound nobody hears) ----
    // Fills `out` with waiting sound at the current volume, silence after it; returns how many
    // samples were sound.
    std::size_t fill(std::span<std::int16_t> out);
    // As fill, for no device: the sound passes unheard, at the pace the worker calls this.
    std::size_t discard(std::size_t count);
    bool hasSound() const;
    // All sound samples ever handed to the device (or discarded by the pace).
    std::uint64_t samplesPlayed() const;

private:
    // One piece of sound as espeak-ng made it (at most 50 ms): appending never copies a long
    // utterance's sound under the lock the frame loop takes.
    struct Segment {
        std::string id;
        std::vector<std::int16_t> samples;
        std::size_t played = 0;
    };
    // Each with the lock held.
    void dropEverything();
    void push(std::vector<core::Utterance>& utterances);
    std::size_t take(std::span<std::int16_t> out, std::size_t count);

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;  // the worker waits on it
    std::deque<core::Utterance> m_pending;
    std::deque<Segment> m_segments;
    std::optional<Job> m_synthesising;
    std::uint64_t m_generation = 0;
    std::uint64_t m_nextSerial = 0;
    std::uint64_t m_samplesPlayed = 0;
    std::size_t m_waitingSamples = 0;  // in m_segments, not yet played
    std::size_t m_lookahead = 22050;
    float m_volume = 1.0f;
    float m_rate = 1.0f;
    bool m_shutdown = false;
};

}  // namespace kiosk::platform
