// The video block without players (screenshots, layout): its poster frame in the clip's shape, named for the
// non-visual mode by the clip's alt text. Drawn in a real ImGui frame with the kiosk's fonts.
#include <algorithm>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "block_frame.hpp"
#include "ui/blocks/video_block.hpp"

namespace {

using namespace kiosk;

// Draws `video` in the frame's 600 px column of a 720 px view; returns the height it took.
float drawVideo(test::BlockFrame& f, const core::VideoBlock& video) {
    return f.draw([&](ui::FrameContext& ctx, const ui::BlockPlace& place) { ui::drawVideoBlock(ctx, place, video); });
}

core::VideoBlock clip(int width, int height) {
    core::VideoBlock video;
    video.id = "intro";
    video.alt.set("de", "Eine Ärztin spricht per Video mit einem Patienten");
    video.facts.width = width;
    video.facts.height = height;
    return video;
}

}  // namespace

TEST_CASE("video block: the poster frame takes the clip's shape and is named by its alt text as a picture") {
    test::BlockFrame f;
    const float height = drawVideo(f, clip(1280, 720));
    const auto& items = f.items.items();
    const auto it = std::find_if(items.begin(), items.end(), [](const ui::ItemRect& item) { return item.id == "page/start/video/intro"; });
    REQUIRE(it != items.end());
    CHECK(it->role == ui::ItemRole::Picture);
    CHECK(it->label == "Eine Ärztin spricht per Video mit einem Patienten");
    CHECK(it->max.x - it->min.x == doctest::Approx(600));
    CHECK(it->max.y - it->min.y == doctest::Approx(600 * 720.0 / 1280));  // 16:9
    CHECK(height >= it->max.y - it->min.y);
}

TEST_CASE("video block: a portrait clip is never taller than half the view") {
    test::BlockFrame f;
    drawVideo(f, clip(1080, 1920));
    const auto& items = f.items.items();
    const auto it = std::find_if(items.begin(), items.end(), [](const ui::ItemRect& item) { return item.id == "page/start/video/intro"; });
    REQUIRE(it != items.end());
    CHECK(it->max.y - it->min.y == doctest::Approx(360));
}
