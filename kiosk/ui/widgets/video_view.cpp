// Only opaque shapes and one picture: a playing clip costs the software renderer one textured
// rectangle a frame, plus the subtitle box.
#include "ui/widgets/video_view.hpp"

#include <algorithm>

#include "ui/blocks/image_block.hpp"
#include "ui/video_strings.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"
#include "ui/widgets/video_controls.hpp"

namespace kiosk::ui {
namespace {

// Subtitles are white on black in every palette: 21:1, and what viewers know from television.
constexpr ImU32 kSubtitleInk = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kSubtitleBox = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kLetterbox = IM_COL32(0, 0, 0, 255);

float pictureHeight(FrameContext& ctx, const VideoViewSpec& spec, const core::VideoBlock& block) {
    if (block.facts.width > 0 && block.facts.height > 0) {
        const float height = spec.width * static_cast<float>(block.facts.height) / static_cast<float>(block.facts.width);
        return std::min(height, spec.maxPictureHeight);
    }
    return fittedPictureHeight(ctx, core::Picture{block.poster, block.alt, {}}, spec.width, spec.maxPictureHeight);
}

// A round button face with a triangle pointing right, and the word "Video" under it on a chip,
// so the poster reads as a clip without colour or motion.
void drawPlaySymbol(FrameContext& ctx, ImDrawList& draw, ImVec2 min, ImVec2 max) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float radius = std::min(theme.em(2.6f), std::min(max.x - min.x, max.y - min.y) * 0.3f);
    const TextLayout word = layoutText(theme.fonts().bodyBold, colors.onPrimary, ctx.strings.speech.video, max.x - min.x,
                                       kLabelLineHeight, ctx.audit);
    const float pad = theme.em(0.4f);
    const float gap = pad * 2;  // clear of the circle's light ring
    // A small frame (large text, a narrow panel) has room for the round button only.
    const bool withWord = radius * 2 + gap + word.size.y + pad * 2 <= (max.y - min.y) * 0.9f;
    const float groupHeight = withWord ? radius * 2 + gap + word.size.y + pad * 2 : radius * 2;
    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f - groupHeight * 0.5f + radius);
    draw.AddCircleFilled(center, radius + theme.hairline() * 3, colors.onPrimary, 48);
    draw.AddCircleFilled(center, radius, colors.primary, 48);
    drawIcon(draw, Icon::Play, center, radius * 1.1f, theme.em(0.12f), colors.onPrimary);
    if (!withWord) return;
    const float chipTop = center.y + radius + gap;
    const ImVec2 chipMin(center.x - word.size.x * 0.5f - pad * 2, chipTop);
    const ImVec2 chipMax(center.x + word.size.x * 0.5f + pad * 2, chipTop + word.size.y + pad * 2);
    draw.AddRectFilled(chipMin, chipMax, colors.primary, theme.cornerRadius());
    drawTextLayoutCentered(draw, center.x, chipTop + pad, word);
}

void drawBadge(FrameContext& ctx, ImDrawList& draw, ImVec2 at, const char* text) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float pad = theme.em(0.4f);
    const TextLayout word = layoutText(theme.fonts().small, colors.text, text, theme.em(20.0f), kLabelLineHeight, ctx.audit);
    const ImVec2 max(at.x + word.size.x + pad * 2, at.y + word.size.y + pad * 2);
    draw.AddRectFilled(at, max, colors.surface, theme.cornerRadius());
    draw.AddRect(at, max, colors.text, theme.cornerRadius(), 0, theme.hairline() * 2);
    drawTextLayout(draw, ImVec2(at.x + pad, at.y + pad), word);
}

void drawPicture(ImDrawList& draw, const Texture& picture, ImVec2 min, ImVec2 max) {
    const float width = max.x - min.x;
    const float height = max.y - min.y;
    const float scale = std::min(width / static_cast<float>(picture.width), height / static_cast<float>(picture.height));
    const ImVec2 size(static_cast<float>(picture.width) * scale, static_cast<float>(picture.height) * scale);
    const ImVec2 at(min.x + (width - size.x) * 0.5f, min.y + (height - size.y) * 0.5f);
    draw.AddImage(picture.handle, at, ImVec2(at.x + size.x, at.y + size.y));
}

const core::SubtitleTrack* trackFor(const FrameContext& ctx, const core::VideoBlock& block) {
    for (const std::string& language : ctx.languages) {
        if (auto found = block.subtitles.find(language); found != block.subtitles.end()) return &found->second;
    }
    return nullptr;
}

// The cue over the lower part of the picture, in a box just as large as its lines.
void drawSubtitle(FrameContext& ctx, ImDrawList& draw, const std::string& itemId, const std::string& text, ImVec2 min, ImVec2 max) {
    const Theme& theme = ctx.theme;
    const float pad = theme.em(0.4f);
    const float width = (max.x - min.x) * 0.9f - pad * 2;
    const TextLayout lines = layoutText(theme.fonts().bodyBold, kSubtitleInk, text, width, kLabelLineHeight, ctx.audit);
    const float centerX = (min.x + max.x) * 0.5f;
    const float bottom = max.y - theme.em(0.6f);
    const ImVec2 boxMin(centerX - lines.size.x * 0.5f - pad, bottom - lines.size.y - pad * 2);
    const ImVec2 boxMax(centerX + lines.size.x * 0.5f + pad, bottom);
    draw.AddRectFilled(boxMin, boxMax, kSubtitleBox, theme.cornerRadius() * 0.5f);
    drawTextLayoutCentered(draw, centerX, boxMin.y + pad, lines);
    ctx.items.record(itemId + "/subtitle", boxMin, boxMax);
    ctx.items.describeLast(text, ItemRole::Text);
}

// In the clip's place when it cannot play: what happened, and that the rest of the page works.
void drawErrorCard(FrameContext& ctx, ImDrawList& draw, const std::string& itemId, ImVec2 min, ImVec2 max) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const VideoStrings& words = videoStrings(ctx.languages);
    draw.AddRectFilled(min, max, colors.surfaceMuted, theme.cornerRadius());
    draw.AddRect(min, max, colors.border, theme.cornerRadius(), 0, theme.hairline() * 2);
    const float pad = theme.em(1.0f);
    const float width = max.x - min.x - pad * 2;
    const TextLayout title = layoutText(theme.fonts().bodyBold, colors.text, words.cannotPlayTitle, width, kLabelLineHeight, ctx.audit);
    const TextLayout body = layoutText(theme.fonts().body, colors.text, words.cannotPlayBody, width, kLabelLineHeight, ctx.audit);
    const float top = (min.y + max.y) * 0.5f - (title.size.y + pad * 0.5f + body.size.y) * 0.5f;
    const float centerX = (min.x + max.x) * 0.5f;
    drawTextLayoutCentered(draw, centerX, top, title);
    drawTextLayoutCentered(draw, centerX, top + title.size.y + pad * 0.5f, body);
    ctx.items.record(itemId, min, max);
    ctx.items.describeLast(std::string(words.cannotPlayTitle) + " " + words.cannotPlayBody, ItemRole::Problem);
}

// A touch on the picture: plays what rests, pauses what plays; an autoplaying clip that plays
// without sound gets its sound first ("a touch turns the sound on").
void touchPicture(VideoPlayback& player) {
    switch (player.state()) {
        case VideoState::Playing:
            if (player.hasSound() && !player.soundOn()) {
                player.setSoundOn(true);
            } else {
                player.pause();
            }
            break;
        case VideoState::Ready:
        case VideoState::Paused:
        case VideoState::Ended: player.play(); break;
        case VideoState::Failed: break;
    }
}

// What a touch on the picture does, after what the clip shows (see touchPicture).
std::string spokenName(FrameContext& ctx, const core::VideoBlock& block, const VideoPlayback& player) {
    const VideoStrings& words = videoStrings(ctx.languages);
    const std::string video = std::string(ctx.strings.speech.video) + ": " + block.alt.in(ctx.languages) + ". ";
    if (player.state() != VideoState::Playing) return video + words.play;
    return video + (player.hasSound() && !player.soundOn() ? words.soundOn : words.pause);
}

}  // namespace

std::string subtitleAt(const core::SubtitleTrack& track, double seconds) {
    for (const core::SubtitleCue& cue : track.cues) {
        if (cue.startSeconds > seconds) break;
        if (seconds >= cue.endSeconds) continue;
        std::string text;
        bool inTag = false;
        for (char c : cue.text) {
            if (c == '<') inTag = true;
            if (!inTag) text += c;
            if (c == '>') inTag = false;
        }
        return text;
    }
    return {};
}

float drawVideoView(FrameContext& ctx, const VideoViewSpec& spec, const core::VideoBlock& block) {
    const core::Picture poster{block.poster, block.alt, {}};
    const float height = pictureHeight(ctx, spec, block);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // A clip held to half the view is narrower than the column: its frame shrinks to it and
    // centres, rather than showing black bars beside it. The controls keep the column's width.
    float frameWidth = spec.width;
    if (block.facts.width > 0 && block.facts.height > 0) {
        frameWidth = std::min(spec.width, height * static_cast<float>(block.facts.width) / static_cast<float>(block.facts.height));
    }
    const ImVec2 frameMin(origin.x + (spec.width - frameWidth) * 0.5f, origin.y);
    const ImVec2 max(frameMin.x + frameWidth, origin.y + height);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const VideoStrings& words = videoStrings(ctx.languages);

    if (!ctx.videos) {
        draw.AddRectFilled(frameMin, max, ctx.theme.colors().surfaceMuted, ctx.theme.cornerRadius());
        drawPictureIn(ctx, draw, poster, frameMin, max);
        drawPlaySymbol(ctx, draw, frameMin, max);
        if (spec.placeholder) drawBadge(ctx, draw, ImVec2(frameMin.x + ctx.theme.em(0.5f), frameMin.y + ctx.theme.em(0.5f)), words.placeholder);
        ctx.items.record(spec.itemId, frameMin, max);
        ctx.items.describeLast(block.alt.in(ctx.languages), ItemRole::Picture);
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(spec.width, height));
        return height;
    }

    VideoPlayers& players = *ctx.videos;
    VideoPlayback& player = players.playerFor(spec.playerKey, block);
    if (player.state() == VideoState::Failed) {
        drawErrorCard(ctx, draw, spec.itemId, origin, ImVec2(origin.x + spec.width, max.y));
        ImGui::SetCursorScreenPos(origin);
        ImGui::Dummy(ImVec2(spec.width, height));
        return height;
    }
    ImGui::SetCursorScreenPos(frameMin);
    const bool tapped = tapTarget(ctx, spec.itemId, ImVec2(frameWidth, height)).tapped;
    ctx.items.describeLast(spokenName(ctx, block, player), ItemRole::Button);
    if (tapped) touchPicture(player);

    const Texture* picture = player.picture();
    if (player.state() == VideoState::Ready || !picture) {
        draw.AddRectFilled(frameMin, max, ctx.theme.colors().surfaceMuted, ctx.theme.cornerRadius());
        drawPictureIn(ctx, draw, poster, frameMin, max);
        if (player.state() == VideoState::Ready) drawPlaySymbol(ctx, draw, frameMin, max);
    } else {
        draw.AddRectFilled(frameMin, max, kLetterbox);
        drawPicture(draw, *picture, frameMin, max);
    }
    if (spec.placeholder) drawBadge(ctx, draw, ImVec2(frameMin.x + ctx.theme.em(0.5f), frameMin.y + ctx.theme.em(0.5f)), words.placeholder);
    const core::SubtitleTrack* track = trackFor(ctx, block);
    if (track && players.subtitlesOn() && player.state() != VideoState::Ready) {
        const std::string cue = subtitleAt(*track, player.position());
        if (!cue.empty()) drawSubtitle(ctx, draw, spec.itemId, cue, frameMin, max);
    }

    const float gap = ctx.theme.em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, max.y + gap));
    const VideoControlsSpec controls{spec.itemId, track != nullptr, ctx.speech ? block.audioDescription.in(ctx.languages) : std::string()};
    const float controlsHeight = drawVideoControls(ctx, controls, player, players, spec.width);
    const float total = height + gap + controlsHeight;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(spec.width, total));
    return total;
}

}  // namespace kiosk::ui
