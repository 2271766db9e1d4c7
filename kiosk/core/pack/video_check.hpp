// Looks into a clip of a pack with libavformat (its headers; nothing is decoded unless they leave something out): is it a
// container and codec the kiosk plays, within the limits, and complete (content/FORMAT.md, "video")?
#pragma once

#include <filesystem>
#include <string>

#include "core/util/result.hpp"

namespace kiosk::core {

enum class VideoContainer { Mp4, WebM };

struct VideoFacts {
    VideoContainer container = VideoContainer::Mp4;
    std::string videoCodec;  // "h264" or "vp9", FFmpeg's names
    std::string audioCodec;  // "aac" or "opus"; empty for a silent clip
    int width = 0;
    int height = 0;
    double durationSeconds = 0;
    double bitsPerSecond = 0;  // the whole file's average: bytes × 8 / duration
};

// The Error names `shownName` and has no line: the caller knows where the clip was referenced.
// Reads the headers and the packets of the clip's last seconds, so a cut-off download is found
// without reading the whole file.
Result<VideoFacts> checkVideoFile(const std::filesystem::path& file, const std::string& shownName);

}  // namespace kiosk::core
