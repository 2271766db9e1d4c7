// A home-screen card for one pack: icon, category, title and short description; tap to open.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// How tall the tile must be at `width` to show all its words above the call to action.
float packTileHeight(const FrameContext& ctx, const core::Pack& pack, float width);

// Draws the tile at the cursor in `size`; pushes OpenPack when tapped.
void drawPackTile(FrameContext& ctx, const core::Pack& pack, ImVec2 size);

}  // namespace kiosk::ui
