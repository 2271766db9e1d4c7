// FFmpeg loaded only while used (core/media/ffmpeg_libraries.hpp): in the process while a use is
// held, gone after unloadUnusedFfmpeg(), and working again after a second loading, whose function
// addresses differ from the first one's (the forwarders must not call the old ones).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/media/ffmpeg_libraries.hpp"
#include "core/pack/video_check.hpp"

using namespace kiosk;

namespace {

// A library of that name is mapped into this process.
bool mapped(const std::string& library) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        if (line.find(library) != std::string::npos) return true;
    }
    return false;
}

const std::filesystem::path kClip = KIOSK_SOURCE_DIR "/content/online-id/videos/explainer.mp4";

}  // namespace

TEST_CASE("ffmpeg libraries: loaded while a use holds them and unloaded when none does") {
    {
        const core::FfmpegUse use;
        REQUIRE(use.ok());
        CHECK(use.error().empty());
        CHECK(core::ffmpegLoaded());
        CHECK(mapped("libavcodec.so"));
        CHECK_FALSE(core::unloadUnusedFfmpeg());  // held: it stays
        CHECK(core::ffmpegLoaded());
    }
    CHECK(core::unloadUnusedFfmpeg());
    CHECK_FALSE(core::ffmpegLoaded());
    CHECK_FALSE(mapped("libavcodec.so"));
    CHECK_FALSE(mapped("libavformat.so"));
    CHECK_FALSE(core::unloadUnusedFfmpeg());  // nothing left to unload
}

TEST_CASE("ffmpeg libraries: a clip is checked the same after the libraries were unloaded and loaded again") {
    const auto first = core::checkVideoFile(kClip, "videos/explainer.mp4");
    REQUIRE(first.ok());
    CHECK(core::ffmpegLoaded());  // the check's use has ended, but nobody unloaded them yet
    CHECK(core::unloadUnusedFfmpeg());
    CHECK_FALSE(mapped("libavcodec.so"));
    const auto again = core::checkVideoFile(kClip, "videos/explainer.mp4");
    REQUIRE(again.ok());
    CHECK(again.value().videoCodec == "h264");
    CHECK(again.value().videoCodec == first.value().videoCodec);
    CHECK(again.value().width == first.value().width);
    CHECK(again.value().durationSeconds == doctest::Approx(first.value().durationSeconds));
    CHECK(core::unloadUnusedFfmpeg());
}
