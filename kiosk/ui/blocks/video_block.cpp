// Playback (play/pause, seek, subtitles, sound) comes with the decoder in kiosk/platform; this
// draws the resting state every clip has anyway. Only opaque shapes: cheap in the software renderer.
#include "ui/blocks/video_block.hpp"

#include <algorithm>

#include "ui/blocks/image_block.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

// The clip's height in the column: its aspect ratio when the probe knew it, else the poster's.
float frameHeight(FrameContext& ctx, const BlockPlace& place, const core::VideoBlock& block, const core::Picture& poster) {
    const float maxHeight = place.viewHeight * 0.5f;
    if (block.facts.width > 0 && block.facts.height > 0) {
        const float height = place.width * static_cast<float>(block.facts.height) / static_cast<float>(block.facts.width);
        return std::min(height, maxHeight);
    }
    return fittedPictureHeight(ctx, poster, place.width, maxHeight);
}

// A round button face with a triangle pointing right, and the word "Video" under it on a chip,
// so the block reads as a clip without colour or motion.
void drawPlaySymbol(FrameContext& ctx, ImDrawList& draw, ImVec2 min, ImVec2 max) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float radius = std::min(theme.em(2.6f), std::min(max.x - min.x, max.y - min.y) * 0.3f);
    const TextLayout word = layoutText(theme.fonts().bodyBold, colors.onPrimary, ctx.strings.speech.video, max.x - min.x,
                                       kLabelLineHeight, ctx.audit);
    const float pad = theme.em(0.4f);
    const float gap = pad * 2;  // clear of the circle's light ring
    const float groupHeight = radius * 2 + gap + word.size.y + pad * 2;
    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f - groupHeight * 0.5f + radius);
    draw.AddCircleFilled(center, radius + theme.hairline() * 3, colors.onPrimary, 48);
    draw.AddCircleFilled(center, radius, colors.primary, 48);
    // The triangle's centre of mass sits on the circle's centre, as a play symbol looks centred.
    const float side = radius * 0.9f;
    draw.AddTriangleFilled(ImVec2(center.x - side * 0.4f, center.y - side * 0.55f), ImVec2(center.x - side * 0.4f, center.y + side * 0.55f),
                           ImVec2(center.x + side * 0.6f, center.y), colors.onPrimary);
    const float chipTop = center.y + radius + gap;
    const ImVec2 chipMin(center.x - word.size.x * 0.5f - pad * 2, chipTop);
    const ImVec2 chipMax(center.x + word.size.x * 0.5f + pad * 2, chipTop + word.size.y + pad * 2);
    draw.AddRectFilled(chipMin, chipMax, colors.primary, theme.cornerRadius());
    drawTextLayoutCentered(draw, center.x, chipTop + pad, word);
}

}  // namespace

void drawVideoBlock(FrameContext& ctx, const BlockPlace& place, const core::VideoBlock& block) {
    const core::Picture poster{block.poster, block.alt, {}};
    const ImVec2 origin = beginBlock(place);
    const float height = frameHeight(ctx, place, block, poster);
    const ImVec2 max(origin.x + place.width, origin.y + height);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, max, ctx.theme.colors().surfaceMuted, ctx.theme.cornerRadius());
    drawPictureIn(ctx, draw, poster, origin, max);
    drawPlaySymbol(ctx, draw, origin, max);
    ctx.items.record(place.idPrefix() + "/video/" + block.id, origin, max);
    ctx.items.describeLast(block.alt.in(ctx.languages), ItemRole::Picture);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
