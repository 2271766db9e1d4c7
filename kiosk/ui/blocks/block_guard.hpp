// One block that fails to draw must not take the page with it: its place shows a friendly
// "this content cannot be shown" card, the error goes to the log once, and the rest of the page,
// the top bar and the way back keep working.
#pragma once

#include <cstddef>
#include <functional>

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

using BlockDrawer = std::function<void(FrameContext&, const BlockPlace&, const core::Block&)>;

// Calls `draw` for `block` (the `index`-th of its page). If it throws, the card is drawn where
// the block began, registered as "<page prefix>/unavailable/<index>".
void drawBlockGuarded(FrameContext& ctx, const BlockPlace& place, const core::Block& block, std::size_t index,
                      const BlockDrawer& draw);

}  // namespace kiosk::ui
