// Reads a clip's subtitles in WebVTT (content/FORMAT.md, "video"): the part of the format
// subtitles need (header, cues with timings, text lines, NOTE blocks), with every mistake at its line.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace kiosk::core {

struct SubtitleCue {
    double startSeconds = 0;
    double endSeconds = 0;
    std::string text;  // its lines joined by "\n", as written (tags such as <i> included)
};

struct WebVttProblem {
    int line = 0;  // 1-based, in the .vtt file
    std::string message;
    std::string hint;
};

struct ParsedWebVtt {
    std::vector<SubtitleCue> cues;
    std::vector<WebVttProblem> problems;
};

// `clipSeconds` is the clip's length; a cue that ends after it is a problem. 0: not checked.
ParsedWebVtt parseWebVtt(std::string_view text, double clipSeconds);

// The file's cues; its problems are appended to `problems` as errors naming `shownFile` and the line.
std::vector<SubtitleCue> readWebVttFile(const std::filesystem::path& file, const std::string& shownFile, double clipSeconds,
                                        Diagnostics& problems);

}  // namespace kiosk::core
