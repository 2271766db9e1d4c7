// The touch controls under a clip: play or pause, 10 s back and forward, the seek bar with the
// time, subtitles, sound on or off, quieter, louder and, with speech, "read out what is seen".
// Every control is a touch target of at least 2.6 em with its own spoken name; on a narrow
// column they take two rows.
#pragma once

#include <string>

#include "ui/frame_context.hpp"
#include "ui/video_playback.hpp"

namespace kiosk::ui {

struct VideoControlsSpec {
    std::string itemId;  // "page/start/video/intro": the controls are "<itemId>/play" …
    bool hasSubtitles = false;
    std::string audioDescription;  // in the visitor's language; empty: no button
};

// Drawn at the cursor, `width` wide; returns the height used. Presses act on `player` and
// `players` at once (the decoder takes them between frames).
float drawVideoControls(FrameContext& ctx, const VideoControlsSpec& spec, VideoPlayback& player, VideoPlayers& players,
                        float width);

// "1:05" (and "1:02:03" past an hour): how the seek bar tells the time.
std::string clockText(double seconds);

}  // namespace kiosk::ui
