// What AudioDecoder shares between its worker thread and SDL's audio thread: about half a second
// of resampled sound in a ring buffer (bounded: the worker waits while it is full), the seek and
// stop orders (with generations, as in VideoFrameQueue), how decoding ended, and the audio clock.
// One mutex, held only to copy samples: the audio callback never waits for the decoder. No FFmpeg
// and no SDL in here, so the tests drive it sample by sample.
//
// The clock: playedSeconds() is the clip time of the next sample pull() hands out, the start of
// the current run (0, or the seek target) plus the frames pulled since, divided by the rate. It
// counts only sound that was handed out: silence filled in for an underrun (the decoder late, or
// the end) does not move it, so the picture waits for the sound instead of running ahead of it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "core/util/error.hpp"
#include "platform/audio_format.hpp"

namespace kiosk::platform {

class AudioSampleQueue {
public:
    static constexpr int kDefaultCapacityFrames = kAudioRate / 2;  // 0.5 s: 96 KiB

    explicit AudioSampleQueue(int capacityFrames = kDefaultCapacityFrames);

    // ---- SDL's audio callback (and the frame loop, for the clock) ----
    // Copies up to `frames` buffered frames into `out` (kAudioChannels samples each) and fills
    // the rest with silence; never waits. Returns the frames of real sound it copied.
    int pull(std::int16_t* out, int frames);
    double playedSeconds() const;
    // Drops the buffered sound at once and tells the worker to go on from `seconds`; the clock
    // reads `seconds` from now until sound from there is pulled. Sound the worker decoded before
    // the order is refused by push(), so nothing older is ever heard.
    void requestSeek(double seconds);
    void requestStop();
    // The end was reached and every sample pulled.
    bool finished() const;
    std::optional<core::Error> error() const;
    int bufferedFrames() const;
    int capacityFrames() const { return m_capacity; }
    // Frames of silence pull() filled in while the clip had not finished: the decoder was late.
    std::uint64_t underrunFrames() const;

    // ---- the worker ----
    struct Order {
        enum class Kind { Decode, Seek, Stop } kind = Kind::Decode;
        double seekTo = 0.0;
        std::uint64_t generation = 0;  // which seek the sound decoded now belongs to
    };
    // What to do next; waits while there is nothing to do (the end was reached, or decoding
    // failed) until a seek or stop order. After a failure only Stop comes: the error stays.
    Order nextOrder();
    // Copies the chunk in, waiting while the buffer is full (a chunk larger than the buffer goes
    // in piece by piece as the callback makes room); false (the rest is dropped) when a seek or
    // stop order came since `generation`. The first chunk of a generation sets where the clock
    // starts (AudioFileReader makes it the seek target itself, to the sample).
    bool push(const AudioChunk& chunk, std::uint64_t generation);
    void markEnd(std::uint64_t generation);
    void markFailed(core::Error error);

private:
    bool orderedAway(std::uint64_t generation) const;  // with m_mutex held

    const int m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_workerWake;
    std::vector<std::int16_t> m_ring;  // m_capacity frames
    int m_readFrame = 0;               // where the oldest buffered frame is in m_ring
    int m_buffered = 0;
    double m_runStart = 0.0;           // clip time of the first sample of this run
    std::uint64_t m_pulledFrames = 0;  // frames handed out since m_runStart
    std::uint64_t m_underrunFrames = 0;
    bool m_runStarted = false;         // a chunk of this generation arrived
    std::optional<double> m_pendingSeek;
    std::optional<core::Error> m_error;
    std::uint64_t m_generation = 0;
    bool m_ended = false;
    bool m_stop = false;
};

}  // namespace kiosk::platform
