// Reads the sound of one video file with FFmpeg, synchronously: demuxes (libavformat), decodes
// its best audio stream (libavcodec: AAC or Opus, what `pack validate` accepts) and resamples it
// to S16 stereo 48 kHz (libswresample, platform/audio_format.hpp). Used only by AudioDecoder's
// worker thread. It opens the file itself, a second demuxer next to VideoFileReader's, so picture
// and sound never wait for each other's packets. No FFmpeg type leaks out of this header.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/util/result.hpp"
#include "platform/audio_format.hpp"

namespace kiosk::platform {

struct AudioInfo {
    std::string codec;        // FFmpeg's short name: "aac", "opus"
    int sourceRate = 0;       // the stream's own sample rate, before resampling
    int sourceChannels = 0;
    double duration = 0.0;    // seconds; 0 when the file does not say
};

class AudioFileReader {
public:
    // A clip without sound is normal (a sign-language clip, a muted explainer): the value is then
    // null, not an error. Errors name the file and say what is wrong: missing, not an MP4 or WebM
    // clip, a sound codec the kiosk does not play, damaged headers.
    static core::Result<std::unique_ptr<AudioFileReader>> open(const std::filesystem::path& file);
    // Whether the file has a sound stream the kiosk would try to play (false for unreadable files).
    static bool hasSound(const std::filesystem::path& file);
    ~AudioFileReader();
    AudioFileReader(const AudioFileReader&) = delete;
    AudioFileReader& operator=(const AudioFileReader&) = delete;

    const AudioInfo& info() const;
    // The next run of sound into `chunk` (its samples are replaced): true, or false at the end.
    // Times are on the video's time line (0 = the video stream's first frame), so sound and
    // picture line up; the first chunk after open() or seek() starts exactly at 0 or the seek
    // target (earlier samples trimmed, a late start padded with silence). An error when the file
    // turns out damaged or ends well before the duration its header gives (a truncated copy).
    core::Result<bool> next(AudioChunk& chunk);
    // Goes on from the sample at `seconds` (clamped to the clip).
    core::Result<bool> seek(double seconds);

private:
    struct Impl;
    explicit AudioFileReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::platform
