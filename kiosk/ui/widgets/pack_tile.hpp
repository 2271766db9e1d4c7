// A home-screen card for one pack: icon, category, title and short description; tap to open.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// A category's colour band and its name: categories are told apart by both, never colour alone.
ImU32 categoryColor(const Palette& colors, core::PackCategory category);
const char* categoryName(const UiStrings& strings, core::PackCategory category);

// How tall the tile must be at `width` to show all its words above the call to action.
float packTileHeight(const FrameContext& ctx, const core::Pack& pack, float width);

// Draws the tile at the cursor in `size`; pushes OpenPack when tapped.
void drawPackTile(FrameContext& ctx, const core::Pack& pack, ImVec2 size);

}  // namespace kiosk::ui
