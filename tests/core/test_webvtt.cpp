// The WebVTT reader for a clip's subtitles: the cues the player will show, and each mistake at its line.
#include <doctest/doctest.h>

#include <string>

#include "core/pack/webvtt.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

// The one problem of `text`, as "line: message", or what went wrong instead.
std::string onlyProblem(std::string_view text, double clipSeconds = 0) {
    const core::ParsedWebVtt parsed = core::parseWebVtt(text, clipSeconds);
    if (parsed.problems.size() != 1) return std::to_string(parsed.problems.size()) + " problems";
    return std::to_string(parsed.problems[0].line) + ": " + parsed.problems[0].message;
}

}  // namespace

TEST_CASE("webvtt: a good file gives its cues with times and text, identifiers, notes and settings read past") {
    const std::string text =
        "\xEF\xBB\xBFWEBVTT - Erklärfilm\r\n"
        "Kind: captions\r\n"
        "\r\n"
        "NOTE written by the hub's team\r\n"
        "over two lines\r\n"
        "\r\n"
        "intro\r\n"
        "00:01.000 --> 00:04.500 align:center line:90%\r\n"
        "Willkommen im InnovationsHub.\r\n"
        "\r\n"
        "\r\n"
        "00:00:04.500 --> 00:00:07.250\r\n"
        "<i>Zwei</i> Zeilen,\r\n"
        "ein Hinweis.\r\n"
        "\r\n"
        "01:00:00.000 --> 01:00:01.000\r\n"
        "Eine Stunde später";
    const core::ParsedWebVtt parsed = core::parseWebVtt(text, 0);
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.cues.size() == 3);
    CHECK(parsed.cues[0].startSeconds == doctest::Approx(1.0));
    CHECK(parsed.cues[0].endSeconds == doctest::Approx(4.5));
    CHECK(parsed.cues[0].text == "Willkommen im InnovationsHub.");
    CHECK(parsed.cues[1].startSeconds == doctest::Approx(4.5));
    CHECK(parsed.cues[1].endSeconds == doctest::Approx(7.25));
    CHECK(parsed.cues[1].text == "<i>Zwei</i> Zeilen,\nein Hinweis.");
    CHECK(parsed.cues[2].startSeconds == doctest::Approx(3600.0));
    CHECK(parsed.cues[2].text == "Eine Stunde später");
}

TEST_CASE("webvtt: a file without the WEBVTT header is refused at line 1, with what to write") {
    const core::ParsedWebVtt parsed = core::parseWebVtt("1\n00:00:01,000 --> 00:00:02,000\nHallo\n", 0);
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 1);
    CHECK(parsed.problems[0].message.find("does not start with \"WEBVTT\"") != std::string::npos);
    CHECK(parsed.problems[0].hint.find("ffmpeg -i subtitles.srt subtitles.vtt") != std::string::npos);
    CHECK(parsed.cues.empty());
    CHECK(onlyProblem("WEBVTTX\n\n00:01.000 --> 00:02.000\nHallo\n") == "1: the file does not start with \"WEBVTT\", so it is not a WebVTT file");
    CHECK(onlyProblem("") == "1: the file does not start with \"WEBVTT\", so it is not a WebVTT file");
}

TEST_CASE("webvtt: bad timestamps are errors at their line, an SRT comma gets its own hint") {
    CHECK(onlyProblem("WEBVTT\n\n00:01.000 --> 00:02.000\nEins\n\n00:02.000 --> 00:3.000\nZwei\n") == "6: '00:3.000' is not a time");
    CHECK(onlyProblem("WEBVTT\n\n00:61.000 --> 01:02.000\nx\n") == "3: '00:61.000' is not a time");
    CHECK(onlyProblem("WEBVTT\n\n00:01.00 --> 00:02.000\nx\n") == "3: '00:01.00' is not a time");
    CHECK(onlyProblem("WEBVTT\n\n1:00:01.000 --> 1:00:02.000\nx\n") == "3: '1:00:01.000' is not a time");
    CHECK(onlyProblem("WEBVTT\n\n00:01.000 -->\nx\n") == "3: '' is not a time");
    const core::ParsedWebVtt srt = core::parseWebVtt("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHallo\n", 0);
    REQUIRE(srt.problems.size() == 1);
    CHECK(srt.problems[0].hint.find("a dot before the milliseconds, not a comma") != std::string::npos);
    CHECK(srt.cues.empty());
}

TEST_CASE("webvtt: a cue that ends before it starts, or out of order, is an error at its timing line") {
    CHECK(onlyProblem("WEBVTT\n\ncue-1\n00:05.000 --> 00:04.000\nx\n") == "4: the cue ends (00:04.000) before it starts (00:05.000)");
    CHECK(onlyProblem("WEBVTT\n\n00:05.000 --> 00:05.000\nx\n") == "3: the cue ends (00:05.000) before it starts (00:05.000)");
    CHECK(onlyProblem("WEBVTT\n\n00:05.000 --> 00:06.000\nx\n\n00:01.000 --> 00:02.000\ny\n") ==
          "6: the cue starts (00:01.000) before the cue above it");
}

TEST_CASE("webvtt: cues after the end of the clip are errors, a little overrun is not") {
    const std::string text = "WEBVTT\n\n00:00.500 --> 00:02.300\nbis zum Ende\n\n00:09.000 --> 00:12.000\nzu spät\n";
    CHECK(onlyProblem(text, 2.0) == "6: the cue ends at 00:12.000, after the end of the clip (00:02.000)");
    CHECK(core::parseWebVtt(text, 15.0).problems.empty());
    CHECK(core::parseWebVtt(text, 0).problems.empty());  // length unknown: not checked
}

TEST_CASE("webvtt: a block that is not a cue, a cue glued to the header, and overlong cue text") {
    CHECK(onlyProblem("WEBVTT\n\nHallo ohne Zeit\nnoch eine Zeile\n") == "3: 'Hallo ohne Zeit' is not a cue: a cue starts with its timing line");
    CHECK(onlyProblem("WEBVTT\n00:01.000 --> 00:02.000\nx\n") == "2: a cue follows the WEBVTT line without a blank line between them");
    CHECK(onlyProblem("WEBVTT\n\n00:01.000 --> 00:02.000\n" + std::string(201, 'a') + "\n") ==
          "3: the cue's text has 201 characters, at most 200 fit under the picture");
}

TEST_CASE("webvtt: a file's problems become errors naming the file and line, and a huge file is refused unread") {
    test::TempDir dir;
    const auto file = dir.write("intro.de.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nEins\n\n00:02.000 --> 00:01.000\nZwei\n");
    core::Diagnostics problems;
    const auto cues = core::readWebVttFile(file, "videos/intro.de.vtt", 0, problems);
    CHECK(cues.size() == 1);
    CHECK(test::hasError(problems, "videos/intro.de.vtt", 6, "the cue ends (00:01.000) before it starts"));
    CHECK(problems.size() == 1);

    const auto huge = dir.write("huge.vtt", "WEBVTT\n\n" + std::string(600 * 1024, 'x'));
    problems.clear();
    CHECK(core::readWebVttFile(huge, "huge.vtt", 0, problems).empty());
    CHECK(test::allMessages(problems).find("huge.vtt: error: the subtitles are larger than 512 KiB") != std::string::npos);
}
