// A clip on a page. Until the decoder (platform/video_decoder) is wired in, its poster with a
// large play symbol and the word "Video": what the block shows before play, and whenever the
// clip cannot play.
#pragma once

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

// As wide as the column, in the clip's own shape (never taller than half the view), the poster
// fitted inside; a poster that cannot be drawn shows the clip's alt text in its place.
void drawVideoBlock(FrameContext& ctx, const BlockPlace& place, const core::VideoBlock& block);

}  // namespace kiosk::ui
