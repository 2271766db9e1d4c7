// Clips in packs: probed with libavformat against the formats and limits of content/FORMAT.md,
// and the video block that names them. The clips are made here with the ffmpeg command, once per
// build folder (KIOSK_CLIP_DIR), each a second or two of FFmpeg's test picture.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

#include <unistd.h>

#include "core/pack/pack_files.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/pack/video_check.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

// `name` in the clip folder, made by `ffmpeg <arguments> <file>` unless it is there already.
// Written under a temporary name and renamed: test cases run in parallel processes.
std::filesystem::path clip(const std::string& name, const std::string& arguments) {
    const std::filesystem::path folder = KIOSK_CLIP_DIR;
    const std::filesystem::path file = folder / name;
    if (std::filesystem::exists(file)) return file;
    std::filesystem::create_directories(folder);
    const std::filesystem::path temporary = folder / ("tmp-" + std::to_string(getpid()) + "-" + name);
    const std::string command = "ffmpeg -nostdin -hide_banner -loglevel error -y " + arguments + " '" + temporary.string() + "'";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
    std::filesystem::rename(temporary, file);
    return file;
}

const std::string kPicture = "-f lavfi -i testsrc=size=320x240:rate=25 ";
const std::string kSound = "-f lavfi -i sine=frequency=440:sample_rate=48000 ";

std::filesystem::path h264Clip() {
    return clip("h264-aac.mp4", kPicture + kSound + "-t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart");
}
std::filesystem::path vp9Clip() {
    return clip("vp9-opus.webm", "-f lavfi -i testsrc=size=160x120:rate=10 " + kSound +
                                     "-t 2 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -c:a libopus -shortest");
}

// The first `fraction` of `source`'s bytes, as a download that broke off leaves it.
std::filesystem::path cutOff(const test::TempDir& dir, const std::filesystem::path& source, double fraction) {
    std::ifstream in(source, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return dir.write("cut" + source.extension().string(), bytes.substr(0, static_cast<std::size_t>(bytes.size() * fraction)));
}

std::string problemOf(const std::filesystem::path& file) {
    auto checked = core::checkVideoFile(file, file.filename().string());
    return checked ? "no problem" : checked.error().message;
}

}  // namespace

TEST_CASE("video check: H.264 with AAC in MP4 and VP9 with Opus in WebM pass, with their size, length and bitrate") {
    auto mp4 = core::checkVideoFile(h264Clip(), "videos/intro.mp4");
    REQUIRE_MESSAGE(mp4.ok(), mp4.error().message);
    CHECK(mp4.value().container == core::VideoContainer::Mp4);
    CHECK(mp4.value().videoCodec == "h264");
    CHECK(mp4.value().audioCodec == "aac");
    CHECK(mp4.value().width == 320);
    CHECK(mp4.value().height == 240);
    CHECK(mp4.value().durationSeconds == doctest::Approx(2.0).epsilon(0.05));
    CHECK(mp4.value().bitsPerSecond > 0);
    CHECK(mp4.value().bitsPerSecond < 8e6);

    auto webm = core::checkVideoFile(vp9Clip(), "videos/intro.webm");
    REQUIRE_MESSAGE(webm.ok(), webm.error().message);
    CHECK(webm.value().container == core::VideoContainer::WebM);
    CHECK(webm.value().videoCodec == "vp9");
    CHECK(webm.value().audioCodec == "opus");
    CHECK(webm.value().width == 160);
    CHECK(webm.value().durationSeconds == doctest::Approx(2.0).epsilon(0.05));
}

TEST_CASE("video check: other codecs, or the right codec in the other container, are refused with how to convert") {
    const auto mpeg4 = clip("mpeg4.mp4", kPicture + "-t 1 -c:v mpeg4");
    auto checked = core::checkVideoFile(mpeg4, "videos/old.mp4");
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().message == "clip 'videos/old.mp4' is mpeg4 video; the kiosk plays H.264 in .mp4 files");
    CHECK(checked.error().hint.find("ffmpeg -i clip -c:v libx264") != std::string::npos);
    CHECK(checked.error().file == "videos/old.mp4");

    // Matroska holding H.264, named .webm: the WebM demuxer opens it, the codec check refuses it.
    const auto mkv = clip("h264.webm", kPicture + "-t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -f matroska");
    CHECK(problemOf(mkv) == "clip 'h264.webm' is h264 video; the kiosk plays VP9 in .webm files");

    const auto mp3 = clip("h264-mp3.mp4", kPicture + kSound + "-t 1 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a libmp3lame -shortest");
    CHECK(problemOf(mp3) == "clip 'h264-mp3.mp4' has mp3 sound; the kiosk plays AAC or Opus");

    const auto soundOnly = clip("sound-only.mp4", kSound + "-t 1 -c:a aac");
    CHECK(problemOf(soundOnly) == "clip 'sound-only.mp4' has no picture, only sound");

    // A WebM file named .mp4: only the MP4 demuxer may read it, and it cannot.
    test::TempDir dir;
    std::filesystem::copy_file(vp9Clip(), dir.path() / "renamed.mp4");
    CHECK(problemOf(dir.path() / "renamed.mp4").starts_with("clip 'renamed.mp4' is not a readable MP4 file"));
    const auto text = dir.write("notes.mp4", "this is not a video at all, only some words");
    CHECK(problemOf(text).starts_with("clip 'notes.mp4' is not a readable MP4 file"));
    CHECK(problemOf(dir.write("clip.avi", "RIFF")) == "clip 'clip.avi' is not an .mp4 or .webm file");
}

TEST_CASE("video check: more than 1920 x 1080, longer than 10 minutes, more than 8 Mbit/s are refused") {
    const auto large = clip("2048x1152.mp4", "-f lavfi -i testsrc=size=2048x1152:rate=5 -t 0.4 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    CHECK(problemOf(large) == "clip '2048x1152.mp4' is 2048 × 1152 pixels; at most 1920 × 1080 (or 1080 × 1920) are allowed");
    // Portrait screens get portrait clips: 1080 × 1920 fits.
    const auto portrait = clip("1080x1920.mp4", "-f lavfi -i testsrc=size=1080x1920:rate=1 -t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    CHECK(problemOf(portrait) == "no problem");

    const auto longClip = clip("eleven-minutes.mp4", "-f lavfi -i testsrc=size=64x64:rate=1 -t 660 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    CHECK(problemOf(longClip) == "clip 'eleven-minutes.mp4' is 11:00.0 minutes long; at most 10:00.0 are allowed");

    // Lossless noise: far more bits than any explainer needs.
    const auto heavy = clip("noise.mp4", "-f lavfi -i testsrc=size=640x480:rate=25 -vf noise=alls=100:allf=t -t 1 "
                                         "-c:v libx264 -preset ultrafast -qp 0 -pix_fmt yuv420p");
    const std::string problem = problemOf(heavy);
    CHECK(problem.starts_with("clip 'noise.mp4' has "));
    CHECK(problem.ends_with(" Mbit/s; at most 8 Mbit/s are allowed"));
}

TEST_CASE("video check: a clip cut off part way is refused, whether its index comes first or last") {
    test::TempDir dir;
    // MP4 with its index first (faststart): the header promises 2 s, the packets stop early.
    CHECK(problemOf(cutOff(dir, h264Clip(), 0.5)) == "clip 'cut.mp4' is damaged near its end");
    // WebM has no index to lose; its packets end before the stated length.
    CHECK(problemOf(cutOff(dir, vp9Clip(), 0.5)).starts_with("clip 'cut.webm' is cut off: it should run 0:02.0 but stops at 0:0"));
    // MP4 with its index last (ffmpeg's default): without the end there is no index at all.
    const auto indexLast = clip("index-last.mp4", kPicture + "-t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    CHECK(problemOf(indexLast) == "no problem");
    CHECK(problemOf(cutOff(dir, indexLast, 0.6)).starts_with("clip 'cut.mp4' is not a readable MP4 file"));
}

TEST_CASE("pack files: .mp4, .webm and .vtt are allowed, but only with content that matches their name") {
    CHECK(core::isAllowedPackExtension(".mp4"));
    CHECK(core::isAllowedPackExtension(".webm"));
    CHECK(core::isAllowedPackExtension(".vtt"));
    CHECK_FALSE(core::isAllowedPackExtension(".mkv"));
    CHECK(core::mediaContentMismatch(".mp4", std::string("\0\0\0\x20" "ftypisom", 12)).empty());
    CHECK(core::mediaContentMismatch(".mp4", "\x1A\x45\xDF\xA3....") == "an MP4 video");
    CHECK(core::mediaContentMismatch(".webm", "\x1A\x45\xDF\xA3....").empty());
    CHECK(core::mediaContentMismatch(".webm", std::string("\0\0\0\x20" "ftypisom", 12)) == "a WebM video (EBML)");
    CHECK(core::mediaContentMismatch(".vtt", "\xEF\xBB\xBFWEBVTT\n").empty());
    CHECK(core::mediaContentMismatch(".vtt", "1\n00:00:01,000").starts_with("WebVTT subtitles"));
    CHECK(core::mediaContentMismatch(".png", "anything").empty());

    test::TempDir dir;
    dir.write("pack/pack.toml", "id = \"pack\"\n");
    std::filesystem::create_directories(dir.path() / "pack/videos");
    std::filesystem::copy_file(h264Clip(), dir.path() / "pack/videos/good.mp4");
    std::filesystem::copy_file(vp9Clip(), dir.path() / "pack/videos/good.webm");
    dir.write("pack/videos/good.de.vtt", "WEBVTT\n");
    dir.write("pack/videos/fake.mp4", "MZ is a program");  // a program first, whatever its name
    dir.write("pack/videos/words.webm", "just words");
    dir.write("pack/videos/intro.en.vtt", "1\n00:00:01,000 --> 00:00:02,000\n");
    core::Diagnostics problems;
    core::checkPackFiles(dir.path() / "pack", problems);
    const std::string text = test::allMessages(problems);
    CHECK(text.find("fake.mp4: error: this file is a program") != std::string::npos);
    CHECK(text.find("words.webm: error: this file's name says it is a WebM video (EBML), but its content is not") != std::string::npos);
    CHECK(text.find("intro.en.vtt: error: this file's name says it is WebVTT subtitles") != std::string::npos);
    CHECK(problems.size() == 3);
}

namespace {

// A pack with one page holding `video` (the [[blocks]] section), and the clip, poster and
// subtitles it may name.
std::filesystem::path videoPack(const test::TempDir& dir, const std::string& video, const std::string& languages = "\"de\", \"en\"") {
    dir.write("clips/pack.toml", "id = \"clips\"\nversion = \"1.0.0\"\ncategory = \"hub\"\nlanguages = [" + languages +
                                     "]\nstart_page = \"start\"\ntile_icon = \"images/tile.svg\"\ntitle.de = \"Filme\"\n"
                                     "title.en = \"Clips\"\ndescription.de = \"Kurze Filme.\"\ndescription.en = \"Short clips.\"\n");
    const std::string square = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n";
    dir.write("clips/images/tile.svg", square);
    dir.write("clips/images/poster.svg", square);
    dir.write("clips/pages/start.toml", "title.de = \"Start\"\ntitle.en = \"Start\"\n\n[[blocks]]\ntype = \"video\"\n" + video);
    std::filesystem::create_directories(dir.path() / "clips/videos");
    std::filesystem::copy_file(h264Clip(), dir.path() / "clips/videos/intro.mp4");
    dir.write("clips/videos/intro.de.vtt", "WEBVTT\n\n00:00.000 --> 00:01.500\nHallo\n\n00:01.500 --> 00:02.000\nTschüss\n");
    dir.write("clips/videos/intro.en.vtt", "WEBVTT\n\n00:00.000 --> 00:01.500\nHello\n");
    dir.write("clips/videos/late.fr.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n\n00:05.000 --> 00:09.000\nTrop tard\n");
    return dir.path() / "clips";
}

const std::string kGoodVideo =
    "id = \"intro\"\nsrc = \"videos/intro.mp4\"\nposter = \"images/poster.svg\"\n"
    "alt.de = \"Ein Testbild\"\nalt.en = \"A test picture\"\n"
    "subtitles.de = \"videos/intro.de.vtt\"\nsubtitles.en = \"videos/intro.en.vtt\"\n"
    "audio_description.de = \"Farbige Balken.\"\naudio_description.en = \"Coloured bars.\"\n"
    "loop = true\nautoplay = true\n";

}  // namespace

TEST_CASE("video block: clip, poster, alt text, subtitles with their cues and the playing options are read") {
    test::TempDir dir;
    auto report = core::loadPack(videoPack(dir, kGoodVideo));
    INFO(test::allMessages(report.problems));
    CHECK(report.problems.empty());
    REQUIRE(report.pack);
    const auto& blocks = report.pack->pages.at(0).blocks;
    REQUIRE(blocks.size() == 1);
    const auto* video = std::get_if<core::VideoBlock>(&blocks[0]);
    REQUIRE(video);
    CHECK(video->id == "intro");
    CHECK(video->clip.filename() == "intro.mp4");
    CHECK(video->clip.is_absolute());
    CHECK(video->poster.filename() == "poster.svg");
    CHECK(video->alt.in({"en"}) == "A test picture");
    CHECK(video->audioDescription.in({"de"}) == "Farbige Balken.");
    CHECK(video->loop);
    CHECK(video->autoplay);
    CHECK(video->facts.width == 320);
    CHECK(video->facts.durationSeconds == doctest::Approx(2.0).epsilon(0.05));
    REQUIRE(video->subtitles.size() == 2);
    const auto& german = video->subtitles.at("de").cues;
    REQUIRE(german.size() == 2);
    CHECK(german[1].text == "Tschüss");
    CHECK(german[1].startSeconds == doctest::Approx(1.5));
}

TEST_CASE("video block: a missing poster or alt text, a bad clip and bad subtitles are errors at their lines") {
    test::TempDir dir;
    // Lines: 1-2 title, 4 [[blocks]], 5 type, 6 id, 7 src, 8 alt.de, 9 alt.en, 10 subtitles.de, 11 loop.
    auto report = core::loadPack(videoPack(dir, "id = \"intro\"\nsrc = \"videos/intro.mp4\"\nalt.de = \"Bild\"\nalt.en = \"Picture\"\n"
                                                "subtitles.de = \"videos/late.fr.vtt\"\nloop = \"yes\"\n"));
    const auto& problems = report.problems;
    INFO(test::allMessages(problems));
    CHECK(test::hasError(problems, "pages/start.toml", 4, "missing key 'blocks[1].poster'"));
    CHECK(test::hasError(problems, "videos/late.fr.vtt", 6, "the cue ends at 00:09.000, after the end of the clip (00:02."));
    CHECK(test::hasError(problems, "pages/start.toml", 11, "'blocks[1].loop' must be true or false"));
    CHECK_FALSE(report.pack);

    test::TempDir other;
    auto noAlt = core::loadPack(videoPack(other, "id = \"intro\"\nsrc = \"videos/missing.mp4\"\nposter = \"images/poster.svg\"\n"));
    INFO(test::allMessages(noAlt.problems));
    CHECK(test::hasError(noAlt.problems, "pages/start.toml", 7, "clip 'videos/missing.mp4' does not exist"));
    CHECK(test::hasError(noAlt.problems, "pages/start.toml", 4, "missing key 'blocks[1].alt'"));
}

TEST_CASE("video block: subtitles in a language the pack does not list, and a listed language without them, are warnings") {
    test::TempDir dir;
    const std::string video = "id = \"intro\"\nsrc = \"videos/intro.mp4\"\nposter = \"images/poster.svg\"\n"
                              "alt.de = \"Bild\"\nalt.en = \"Picture\"\nalt.uk = \"Зображення\"\n"
                              "subtitles.de = \"videos/intro.de.vtt\"\nsubtitles.en = \"videos/intro.en.vtt\"\n";
    auto report = core::loadPack(videoPack(dir, video, "\"de\", \"uk\""));
    const std::string text = test::allMessages(report.problems);
    INFO(text);
    CHECK(test::hasNoErrors(report.problems));
    CHECK(report.pack);
    CHECK(std::any_of(report.problems.begin(), report.problems.end(), [](const core::Error& e) {
        return e.isWarning() && e.file.ends_with("pages/start.toml") && e.line == 13 &&
               e.message == "'blocks[1].subtitles.en' is in a language the pack does not list";
    }));
    CHECK(text.find("warning: video 'intro' has no 'uk' subtitles") != std::string::npos);
}

TEST_CASE("sign language: a page's DGS clip is read with its poster and alt text, and whether it is a placeholder") {
    test::TempDir dir;
    const std::filesystem::path pack = videoPack(dir, kGoodVideo);
    // Lines: 1-2 title, 4 [sign_language], 5 src, 6 poster, 7 alt.de, 8 alt.en, 9 placeholder.
    dir.write("clips/pages/start.toml",
              "title.de = \"Start\"\ntitle.en = \"Start\"\n\n[sign_language]\nsrc = \"videos/intro.mp4\"\nposter = \"images/poster.svg\"\n"
              "alt.de = \"Diese Seite in DGS\"\nalt.en = \"This page in DGS\"\nplaceholder = true\n\n[[blocks]]\ntype = \"video\"\n" +
                  kGoodVideo);
    auto report = core::loadPack(pack);
    const std::string text = test::allMessages(report.problems);
    INFO(text);
    CHECK(test::hasNoErrors(report.problems));
    REQUIRE(report.pack);
    const auto& signLanguage = report.pack->pages.at(0).signLanguage;
    REQUIRE(signLanguage);
    CHECK(signLanguage->placeholder);
    CHECK(signLanguage->clip.clip.filename() == "intro.mp4");
    CHECK(signLanguage->clip.poster.filename() == "poster.svg");
    CHECK(signLanguage->clip.alt.in({"en"}) == "This page in DGS");
    CHECK(signLanguage->clip.facts.width == 320);
    // No "has no subtitles" for a signed clip, and a placeholder is no problem of the pack
    // (`pack validate` warns about it: tests/cli).
    CHECK(report.problems.empty());

    // Without alt text, or with a key it does not know, the page is refused at the table.
    dir.write("clips/pages/start.toml", "title.de = \"Start\"\ntitle.en = \"Start\"\n\n[sign_language]\nsrc = \"videos/intro.mp4\"\n"
                                        "poster = \"images/poster.svg\"\nloop = true\n\n[[blocks]]\ntype = \"video\"\n" + kGoodVideo);
    auto broken = core::loadPack(pack);
    INFO(test::allMessages(broken.problems));
    CHECK(test::hasError(broken.problems, "pages/start.toml", 4, "missing key 'sign_language.alt'"));
    CHECK_FALSE(broken.pack);
    CHECK(test::allMessages(broken.problems).find("loop") != std::string::npos);
}
