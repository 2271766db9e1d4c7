// Pictures are fitted, never stretched or upscaled: authors' SVGs are rasterised at the size shown.
#include "ui/blocks/image_block.hpp"

#include <algorithm>

#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

struct Placeholder {
    TextLayout notice;  // "Picture not available"
    TextLayout alt;
    float padding;
    float height() const { return notice.size.y + alt.size.y + padding * 2.3f; }
};

Placeholder layoutPlaceholder(FrameContext& ctx, const core::Picture& picture, float width) {
    const Theme& theme = ctx.theme;
    const float padding = theme.em(1.0f);
    const float inner = std::max(width - 2 * padding, theme.em(4.0f));
    return Placeholder{layoutText(theme.fonts().small, theme.colors().textMuted, ctx.strings.imageUnavailable, inner,
                                  kLabelLineHeight, ctx.audit),
                       layoutText(theme.fonts().body, theme.colors().text, picture.alt.in(ctx.languages), inner,
                                  kReadingLineHeight, ctx.audit),
                       padding};
}

ImVec2 fittedSize(const Texture& texture, float width, float maxHeight) {
    const float scale = std::min({width / static_cast<float>(texture.width), maxHeight / static_cast<float>(texture.height), 1.0f});
    return ImVec2(static_cast<float>(texture.width) * scale, static_cast<float>(texture.height) * scale);
}

}  // namespace

float fittedPictureHeight(FrameContext& ctx, const core::Picture& picture, float width, float maxHeight) {
    if (const Texture* texture = ctx.textures.get(picture.file, static_cast<int>(width))) {
        return fittedSize(*texture, width, maxHeight).y;
    }
    return std::max(ctx.theme.em(6.0f), layoutPlaceholder(ctx, picture, width).height());
}

void drawPictureIn(FrameContext& ctx, ImDrawList& draw, const core::Picture& picture, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    const float height = max.y - min.y;
    if (const Texture* texture = ctx.textures.get(picture.file, static_cast<int>(width))) {
        const ImVec2 size = fittedSize(*texture, width, height);
        const ImVec2 at(min.x + (width - size.x) * 0.5f, min.y + (height - size.y) * 0.5f);
        draw.AddImage(texture->handle, at, ImVec2(at.x + size.x, at.y + size.y));
        return;
    }
    // The picture is gone but its meaning is not: its alt text in its place, centred vertically.
    const Placeholder placeholder = layoutPlaceholder(ctx, picture, width);
    draw.AddRectFilled(min, max, ctx.theme.colors().chip, ctx.theme.cornerRadius());
    const float top = min.y + std::max(placeholder.padding, (height - placeholder.height()) * 0.5f + placeholder.padding);
    drawTextLayout(draw, ImVec2(min.x + placeholder.padding, top), placeholder.notice);
    drawTextLayout(draw, ImVec2(min.x + placeholder.padding, top + placeholder.notice.size.y + placeholder.padding * 0.3f),
                   placeholder.alt);
}

float drawCaption(FrameContext& ctx, const BlockPlace& place, const core::Picture& picture) {
    if (picture.caption.empty()) return 0.0f;
    ImGui::Dummy(ImVec2(0, ctx.theme.em(0.1f)));
    ImGui::SetCursorPosX(place.x);
    return drawWrapped(ctx, ctx.theme.fonts().small, ctx.theme.colors().textMuted, picture.caption.in(ctx.languages),
                       place.width, kReadingLineHeight);
}

void drawImageBlock(FrameContext& ctx, const BlockPlace& place, const core::ImageBlock& block) {
    const core::Picture& picture = block.picture;
    const ImVec2 origin = beginBlock(place);
    const float maxHeight = place.viewHeight * 0.5f;
    const float height = fittedPictureHeight(ctx, picture, place.width, maxHeight);
    drawPictureIn(ctx, *ImGui::GetWindowDrawList(), picture, origin, ImVec2(origin.x + place.width, origin.y + height));
    endBlock(place, origin, height);
    drawCaption(ctx, place, picture);
}

}  // namespace kiosk::ui
