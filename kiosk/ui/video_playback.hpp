// What a screen asks of the clips it shows. The platform plays them (FFmpeg on worker threads,
// SDL audio, kiosk/platform/video_players.hpp); the UI only reads their state and presses their
// buttons, so the screens stay free of decoders and clocks, and draw posters when nobody plays.
#pragma once

#include <string>

#include "core/pack/blocks.hpp"
#include "ui/texture_cache.hpp"

namespace kiosk::ui {

enum class VideoState {
    Ready,    // not started: the poster shows
    Playing,
    Paused,   // by the visitor, or held while speech is heard
    Ended,    // the last picture stays, with "play again"
    Failed,   // cannot be played (damaged, cut off, no decoder): an error card in its place
};

class VideoPlayback {
public:
    virtual ~VideoPlayback() = default;

    virtual VideoState state() const = 0;
    // Seconds from the clip's start: where the picture shown is, and the whole length.
    virtual double position() const = 0;
    virtual double duration() const = 0;
    // The picture shown now; null before the first one has been decoded.
    virtual const Texture* picture() const = 0;
    // Why it failed, in words for the kiosk's log (the visitor sees a short card).
    virtual const std::string& failure() const = 0;
    // The clip has a sound track and the kiosk can play it.
    virtual bool hasSound() const = 0;
    // Its sound is heard (when it has one). Off is not paused: the clip goes on. An autoplaying
    // clip starts with it off (content/FORMAT.md, "video"); a touch turns it on.
    virtual bool soundOn() const = 0;
    virtual void setSoundOn(bool on) = 0;

    // From the start when Ready or Ended, else from where it was paused.
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void seek(double seconds) = 0;
};

// The clips of the screens on display. A screen asks for its clip every frame it draws it; a clip
// no frame asked for is off screen, and closes between frames (its decoding stops, its memory is
// freed; its place in the clip is remembered for the visit).
class VideoPlayers {
public:
    virtual ~VideoPlayers() = default;

    // The player of `block`, known by `key` (unique on the display: pack, page and block id).
    virtual VideoPlayback& playerFor(const std::string& key, const core::VideoBlock& block) = 0;

    // How loud every clip plays, for the rest of the visit: 0.1 to 1 (never silent by mistake:
    // that is each clip's sound button).
    virtual float volume() const = 0;
    virtual void setVolume(float volume) = 0;
    // Subtitles shown or not, for the rest of the visit (on at first: a showroom is noisy).
    virtual bool subtitlesOn() const = 0;
    virtual void setSubtitlesOn(bool on) = 0;

    // Speech is heard: clips that play with sound pause, so the voices never talk over each
    // other and nothing of either is missed, and go on by themselves when speech has ended.
    virtual void holdForSpeech(bool speaking) = 0;
    // A new visitor: every clip closes and every setting above returns to its default.
    virtual void forgetVisitor() = 0;
    // Between frames, after present: the clips no frame asked for close.
    virtual void afterFrame() = 0;
    // A visitor is watching a clip they started (not a muted loop): that counts as being there,
    // like listening to speech, so the idle reset does not cut the clip off.
    virtual bool watched() const = 0;
};

}  // namespace kiosk::ui
