// Drawn once per picture (every few seconds) and then not at all: the slideshow costs nothing in
// between, and it has no animation a software renderer would pay for on every frame. The one
// exception is a pack's autoplaying clip, which authors choose knowing it is drawn at its own rate.
#include "ui/screens/attract_screen.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/pack_tile.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

// The first clip of the pack's start page that plays by itself (content/FORMAT.md, "video").
const core::VideoBlock* attractClip(const core::Pack& pack) {
    const core::Page* start = pack.findPage(pack.startPage);
    if (!start) return nullptr;
    for (const core::Block& block : start->blocks) {
        if (const auto* video = std::get_if<core::VideoBlock>(&block); video && video->autoplay) return video;
    }
    return nullptr;
}

// The pack of this picture: its icon large in a tinted square, its category, title and description.
void drawHighlight(FrameContext& ctx, const core::Pack& pack, ImVec2 min, ImVec2 max) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float width = max.x - min.x;
    const float height = max.y - min.y;
    const bool portrait = height > width;
    const float iconSide = std::min(portrait ? width * 0.55f : width * 0.32f, height * (portrait ? 0.4f : 0.75f));
    const float gap = theme.em(2.5f);
    const float textWidth = portrait ? width : width - iconSide - gap;

    const TextLayout category = layoutText(theme.fonts().bodyBold, colors.textMuted, categoryName(ctx.strings, pack.category),
                                           textWidth, kLabelLineHeight, ctx.audit);
    const TextLayout title =
        layoutText(theme.fonts().display, colors.text, pack.title.in(ctx.languages), textWidth, kLabelLineHeight, ctx.audit);
    const TextLayout description = layoutText(theme.fonts().heading, colors.textMuted, pack.description.in(ctx.languages),
                                              textWidth, kReadingLineHeight, ctx.audit);
    const float band = theme.em(0.5f);
    const float textHeight = band + theme.em(1.0f) + category.size.y + theme.em(0.6f) + title.size.y + theme.em(1.0f) +
                             description.size.y;

    ImVec2 iconMin;
    ImVec2 textMin;
    if (portrait) {
        const float total = iconSide + gap + textHeight;
        iconMin = ImVec2(min.x + (width - iconSide) * 0.5f, min.y + std::max(0.0f, (height - total) * 0.5f));
        textMin = ImVec2(min.x, iconMin.y + iconSide + gap);
    } else {
        iconMin = ImVec2(min.x, min.y + (height - iconSide) * 0.5f);
        textMin = ImVec2(min.x + iconSide + gap, min.y + std::max(0.0f, (height - textHeight) * 0.5f));
    }
    // A pack whose start page has an autoplaying clip shows it here, without sound, in the
    // icon's place; until its first picture (or without players) the icon stands in.
    const core::VideoBlock* clip = attractClip(pack);
    const Texture* clipPicture = nullptr;
    if (clip && ctx.videos) clipPicture = ctx.videos->playerFor("attract/" + pack.id, *clip).picture();
    if (clipPicture) {
        const float scale = std::min(iconSide / static_cast<float>(clipPicture->width), iconSide / static_cast<float>(clipPicture->height));
        const ImVec2 fitted(static_cast<float>(clipPicture->width) * scale, static_cast<float>(clipPicture->height) * scale);
        const ImVec2 at(iconMin.x + (iconSide - fitted.x) * 0.5f, iconMin.y + (iconSide - fitted.y) * 0.5f);
        draw.AddImage(clipPicture->handle, at, ImVec2(at.x + fitted.x, at.y + fitted.y));
    } else if (const Texture* icon = ctx.textures.get(pack.tileIcon, static_cast<int>(iconSide))) {
        // Tile icons bring their own background shape; drawn large, fitted, never stretched.
        const float scale = iconSide / static_cast<float>(std::max(icon->width, icon->height));
        const ImVec2 fitted(static_cast<float>(icon->width) * scale, static_cast<float>(icon->height) * scale);
        const ImVec2 at(iconMin.x + (iconSide - fitted.x) * 0.5f, iconMin.y + (iconSide - fitted.y) * 0.5f);
        draw.AddImage(icon->handle, at, ImVec2(at.x + fitted.x, at.y + fitted.y));
    }

    // The category's colour as a short bar above its name: the same sign as on the home tiles.
    float y = textMin.y;
    draw.AddRectFilled(ImVec2(textMin.x, y), ImVec2(textMin.x + theme.em(4.0f), y + band), categoryColor(colors, pack.category),
                       band * 0.5f);
    y += band + theme.em(1.0f);
    drawTextLayout(draw, ImVec2(textMin.x, y), category);
    y += category.size.y + theme.em(0.6f);
    drawTextLayout(draw, ImVec2(textMin.x, y), title);
    y += title.size.y + theme.em(1.0f);
    drawTextLayout(draw, ImVec2(textMin.x, y), description);
}

// The call to touch, in the kiosk's default language first and large, then the others: a visitor
// who reads no German finds their own language before they touch anything.
float drawTouchBand(FrameContext& ctx, ImVec2 min, float width, float bottom) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float padding = theme.em(1.6f);
    const float inner = width - 2 * padding;
    const UiStrings& first = uiStrings(ctx.languages);
    const TextLayout main =
        layoutText(theme.fonts().display, colors.onPrimary, first.visit.touchToStart, inner, kLabelLineHeight, ctx.audit);
    std::vector<std::string_view> phrases;
    for (const std::string& tag : ctx.nav.languages()) {
        const UiStrings& words = uiStrings({tag});
        if (&words == &first) continue;
        if (std::find(phrases.begin(), phrases.end(), words.visit.touchToStart) != phrases.end()) continue;
        phrases.emplace_back(words.visit.touchToStart);
    }
    // On one line where they fit, else one language per line: a phrase is never split.
    auto join = [&](std::string_view separator) {
        std::string out;
        for (std::string_view phrase : phrases) out += (out.empty() ? "" : std::string(separator)) + std::string(phrase);
        return out;
    };
    ImFont* restFont = theme.fonts().heading;
    const std::string oneLine = join("  ·  ");
    const std::string others = textWidth(restFont, oneLine) <= inner ? oneLine : join("\n");
    const TextLayout rest = layoutText(restFont, colors.onPrimary, others, inner, kReadingLineHeight, ctx.audit);
    const float height = padding + main.size.y + (rest.lines > 0 ? theme.em(0.6f) + rest.size.y : 0.0f) + padding;
    const ImVec2 bandMin(min.x, bottom - height);
    draw.AddRectFilled(bandMin, ImVec2(min.x + width, bottom), colors.primary, theme.cornerRadius() * 2.0f);
    drawTextLayoutCentered(draw, min.x + width * 0.5f, bandMin.y + padding, main);
    if (rest.lines > 0) drawTextLayoutCentered(draw, min.x + width * 0.5f, bandMin.y + padding + main.size.y + theme.em(0.6f), rest);
    return height;
}

// "Your inputs have been deleted", in the middle of the area the pack picture would fill.
void drawResetNotice(FrameContext& ctx, ImVec2 areaMin, ImVec2 areaMax) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float width = std::min(areaMax.x - areaMin.x, theme.em(34.0f));
    const float padding = theme.em(2.0f);
    const float badge = theme.em(4.0f);
    const float textWidth = width - 2 * padding - badge - theme.em(1.5f);
    const TextLayout title = layoutText(theme.fonts().display, colors.text, ctx.strings.visit.inputsDeletedTitle, textWidth,
                                        kLabelLineHeight, ctx.audit);
    const TextLayout body = layoutText(theme.fonts().heading, colors.textMuted, ctx.strings.visit.inputsDeletedBody, textWidth,
                                       kReadingLineHeight, ctx.audit);
    const float textHeight = title.size.y + theme.em(0.6f) + body.size.y;
    const float height = 2 * padding + std::max(badge, textHeight);
    const ImVec2 min(areaMin.x + (areaMax.x - areaMin.x - width) * 0.5f,
                     areaMin.y + std::max(0.0f, (areaMax.y - areaMin.y - height) * 0.5f));
    drawCard(draw, theme, min, ImVec2(min.x + width, min.y + height), colors.surface, colors.success, theme.em(0.2f));
    drawBadge(draw, Pictogram::Check, ImVec2(min.x + padding + badge * 0.5f, min.y + height * 0.5f), badge, colors.success,
              colors.onPrimary);
    const float textX = min.x + padding + badge + theme.em(1.5f);
    const float textY = min.y + (height - textHeight) * 0.5f;
    drawTextLayout(draw, ImVec2(textX, textY), title);
    drawTextLayout(draw, ImVec2(textX, textY + title.size.y + theme.em(0.6f)), body);
}

}  // namespace

void drawAttractScreen(FrameContext& ctx, std::size_t slide, bool resetNotice) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), colors.background);

    // The whole screen is one target: registered for tests and the non-visual mode.
    ctx.items.record("attract/start", origin, ImVec2(origin.x + size.x, origin.y + size.y));
    // Any key of an attached keyboard or keypad wakes the kiosk too (and later the non-visual mode).
    if (ImGui::IsMouseClicked(0) || anyKeyPressed()) ctx.emit<core::StartVisit>();

    const float margin = theme.em(3.0f);
    const float width = size.x - 2 * margin;
    const ImVec2 min(origin.x + margin, origin.y + margin);
    const float bottom = origin.y + size.y - margin;

    const TextLayout heading = layoutText(theme.fonts().bodyBold, colors.textMuted, ctx.strings.homeTitle, width,
                                          kLabelLineHeight, ctx.audit);
    drawTextLayout(draw, min, heading);
    const auto& packs = ctx.nav.library().packs;
    const float bandHeight = drawTouchBand(ctx, ImVec2(min.x, 0), width, bottom);
    if (packs.empty()) {
        if (resetNotice) drawResetNotice(ctx, ImVec2(min.x, min.y), ImVec2(min.x + width, bottom - bandHeight));
        return;
    }

    // Where in the loop we are, as dots: as many as there are packs, the current one larger.
    const std::size_t shown = slide % packs.size();
    const float dot = theme.em(0.5f);
    const float dotGap = theme.em(0.6f);
    float x = min.x + width - static_cast<float>(packs.size()) * (dot + dotGap) + dotGap;
    const float dotY = min.y + heading.size.y * 0.5f;
    for (std::size_t i = 0; i < packs.size(); ++i) {
        draw.AddCircleFilled(ImVec2(x + dot * 0.5f, dotY), i == shown ? dot * 0.6f : dot * 0.35f,
                             i == shown ? colors.primary : colors.border, 16);
        x += dot + dotGap;
    }
    const float top = min.y + heading.size.y + theme.em(2.0f);
    const ImVec2 areaMin(min.x, top);
    const ImVec2 areaMax(min.x + width, bottom - bandHeight - theme.em(2.0f));
    // Right after a reset the notice takes the place of the pack: one message at a time.
    if (resetNotice) {
        drawResetNotice(ctx, areaMin, areaMax);
    } else {
        drawHighlight(ctx, packs[shown], areaMin, areaMax);
    }
}

}  // namespace kiosk::ui
