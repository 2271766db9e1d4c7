// The block's place on the page; the clip itself is the video view's (ui/widgets/video_view).
#include "ui/blocks/video_block.hpp"

#include "ui/widgets/video_view.hpp"

namespace kiosk::ui {

void drawVideoBlock(FrameContext& ctx, const BlockPlace& place, const core::VideoBlock& block) {
    const ImVec2 origin = beginBlock(place);
    const std::string itemId = place.idPrefix() + "/video/" + block.id;
    const VideoViewSpec spec{itemId, ctx.nav.location().packId + "/" + itemId, place.width, place.viewHeight * 0.5f};
    const float height = drawVideoView(ctx, spec, block);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
