// Reads one video file with FFmpeg, synchronously: demuxes (libavformat), decodes the video stream
// (libavcodec) and converts each picture to IYUV (libswscale). Used only by VideoDecoder's worker
// thread; no FFmpeg type leaks out of this header, so FFmpeg stays private to kiosk_platform.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/util/result.hpp"
#include "platform/video_frame.hpp"

namespace kiosk::platform {

// Containers and codecs the kiosk plays, the same pairs `kiosk pack validate` accepts
// (core/pack/video_check.cpp): H.264 in MP4 plays everywhere and every editor exports it; VP9 in
// WebM is the royalty-free alternative. Everything else is refused by name rather than handed to
// one of FFmpeg's hundreds of demuxers and decoders: fewer parsers see a pack's bytes, and an
// author learns at once what to export instead.
// The table of what plays is core::kVideoFormats (core/pack/video_formats.hpp), shared with
// `pack validate`.

struct VideoInfo {
    int width = 0;
    int height = 0;
    double duration = 0.0;    // seconds; 0 when the file does not say
    double frameRate = 0.0;   // frames per second; 0 when the file does not say
    std::string codec;        // FFmpeg's short name: "h264", "vp9"
    std::string container;    // FFmpeg's demuxer name: "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"
};

class VideoFileReader {
public:
    // Errors name the file and say what is wrong: missing, "not a video", a container or codec
    // that is not supported, truncated or damaged.
    static core::Result<std::unique_ptr<VideoFileReader>> open(const std::filesystem::path& file);
    ~VideoFileReader();
    VideoFileReader(const VideoFileReader&) = delete;
    VideoFileReader& operator=(const VideoFileReader&) = delete;

    const VideoInfo& info() const;
    // The next picture into `frame` (its pixels are reused when the size fits): true, or false at
    // the end of the stream. An error when the file turns out damaged, or ends well before the
    // duration its header promised (a truncated download or copy).
    core::Result<bool> next(VideoFrame& frame);
    // Goes on from the picture shown at `seconds` (clamped to the clip): from the key frame before
    // it, decoding and skipping the pictures in between.
    core::Result<bool> seek(double seconds);

private:
    struct Impl;
    explicit VideoFileReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::platform
