// Where a block is drawn: its page, the column it fills, and the page screen's memory.
#pragma once

#include <string>

#include <imgui.h>

#include "core/pack/pack.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

struct BlockPlace {
    const core::Page& page;
    float x;           // window-local x where the column starts
    float width;       // the column's width
    float viewHeight;  // the visible height of the page: pictures never grow taller than half of it
    PageScreenMemory& memory;

    // "page/<page>": the start of every item id on the page.
    std::string idPrefix() const { return "page/" + page.id; }
};

// A block drawn with the draw list: where it starts (screen coordinates), at the column's left.
inline ImVec2 beginBlock(const BlockPlace& place) {
    ImGui::SetCursorPosX(place.x);
    return ImGui::GetCursorScreenPos();
}

// Reserves the block's `height` in ImGui's layout, so the page scrolls over it.
inline void endBlock(const BlockPlace& place, ImVec2 origin, float height) {
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(place.width, height));
}

}  // namespace kiosk::ui
