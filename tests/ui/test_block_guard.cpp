// A block that fails to draw leaves a friendly card in its place; the blocks around it and the
// rest of the frame carry on. Drawn in a real ImGui frame with the kiosk's fonts.
#include <stdexcept>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/blocks/block_guard.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/frame_context.hpp"
#include "ui/ui_strings.hpp"

namespace {

using namespace kiosk;

// One frame of the headless kiosk's ImGui, with a window to draw blocks into.
struct BlockFrame {
    platform::HeadlessRenderer renderer{1280, 720, platform::systemFontFiles()};  // fonts and context
    core::PackLibrary library;
    core::Navigator nav{library, {"de"}, "de", std::chrono::seconds(60), core::TimePoint{}};
    ui::TextureCache textures{nullptr};
    ui::ItemRegistry items;
    std::vector<core::Intent> intents;
    ui::PageScreenMemory memory;
    core::Page page;

    BlockFrame() {
        page.id = "start";
        renderer.frame(nav, core::TimePoint{});  // one kiosk frame builds the font atlas
    }

    // Draws `count` blocks through the guard with `draw`, in one frame; returns the items drawn.
    void drawBlocks(int count, const ui::BlockDrawer& draw) {
        REQUIRE(renderer.ok());
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        ImGui::NewFrame();
        ImGui::SetNextWindowSize(ImVec2(1280, 720));
        ImGui::Begin("blocks");
        std::vector<std::string> languages{"de"};
        ui::FrameContext ctx{nav, renderer.theme(), textures, items, languages, ui::uiStrings(languages), intents, {2025, 3, 14}};
        const ui::BlockPlace place{page, 40, 600, 720, memory};
        const core::Block block = core::HeadingBlock{};
        for (int i = 0; i < count; ++i) ui::drawBlockGuarded(ctx, place, block, static_cast<std::size_t>(i), draw);
        ImGui::End();
        ImGui::EndFrame();
    }
};

}  // namespace

TEST_CASE("a block that throws while drawing shows 'cannot be shown' in its place, and the next block is drawn") {
    BlockFrame f;
    int drawn = 0;
    f.drawBlocks(3, [&](ui::FrameContext& ctx, const ui::BlockPlace&, const core::Block&) {
        if (drawn++ == 1) throw std::runtime_error("a picture ran out of memory");
        ctx.items.record("page/start/block/" + std::to_string(drawn), ImVec2(0, 0), ImVec2(1, 1));
    });
    CHECK(drawn == 3);  // the third block was still asked to draw
    CHECK(f.items.find("page/start/block/1").has_value());
    CHECK(f.items.find("page/start/unavailable/1").has_value());
    CHECK(f.items.find("page/start/block/3").has_value());
    CHECK_FALSE(f.items.find("page/start/unavailable/0").has_value());
    CHECK(f.memory.failedBlocks.count(1) == 1);  // reported once, not on every frame
}
