// Plays the picture of one video file for the frame loop: FFmpeg decodes on a worker thread, a
// few frames ahead (memory bounded: the worker waits while the queue is full), and the frame loop
// takes the frame due at the media time it passes in, without ever waiting. No SDL, no ImGui and
// no clock in here: the caller owns the media time (the audio clock, for A/V sync).
//
// VideoFileReader picks the video stream only; the sound is AudioDecoder's (platform/audio_decoder.hpp),
// with its own demuxer on the same file, and its played-sample count is the media time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "core/util/result.hpp"
#include "platform/video_file_reader.hpp"
#include "platform/video_frame_queue.hpp"

namespace kiosk::platform {

class VideoDecoder {
public:
    static constexpr std::size_t kBufferedFrames = 4;

    // Opens and checks the file on the calling thread (a few milliseconds: headers only), then
    // starts decoding. An error names the file and what is wrong with it.
    static core::Result<std::unique_ptr<VideoDecoder>> open(const std::filesystem::path& file,
                                                            std::size_t bufferedFrames = kBufferedFrames);
    ~VideoDecoder();  // stop()
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    // The newest frame due at `mediaTime` seconds, once (older ones are dropped); nothing when no
    // new frame is due, so the caller keeps the one it shows. Never waits for the decoder.
    std::shared_ptr<const VideoFrame> frameFor(double mediaTime);
    // Goes on from the frame at `seconds`; the buffered frames are dropped at once. Also how a
    // finished clip plays again (seek(0)).
    void seek(double seconds);
    // Ends decoding and joins the worker (promptly: it never blocks on anything but the queue).
    void stop();

    const VideoInfo& info() const { return m_info; }
    double duration() const { return m_info.duration; }
    int width() const { return m_info.width; }
    int height() const { return m_info.height; }
    // The end was reached and every frame was taken.
    bool finished() const { return m_queue.finished(); }
    // Set when decoding failed midway (a truncated or damaged file): for an error card. Sticky.
    std::optional<core::Error> error() const { return m_queue.error(); }
    std::optional<double> nextFrameTime() const { return m_queue.nextFrameTime(); }
    std::size_t bufferedFrames() const { return m_queue.bufferedFrames(); }
    std::uint64_t droppedFrames() const { return m_queue.droppedFrames(); }

private:
    VideoDecoder(std::filesystem::path file, std::unique_ptr<VideoFileReader> reader, std::size_t bufferedFrames);
    void decodeUntilStopped();

    const std::filesystem::path m_file;
    std::unique_ptr<VideoFileReader> m_reader;  // the worker's alone once it runs
    const VideoInfo m_info;
    VideoFrameQueue m_queue;
    std::thread m_worker;
};

}  // namespace kiosk::platform
