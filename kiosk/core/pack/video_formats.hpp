// The clips the kiosk plays, in one table: `pack validate` (core/pack/video_check) and the
// player (platform/video_file_reader) read it, so what validates is exactly what plays. Names
// are FFmpeg's, as strings: no FFmpeg header here.
#pragma once

#include <array>
#include <string_view>

namespace kiosk::core {

struct VideoFormat {
    std::string_view extension;   // ".mp4"
    std::string_view name;        // "MP4", for messages
    std::string_view demuxer;     // FFmpeg's AVInputFormat::name of the demuxer that reads it
    std::string_view shortName;   // what av_find_input_format() takes: "mp4"
    std::string_view videoCodec;  // avcodec_get_name() of the one video codec it may carry
    std::string_view described;   // "H.264 in .mp4"
};

// H.264 in MP4 and VP9 in WebM: what Debian's FFmpeg decodes in software on a kiosk PC.
inline constexpr std::array<VideoFormat, 2> kVideoFormats{{
    {".mp4", "MP4", "mov,mp4,m4a,3gp,3g2,mj2", "mp4", "h264", "H.264 in .mp4"},
    {".webm", "WebM", "matroska,webm", "webm", "vp9", "VP9 in .webm"},
}};

inline constexpr std::string_view kSupportedVideoFormats = "H.264 in MP4 or VP9 in WebM";

// Null when the kiosk plays no clip of that kind.
inline const VideoFormat* videoFormatByExtension(std::string_view extension) {
    for (const VideoFormat& format : kVideoFormats) {
        if (format.extension == extension) return &format;
    }
    return nullptr;
}
inline const VideoFormat* videoFormatByDemuxer(std::string_view demuxer) {
    for (const VideoFormat& format : kVideoFormats) {
        if (format.demuxer == demuxer) return &format;
    }
    return nullptr;
}

}  // namespace kiosk::core
