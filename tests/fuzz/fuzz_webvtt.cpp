// libFuzzer harness: the input is a clip's subtitles, a WebVTT file of a pack, read with
// parseWebVtt without a clip (its length unknown) and against a clip of 12.5 s.
#include <algorithm>

#include "core/pack/webvtt.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    const std::string_view text = fuzz::asText(data, size);
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r')) + 1;
    for (const double clipSeconds : {0.0, 12.5}) {
        const core::ParsedWebVtt parsed = core::parseWebVtt(text, clipSeconds);
        double previousStart = 0;
        for (const core::SubtitleCue& cue : parsed.cues) {
            fuzz::require(cue.startSeconds >= previousStart && cue.startSeconds < cue.endSeconds, "a cue out of order or ending before it starts");
            fuzz::require(clipSeconds == 0 || cue.endSeconds <= clipSeconds + 0.5, "a cue after the end of the clip accepted");
            previousStart = cue.startSeconds;
        }
        for (const core::WebVttProblem& problem : parsed.problems) {
            fuzz::require(problem.line >= 1 && problem.line <= lines && !problem.message.empty(), "a WebVTT problem outside the file");
        }
    }
    return 0;
}
