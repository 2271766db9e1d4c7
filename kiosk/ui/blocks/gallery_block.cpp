// The picture frame keeps the height of the tallest picture and the caption area the height of the
// longest caption, so nothing below the gallery jumps while a visitor swipes through it.
#include "ui/blocks/gallery_block.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/access_strings.hpp"
#include "ui/blocks/block_shapes.hpp"
#include "ui/blocks/image_block.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

// Follows a finger that went down on the picture. Returns the step it asks for on release:
// -1 previous, +1 next, 0 none.
int followSwipe(FrameContext& ctx, const BlockPlace& place, const core::GalleryBlock& block, bool pressedNow,
                float frameWidth) {
    const ImGuiIO& io = ImGui::GetIO();
    auto& swipe = place.memory.swipe;
    if (pressedNow) swipe = GallerySwipe{block.id, io.MouseClickedPos[0]};
    if (!swipe || swipe->galleryId != block.id) return 0;
    const float dx = io.MousePos.x - swipe->start.x;
    const float dy = io.MousePos.y - swipe->start.y;
    if (io.MouseDown[0]) {
        if (swipe->direction == GallerySwipe::Direction::Undecided && std::hypot(dx, dy) > ctx.theme.dragThreshold()) {
            swipe->direction = std::abs(dx) > std::abs(dy) ? GallerySwipe::Direction::Sideways : GallerySwipe::Direction::Vertical;
        }
        swipe->offset = swipe->direction == GallerySwipe::Direction::Sideways ? dx : 0.0f;
        return 0;
    }
    // The finger is up: a long enough sideways swipe turns the page of the gallery.
    const bool sideways = swipe->direction == GallerySwipe::Direction::Sideways;
    swipe.reset();
    const float distance = std::max(ctx.theme.em(2.5f), frameWidth * 0.12f);
    if (!sideways || std::abs(dx) < distance) return 0;
    return dx < 0 ? 1 : -1;
}

// A round arrow button; at either end of the gallery it is drawn faded and does nothing.
bool arrowButton(FrameContext& ctx, const std::string& itemId, Pictogram arrow, bool enabled, const char* spokenName) {
    const Theme& theme = ctx.theme;
    const float size = theme.touchTarget();
    const auto [tapped, pressed, min, max] = tapTarget(ctx, itemId, ImVec2(size, size));
    ctx.items.describeLast(spokenName, ItemRole::Button);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    const Palette& colors = theme.colors();
    const ImU32 border = enabled ? colors.primary : colors.border;
    draw.AddCircleFilled(center, size * 0.5f, border, 32);
    draw.AddCircleFilled(center, size * 0.5f - theme.hairline() * 2, pressed && enabled ? colors.surfacePressed : colors.surface, 32);
    drawPictogram(draw, arrow, center, size * 0.5f, enabled ? colors.primary : colors.border, colors.surface);
    return tapped && enabled;
}

}  // namespace

void drawGalleryBlock(FrameContext& ctx, const BlockPlace& place, const core::GalleryBlock& block) {
    if (block.pictures.empty()) return;
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const std::string base = place.idPrefix() + "/gallery/" + block.id;
    const std::size_t count = block.pictures.size();
    std::size_t shown = std::min(place.memory.galleryPosition(block.id), count - 1);

    float frameHeight = 0;
    for (const core::Picture& picture : block.pictures) {
        frameHeight = std::max(frameHeight, fittedPictureHeight(ctx, picture, place.width, place.viewHeight * 0.5f));
    }
    const ImVec2 origin = beginBlock(place);
    const ImVec2 frameMax(origin.x + place.width, origin.y + frameHeight);

    // The picture itself is the swipe area; a tap on it does nothing.
    tapTarget(ctx, base + "/picture", ImVec2(place.width, frameHeight));
    const core::Picture& current = block.pictures[shown];
    ctx.items.describeLast(current.alt.in(ctx.languages) + " (" + std::to_string(shown + 1) + " / " + std::to_string(count) + ")",
                           ItemRole::Picture);
    const int swiped = followSwipe(ctx, place, block, ImGui::IsItemActivated(), place.width);

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, frameMax, colors.surfaceMuted, theme.cornerRadius());
    {
        float offset = place.memory.swipe && place.memory.swipe->galleryId == block.id ? place.memory.swipe->offset : 0.0f;
        // Past either end the picture moves only a little: there is nothing more that way.
        if ((shown == 0 && offset > 0) || (shown + 1 == count && offset < 0)) offset *= 0.25f;
        const scoped::DrawClip clip(draw, origin, frameMax);
        drawPictureIn(ctx, draw, block.pictures[shown], ImVec2(origin.x + offset, origin.y),
                      ImVec2(frameMax.x + offset, frameMax.y));
    }

    // The control row: previous, position, next.
    const float rowTop = frameMax.y + theme.em(0.6f);
    const float buttonSize = theme.touchTarget();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, rowTop));
    int step = swiped;
    const AccessStrings& words = accessStrings(ctx.languages);
    if (arrowButton(ctx, base + "/previous", Pictogram::ChevronLeft, shown > 0, words.previousPicture)) step = -1;
    ImGui::SetCursorScreenPos(ImVec2(frameMax.x - buttonSize, rowTop));
    if (arrowButton(ctx, base + "/next", Pictogram::ChevronRight, shown + 1 < count, words.nextPicture)) step = 1;

    const float dot = theme.em(0.42f);
    const float dotGap = theme.em(0.45f);
    const std::string position = std::to_string(shown + 1) + " / " + std::to_string(count);
    ImFont* positionFont = theme.fonts().bodyBold;
    const float positionWidth = checkLabel(ctx, positionFont, position, place.width - 2 * buttonSize);
    const float dotsWidth = static_cast<float>(count) * dot + static_cast<float>(count - 1) * dotGap;
    const bool showDots = dotsWidth + theme.em(1.0f) + positionWidth < place.width - 2 * buttonSize - theme.em(1.0f);
    const float groupWidth = (showDots ? dotsWidth + theme.em(1.0f) : 0.0f) + positionWidth;
    float x = origin.x + (place.width - groupWidth) * 0.5f;
    const float rowMiddle = rowTop + buttonSize * 0.5f;
    if (showDots) {
        for (std::size_t i = 0; i < count; ++i) {
            // The current dot is larger as well as darker: position is not told by colour alone.
            const float radius = i == shown ? dot * 0.62f : dot * 0.4f;
            draw.AddCircleFilled(ImVec2(x + dot * 0.5f, rowMiddle), radius, i == shown ? colors.primary : colors.textMuted, 16);
            x += dot + dotGap;
        }
        x += theme.em(1.0f) - dotGap;
    }
    draw.AddText(positionFont, positionFont->FontSize, ImVec2(x, rowMiddle - positionFont->FontSize * 0.55f), colors.text,
                 position.c_str());

    // Captions: the area is as tall as the longest, so the page below stays put. All are laid out
    // (and so audited), only the current one is drawn.
    float captionHeight = 0;
    const float captionTop = rowTop + buttonSize + theme.em(0.4f);
    for (std::size_t i = 0; i < count; ++i) {
        const core::Picture& p = block.pictures[i];
        if (p.caption.empty()) continue;
        const TextLayout caption = layoutText(theme.fonts().small, colors.textMuted, p.caption.in(ctx.languages),
                                              place.width, kReadingLineHeight, ctx.audit);
        captionHeight = std::max(captionHeight, caption.size.y);
        if (i == shown) drawTextLayout(draw, ImVec2(origin.x, captionTop), caption);
    }
    const float height = captionTop - origin.y + captionHeight;
    endBlock(place, origin, height);

    if (step != 0) {
        const auto next = static_cast<std::ptrdiff_t>(shown) + step;
        shown = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(next, 0, static_cast<std::ptrdiff_t>(count) - 1));
        place.memory.galleryPositions[block.id] = shown;
    }
}

}  // namespace kiosk::ui
