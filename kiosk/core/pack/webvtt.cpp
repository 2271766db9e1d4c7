// Our own small WebVTT reader rather than FFmpeg's: FFmpeg accepts what a player can show, while
// an author needs the line of each mistake and what to write instead. Cue settings (position,
// alignment), STYLE and REGION blocks are read past: the kiosk places subtitles itself.
#include "core/pack/webvtt.hpp"

#include <array>
#include <cstdio>
#include <optional>

#include "core/pack/pack_limits.hpp"
#include "core/pack/text_reader.hpp"
#include "core/util/small_file.hpp"

namespace kiosk::core {
namespace {

// Subtitles run a little past the last frame without harm; more means they belong to another cut.
constexpr double kCueOverrunSeconds = 0.5;

const char* const kTimingExample = "00:01.000 --> 00:04.000 (minutes:seconds.milliseconds, hours optional)";

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

bool isBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "NOTE", "STYLE", "REGION": the word alone or followed by a space, tab or the end of the line.
bool startsBlock(std::string_view line, std::string_view word) {
    return line.starts_with(word) && (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

bool allDigits(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

int number(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// [hh:]mm:ss.ttt, hours with two or more digits, minutes and seconds below 60.
std::optional<double> parseTimestamp(std::string_view text) {
    const std::size_t dot = text.rfind('.');
    if (dot == std::string_view::npos || text.size() - dot - 1 != 3 || !allDigits(text.substr(dot + 1))) return std::nullopt;
    std::vector<std::string_view> parts;
    std::string_view clock = text.substr(0, dot);
    for (std::size_t colon; (colon = clock.find(':')) != std::string_view::npos; clock.remove_prefix(colon + 1)) {
        parts.push_back(clock.substr(0, colon));
    }
    parts.push_back(clock);
    if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
    const bool hours = parts.size() == 3;
    if (hours && (parts[0].size() < 2 || parts[0].size() > 4 || !allDigits(parts[0]))) return std::nullopt;
    const std::string_view minutes = parts[parts.size() - 2], seconds = parts.back();
    if (minutes.size() != 2 || seconds.size() != 2 || !allDigits(minutes) || !allDigits(seconds)) return std::nullopt;
    if (number(minutes) > 59 || number(seconds) > 59) return std::nullopt;
    return (hours ? number(parts[0]) * 3600.0 : 0.0) + number(minutes) * 60.0 + number(seconds) + number(text.substr(dot + 1)) / 1000.0;
}

std::string formatTime(double seconds) {
    std::array<char, 32> text{};
    const int minutes = static_cast<int>(seconds) / 60;
    std::snprintf(text.data(), text.size(), "%02d:%06.3f", minutes, seconds - minutes * 60.0);
    return text.data();
}

class Parser {
public:
    Parser(std::string_view text, double clipSeconds) : m_lines(splitLines(text)), m_clipSeconds(clipSeconds) {}

    ParsedWebVtt run() {
        if (!readHeader()) return std::move(m_out);
        std::size_t at = m_next;
        while (at < m_lines.size()) {
            if (isBlank(m_lines[at])) {
                ++at;
                continue;
            }
            std::size_t end = at;
            while (end < m_lines.size() && !isBlank(m_lines[end])) ++end;
            readBlock(at, end);
            at = end;
        }
        return std::move(m_out);
    }

private:
    void problem(std::size_t index, std::string message, std::string hint) {
        m_out.problems.push_back(WebVttProblem{static_cast<int>(index) + 1, std::move(message), std::move(hint)});
    }

    // "WEBVTT" alone or followed by a space or tab and a title, then header lines up to a blank one.
    bool readHeader() {
        std::string_view first = m_lines.empty() ? std::string_view() : m_lines[0];
        if (first.starts_with("\xEF\xBB\xBF")) first.remove_prefix(3);
        if (!startsBlock(first, "WEBVTT")) {
            problem(0, "the file does not start with \"WEBVTT\", so it is not a WebVTT file",
                    "write WEBVTT on the first line and a blank line after it (subtitles from .srt files: "
                    "convert them with ffmpeg -i subtitles.srt subtitles.vtt)");
            return false;
        }
        m_next = 1;
        while (m_next < m_lines.size() && !isBlank(m_lines[m_next])) {
            if (m_lines[m_next].find("-->") != std::string_view::npos) {
                problem(m_next, "a cue follows the WEBVTT line without a blank line between them", "add a blank line after WEBVTT");
                return true;
            }
            ++m_next;
        }
        return true;
    }

    void readBlock(std::size_t begin, std::size_t end) {
        const std::string_view first = m_lines[begin];
        if (startsBlock(first, "NOTE") || startsBlock(first, "STYLE") || startsBlock(first, "REGION")) return;
        // An identifier line may come before the timing line.
        std::size_t timing = first.find("-->") != std::string_view::npos ? begin : begin + 1;
        if (timing >= end || m_lines[timing].find("-->") == std::string_view::npos) {
            problem(begin, "'" + std::string(trim(first)) + "' is not a cue: a cue starts with its timing line",
                    std::string("write the time it is shown, like ") + kTimingExample + ", then its text; separate cues by a blank line");
            return;
        }
        readCue(timing, end);
    }

    void readCue(std::size_t timing, std::size_t end) {
        const std::string_view line = m_lines[timing];
        const std::size_t arrow = line.find("-->");
        const std::string_view startText = trim(line.substr(0, arrow));
        std::string_view rest = trim(line.substr(arrow + 3));
        const std::string_view endText = rest.substr(0, rest.find_first_of(" \t"));
        const auto start = parseTimestamp(startText), stop = parseTimestamp(endText);
        for (const auto& [value, text] : {std::pair{start, startText}, std::pair{stop, endText}}) {
            if (value) continue;
            const bool srt = text.find(',') != std::string_view::npos;
            problem(timing, "'" + std::string(text) + "' is not a time",
                    srt ? "WebVTT writes a dot before the milliseconds, not a comma: 00:01.000"
                        : std::string("write it like ") + kTimingExample);
            return;
        }
        if (*stop <= *start) {
            problem(timing, "the cue ends (" + std::string(endText) + ") before it starts (" + std::string(startText) + ")",
                    "swap the two times, or correct the end");
            return;
        }
        if (m_clipSeconds > 0 && *stop > m_clipSeconds + kCueOverrunSeconds) {
            problem(timing, "the cue ends at " + std::string(endText) + ", after the end of the clip (" + formatTime(m_clipSeconds) + ")",
                    "these subtitles may belong to another version of the clip; correct the times or the clip");
            return;
        }
        if (*start < m_lastStart) {
            problem(timing, "the cue starts (" + std::string(startText) + ") before the cue above it",
                    "put the cues in the order they are shown");
            return;
        }
        m_lastStart = *start;
        SubtitleCue cue{*start, *stop, {}};
        for (std::size_t i = timing + 1; i < end; ++i) {
            if (!cue.text.empty()) cue.text += "\n";
            cue.text += m_lines[i];
        }
        if (countCharacters(cue.text) > limits::kSubtitleCueChars) {
            problem(timing, "the cue's text has " + std::to_string(countCharacters(cue.text)) + " characters, at most " +
                                std::to_string(limits::kSubtitleCueChars) + " fit under the picture",
                    "split it into two cues, each shown for part of the time");
        }
        m_out.cues.push_back(std::move(cue));
    }

    std::vector<std::string_view> m_lines;
    double m_clipSeconds;
    std::size_t m_next = 0;
    double m_lastStart = 0;
    ParsedWebVtt m_out;
};

}  // namespace

ParsedWebVtt parseWebVtt(std::string_view text, double clipSeconds) { return Parser(text, clipSeconds).run(); }

std::vector<SubtitleCue> readWebVttFile(const std::filesystem::path& file, const std::string& shownFile, double clipSeconds,
                                        Diagnostics& problems) {
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (ec) {
        problems.push_back(Error{ErrorCode::FileUnreadable, shownFile, 0, "the subtitles cannot be read", "check the file"});
        return {};
    }
    if (bytes > limits::kSubtitleBytes) {
        problems.push_back(Error{ErrorCode::TooLarge, shownFile, 0, "the subtitles are larger than 512 KiB",
                                 "check that this is the subtitle file of one clip"});
        return {};
    }
    std::string readError;
    const std::optional<std::string> text = readFileStart(file, limits::kSubtitleBytes, readError);
    if (!text) {
        problems.push_back(Error{ErrorCode::FileUnreadable, shownFile, 0, "the subtitles " + readError,
                                 kUnreadablePackFileHint});
        return {};
    }
    ParsedWebVtt parsed = parseWebVtt(*text, clipSeconds);
    for (WebVttProblem& problem : parsed.problems) {
        problems.push_back(Error{ErrorCode::InvalidValue, shownFile, problem.line, std::move(problem.message), std::move(problem.hint)});
    }
    return std::move(parsed.cues);
}

}  // namespace kiosk::core
