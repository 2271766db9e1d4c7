// Plays the sound of one video file: FFmpeg decodes and resamples on a worker thread, about half
// a second ahead (memory bounded: the worker waits while the sample queue is full), and SDL's
// audio callback (platform/audio_output.hpp) pulls samples without ever waiting. The samples
// pulled are the clip's clock: the player shows the picture due at playedSeconds() (minus the
// device's latency), so picture follows sound, the way A/V sync is usually done: a late picture
// is a dropped frame nobody notices, a gap in the sound everyone hears.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "core/util/result.hpp"
#include "platform/audio_file_reader.hpp"
#include "platform/audio_sample_queue.hpp"

namespace kiosk::platform {

class AudioDecoder {
public:
    // Opens and checks the file on the calling thread (headers only), then starts decoding. A
    // clip without sound gives a null decoder, not an error: play it on a wall clock. An error
    // names the file and what is wrong with it.
    static core::Result<std::unique_ptr<AudioDecoder>> open(const std::filesystem::path& file,
                                                            int bufferedFrames = AudioSampleQueue::kDefaultCapacityFrames);
    ~AudioDecoder();  // stop()
    AudioDecoder(const AudioDecoder&) = delete;
    AudioDecoder& operator=(const AudioDecoder&) = delete;

    // For SDL's audio callback: `frames` frames of S16 stereo 48 kHz into `out`, silence where
    // the decoder has none yet (or the clip ended); never waits. The frames of real sound.
    int pull(std::int16_t* out, int frames) { return m_queue.pull(out, frames); }
    // The clip time of the next sample to be handed out (see AudioSampleQueue).
    double playedSeconds() const { return m_queue.playedSeconds(); }
    // Goes on from the sample at `seconds`; buffered sound is dropped at once. Also how a
    // finished clip plays again (seek(0)).
    void seek(double seconds) { m_queue.requestSeek(seconds); }
    // Ends decoding and joins the worker (promptly: it never blocks on anything but the queue).
    void stop();

    const AudioInfo& info() const { return m_info; }
    // The end was reached and every sample was pulled.
    bool finished() const { return m_queue.finished(); }
    // Set when decoding failed midway (a truncated or damaged file). Sticky.
    std::optional<core::Error> error() const { return m_queue.error(); }
    int bufferedFrames() const { return m_queue.bufferedFrames(); }
    std::uint64_t underrunFrames() const { return m_queue.underrunFrames(); }

private:
    AudioDecoder(std::filesystem::path file, std::unique_ptr<AudioFileReader> reader, int bufferedFrames);
    void decodeUntilStopped();

    const std::filesystem::path m_file;
    std::unique_ptr<AudioFileReader> m_reader;  // the worker's alone once it runs
    const AudioInfo m_info;
    AudioSampleQueue m_queue;
    std::thread m_worker;
};

}  // namespace kiosk::platform
