// A home-screen card for one pack: icon, category, title and one-line description; tap to open.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Draws the tile at the cursor in `size`; pushes OpenPack when tapped.
void drawPackTile(FrameContext& ctx, const core::Pack& pack, ImVec2 size);

}  // namespace kiosk::ui
