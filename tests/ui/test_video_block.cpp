// The video block before playback exists: its poster frame in the clip's shape, named for the
// non-visual mode by the clip's alt text. Drawn in a real ImGui frame with the kiosk's fonts.
#include <algorithm>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/blocks/video_block.hpp"
#include "ui/frame_context.hpp"
#include "ui/ui_strings.hpp"

namespace {

using namespace kiosk;

struct VideoFrame {
    platform::HeadlessRenderer renderer{1280, 720, platform::systemFontFiles()};
    core::PackLibrary library;
    core::Navigator nav{library, {"de"}, "de", std::chrono::seconds(60), core::TimePoint{}};
    ui::TextureCache textures{nullptr};  // no renderer: the poster cannot load, its alt text stands in
    ui::ItemRegistry items;
    std::vector<core::Intent> intents;
    ui::PageScreenMemory memory;
    core::Page page;

    VideoFrame() {
        page.id = "start";
        renderer.frame(nav, core::TimePoint{});  // builds the font atlas
    }

    // Draws `video` in a 600 px column of a 720 px view; returns the height it took.
    float draw(const core::VideoBlock& video) {
        REQUIRE(renderer.ok());
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        ImGui::NewFrame();
        ImGui::SetNextWindowSize(ImVec2(1280, 720));
        ImGui::Begin("blocks");
        std::vector<std::string> languages{"de"};
        ui::FrameContext ctx{nav, renderer.theme(), textures, items, languages, ui::uiStrings(languages), intents, {2025, 3, 14}};
        const ui::BlockPlace place{page, 40, 600, 720, memory};
        const float top = ImGui::GetCursorPosY();
        ui::drawVideoBlock(ctx, place, video);
        const float height = ImGui::GetCursorPosY() - top;
        ImGui::End();
        ImGui::EndFrame();
        return height;
    }
};

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
    VideoFrame f;
    const float height = f.draw(clip(1280, 720));
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
    VideoFrame f;
    f.draw(clip(1080, 1920));
    const auto& items = f.items.items();
    const auto it = std::find_if(items.begin(), items.end(), [](const ui::ItemRect& item) { return item.id == "page/start/video/intro"; });
    REQUIRE(it != items.end());
    CHECK(it->max.y - it->min.y == doctest::Approx(360));
}
