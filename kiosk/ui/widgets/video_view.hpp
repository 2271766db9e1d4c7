// A clip on screen, wherever it is shown (a page's video block, the sign-language panel): the
// picture (or its poster before it plays), the subtitles over it, the controls under it, and an
// error card in its place when it cannot be played.
#pragma once

#include <string>

#include "core/pack/blocks.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

struct VideoViewSpec {
    std::string itemId;     // "page/start/video/intro": the picture; the controls add "/play" …
    std::string playerKey;  // unique on the display: the pack's id before the item id
    float width = 0;
    float maxPictureHeight = 0;
    bool placeholder = false;  // a stand-in clip: a badge says so
};

// At the cursor (screen position); returns the height drawn. Without players (ctx.videos null:
// screenshots, tests of the layout) it is the poster with a play symbol, named by the alt text.
float drawVideoView(FrameContext& ctx, const VideoViewSpec& spec, const core::VideoBlock& block);

// The cue of `track` shown at `seconds`, its markup (<i>, <b>, <v Name>) taken out; empty between cues.
std::string subtitleAt(const core::SubtitleTrack& track, double seconds);

}  // namespace kiosk::ui
