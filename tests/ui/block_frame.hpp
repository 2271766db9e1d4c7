// One frame of the headless kiosk's ImGui with a window to draw page blocks into, in a 600 px
// column of a 1280x720 view: for tests of single blocks, drawn with the kiosk's fonts.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/blocks/block_place.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/frame_context.hpp"
#include "ui/ui_strings.hpp"

namespace kiosk::test {

struct BlockFrame {
    platform::HeadlessRenderer renderer{1280, 720, platform::systemFontFiles()};  // fonts and context
    core::PackLibrary library;
    core::Navigator nav{library, {"de"}, "de", std::chrono::seconds(60), core::TimePoint{}};
    ui::TextureCache textures{nullptr};  // no renderer: pictures cannot load, their alt texts stand in
    ui::ItemRegistry items;
    std::vector<core::Intent> intents;
    ui::PageScreenMemory memory;
    core::Page page;

    BlockFrame() {
        page.id = "start";
        renderer.frame(nav, core::TimePoint{});  // one kiosk frame builds the font atlas
    }

    // Runs `draw` in one frame, at the column's top; returns the height the blocks took.
    float draw(const std::function<void(ui::FrameContext&, const ui::BlockPlace&)>& drawBlocks) {
        REQUIRE(renderer.ok());
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
        ImGui::NewFrame();
        ImGui::SetNextWindowSize(ImVec2(1280, 720));
        ImGui::Begin("blocks");
        std::vector<std::string> languages{"de"};
        ui::FrameContext ctx{nav, renderer.theme(), textures, items, languages, ui::uiStrings(languages), intents, {2025, 3, 14}};
        const ui::BlockPlace place{page, 40, 600, 720, memory};
        const float top = ImGui::GetCursorPosY();
        drawBlocks(ctx, place);
        const float height = ImGui::GetCursorPosY() - top;
        ImGui::End();
        ImGui::EndFrame();
        return height;
    }
};

}  // namespace kiosk::test
