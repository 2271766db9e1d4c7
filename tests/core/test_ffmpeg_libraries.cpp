// FFmpeg loaded only while used (core/media/ffmpeg_libraries.hpp): in the process while a use is
// held, gone after unloadUnusedFfmpeg(), and working again after a second loading, for which every
// forwarder looks its function up again (the first loading's addresses point at unmapped code,
// even when the libraries happen to come back at the same place).
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

TEST_CASE("ffmpeg libraries: a forwarder's cached address is looked up again after the libraries were loaded again") {
    core::FfmpegFunctionSlot slot;
    unsigned firstLoading = 0;
    {
        const core::FfmpegUse use;
        REQUIRE(use.ok());
        void* first = core::ffmpegFunction("av_frame_alloc", slot);
        CHECK(first != nullptr);
        firstLoading = slot.loading.load();
        CHECK(firstLoading % 2 == 1);  // odd: from a loading that is current
        CHECK(core::ffmpegFunction("av_frame_alloc", slot) == first);
        CHECK(slot.loading.load() == firstLoading);  // the second call read the cache
    }
    REQUIRE(core::unloadUnusedFfmpeg());
    const core::FfmpegUse again;
    REQUIRE(again.ok());
    core::FfmpegFunctionSlot fresh;
    void* now = core::ffmpegFunction("av_frame_alloc", slot);
    CHECK(slot.loading.load() != firstLoading);  // looked up anew, not taken from the cache
    CHECK(now == core::ffmpegFunction("av_frame_alloc", fresh));
}
