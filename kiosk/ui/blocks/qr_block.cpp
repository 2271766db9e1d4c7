// Modules are whole pixels and rows of dark modules one rectangle each: sharp edges for the
// phone's camera, few shapes for the software renderer.
#include "ui/blocks/qr_block.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as ISO/IEC 18004 asks

// About 9 em, 270 px at 1080p: 7.5 cm on a 24" screen, 17 cm on a 55" one. A phone camera reads
// modules of 2 mm from arm's length.
float moduleSize(const Theme& theme, int modulesWithQuietZone) {
    return std::max(2.0f, std::floor(theme.em(9.0f) / static_cast<float>(modulesWithQuietZone)));
}

void drawModules(ImDrawList& draw, const Palette& colors, const QrMatrix& code, ImVec2 min, float module) {
    const float side = module * static_cast<float>(code.size + 2 * kQuietZone);
    draw.AddRectFilled(min, ImVec2(min.x + side, min.y + side), colors.qrLight);
    const float left = min.x + module * kQuietZone;
    const float top = min.y + module * kQuietZone;
    for (int y = 0; y < code.size; ++y) {
        int x = 0;
        while (x < code.size) {
            if (!code.isDark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < code.size && code.isDark(x, y)) ++x;
            draw.AddRectFilled(ImVec2(left + module * static_cast<float>(runStart), top + module * static_cast<float>(y)),
                               ImVec2(left + module * static_cast<float>(x), top + module * static_cast<float>(y + 1)),
                               colors.qrDark);
        }
    }
}

// The address is typed letter by letter from the screen: on one line it reads best, so it takes
// the largest size it fits in (on a narrow column at 200 % text a long one would not in the
// heading's), and wraps only where even the body size is too wide.
ImFont* addressFont(const Theme& theme, std::string_view address, float width) {
    for (ImFont* font : {theme.fonts().heading, theme.fonts().subheading}) {
        if (textWidth(font, address) <= width) return font;
    }
    return theme.fonts().bodyBold;
}

}  // namespace

void drawQrBlock(FrameContext& ctx, const BlockPlace& place, const core::QrBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const BlockStrings& words = ctx.strings.blocks;
    const float padding = theme.em(1.4f);
    const float inner = place.width - 2 * padding;
    const std::optional<QrMatrix>& code = place.memory.qrCodes.get(block.url);

    const TextLayout label = layoutText(theme.fonts().subheading, colors.text, block.label.in(ctx.languages), inner,
                                        kLabelLineHeight, ctx.audit);
    const TextLayout unavailable = code ? TextLayout{}
                                        : layoutText(theme.fonts().body, colors.text, words.qrUnavailable, inner,
                                                     kReadingLineHeight, ctx.audit);
    const TextLayout address = layoutText(addressFont(theme, block.shortUrl, inner), colors.primary, block.shortUrl, inner,
                                          kLabelLineHeight, ctx.audit);
    const float cameraIcon = theme.em(1.3f);
    const TextLayout scan = layoutText(theme.fonts().body, colors.textMuted, words.qrScan,
                                       inner - cameraIcon - theme.em(0.5f), kReadingLineHeight, ctx.audit);

    const float module = code ? moduleSize(theme, code->size + 2 * kQuietZone) : 0.0f;
    const float qrSide = code ? module * static_cast<float>(code->size + 2 * kQuietZone) : 0.0f;
    const float gap = theme.em(0.8f);
    const float scanHeight = std::max(scan.size.y, cameraIcon);
    const float height = padding + label.size.y + gap + (code ? qrSide : unavailable.size.y) + gap + address.size.y +
                         theme.em(0.4f) + scanHeight + padding;

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    drawCard(draw, theme, origin, ImVec2(origin.x + place.width, origin.y + height), colors.surface, colors.border,
             theme.hairline());
    const float centerX = origin.x + place.width * 0.5f;
    float y = origin.y + padding;
    drawTextLayoutCentered(draw, centerX, y, label);
    y += label.size.y + gap;
    if (code) {
        // Whole pixels, or the modules' edges blur.
        const ImVec2 at(std::floor(centerX - qrSide * 0.5f), std::floor(y));
        drawModules(draw, colors, *code, at, module);
        ctx.items.record(place.idPrefix() + "/qr/" + block.id, at, ImVec2(at.x + qrSide, at.y + qrSide));
        y += qrSide;
    } else {
        drawTextLayoutCentered(draw, centerX, y, unavailable);
        y += unavailable.size.y;
    }
    y += gap;
    drawTextLayoutCentered(draw, centerX, y, address);
    y += address.size.y + theme.em(0.4f);
    const float scanWidth = cameraIcon + theme.em(0.5f) + scan.size.x;
    const float scanLeft = centerX - scanWidth * 0.5f;
    drawPictogram(draw, Pictogram::Camera, ImVec2(scanLeft + cameraIcon * 0.5f, y + scanHeight * 0.5f), cameraIcon,
                  colors.textMuted, colors.surface);
    drawTextLayout(draw, ImVec2(scanLeft + cameraIcon + theme.em(0.5f), y + (scanHeight - scan.size.y) * 0.5f), scan);
    endBlock(place, origin, height);
}

}  // namespace kiosk::ui
