// One clip on screen, played for the UI (ui::VideoPlayback): the decoders open on the first
// "play" (a page with clips costs nothing until one is started), the pictures go into an SDL
// texture between frames, the sound to an SDL audio device of its own. A/V sync: while the sound
// plays, the picture follows the sound's clock (what is heard now); without sound (none in the
// clip, no audio device, or the sound has ended first) a clock the frame loop moves.
//
// Main thread only, like the texture. The frame loop calls update(now) before each frame it draws;
// the UI's button presses in between take effect at once on the decoder and on the clock.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include <SDL.h>

#include "core/pack/blocks.hpp"
#include "core/util/clock.hpp"
#include "platform/audio_decoder.hpp"
#include "platform/audio_output.hpp"
#include "platform/video_decoder.hpp"
#include "platform/video_texture.hpp"
#include "ui/video_playback.hpp"

namespace kiosk::platform {

// Where a clip is in its own time, moved by the frame loop's clock: runs while playing, stands
// while paused. (With sound, the sound's clock leads instead: see VideoPlayer::mediaTime.)
class MediaClock {
public:
    void run(core::TimePoint now) {
        if (!m_running) m_since = now;
        m_running = true;
    }
    void stand(core::TimePoint now) {
        m_base = at(now);
        m_running = false;
    }
    void set(double seconds, core::TimePoint now) {
        m_base = seconds;
        m_since = now;
    }
    double at(core::TimePoint now) const {
        return m_running ? m_base + std::chrono::duration<double>(now - m_since).count() : m_base;
    }

private:
    double m_base = 0.0;
    core::TimePoint m_since{};
    bool m_running = false;
};

class VideoPlayer final : public ui::VideoPlayback {
public:
    // `resumeAt`: where the visitor left this clip earlier in the visit (it scrolled off screen).
    // `withSound`: the kiosk plays sound (false for headless frames: no audio device there).
    VideoPlayer(SDL_Renderer* renderer, const core::VideoBlock& block, double resumeAt, core::TimePoint now, bool withSound);
    ~VideoPlayer() override = default;

    // ui::VideoPlayback
    ui::VideoState state() const override { return m_state; }
    double position() const override { return m_position; }
    double duration() const override { return m_block.facts.durationSeconds; }
    const ui::Texture* picture() const override { return m_picture.handle ? &m_picture : nullptr; }
    const std::string& failure() const override { return m_failure; }
    bool hasSound() const override { return m_withSound && !m_block.facts.audioCodec.empty() && !m_soundFailed; }
    bool soundOn() const override { return m_soundOn; }
    void setSoundOn(bool on) override;
    void play() override;
    void pause() override;
    void seek(double seconds) override;

    // The frame loop, before drawing: takes the picture due now into the texture, sets the
    // sound's volume (the visit's, 0 with the sound off), notices the end (or starts again, for
    // a loop) and a failure.
    void update(core::TimePoint now, float volume);
    // Playing, but the decoder's first picture (after play or a seek) has not come yet.
    bool waitingForPicture() const { return m_state == ui::VideoState::Playing && m_starting; }
    // Paused by speech (not by the visitor): goes on when released.
    void hold(bool held);
    // How long until the next picture is due, while playing; nothing when paused or not known.
    std::optional<double> secondsToNextPicture(core::TimePoint now) const;
    // Pictures the decoder had ready but that were late when taken (a newer one was due): the
    // benchmark's sign that playback fell behind. Counts since the clip was opened.
    std::uint64_t droppedFrames() const { return m_decoder ? m_decoder->droppedFrames() : 0; }
    // Its sound is heard now (playing with sound on, not held).
    bool heard() const { return m_state == ui::VideoState::Playing && m_soundOn && hasSound(); }
    // Playing, and not a loop (a muted loop plays for nobody in particular).
    bool watched() const { return m_state == ui::VideoState::Playing && !m_block.loop; }
    // Told when this clip starts to be heard (play with sound, or sound turned on while playing):
    // the set pauses the others that are heard.
    void onHeard(std::function<void(VideoPlayer&)> heard) { m_heard = std::move(heard); }

private:
    // Starts opening the decoders on a thread of its own; false (and Failed) when there is no clip.
    bool open();
    // Takes the decoders once they are open (and opens the sound's device); false while opening.
    bool finishOpening();
    // The sound's decoder and device, when the clip has sound and the kiosk a device; a clip
    // whose sound cannot play goes on without it (logged), not as an error card.
    void openSound();
    void dropSound(const std::string& why);
    // Sound and picture go on together from the first picture after play or a seek.
    void startSound();
    void stopSound();
    void fail(std::string why);
    // The last picture was shown: a loop starts again, any other clip has ended.
    void end(core::TimePoint now);
    // Uploads the picture; false (and Failed) when SDL refuses.
    bool show(const std::shared_ptr<const VideoFrame>& frame);
    double mediaTime(core::TimePoint now) const { return m_clock.at(now); }
    bool soundLeads() const { return m_output && !m_audio->finished(); }

    SDL_Renderer* m_renderer;
    const core::VideoBlock m_block;
    std::unique_ptr<VideoDecoder> m_decoder;
    std::unique_ptr<AudioDecoder> m_audio;   // before the output, which pulls from it
    std::unique_ptr<AudioOutput> m_output;
    struct Opened {
        std::unique_ptr<VideoDecoder> video;
        std::string videoError;
        std::unique_ptr<AudioDecoder> audio;
        std::string audioError;  // the clip plays without sound
    };
    std::future<Opened> m_opening;  // its destructor waits for an opening still under way
    // The opening thread's work: the picture's decoder, then the sound's when `sound`.
    static void openDecoders(const std::filesystem::path& clip, bool sound, Opened& opened);
    VideoTexture m_texture;
    ui::Texture m_picture;
    MediaClock m_clock;
    core::TimePoint m_now;
    ui::VideoState m_state = ui::VideoState::Ready;
    double m_position = 0.0;
    std::string m_failure;
    bool m_soundOn = true;
    const bool m_withSound;
    bool m_soundFailed = false;
    bool m_held = false;
    bool m_wantStill = false;
    bool m_starting = false;   // playing, but the clock waits for the first picture  // paused and sought: the picture at the new place is still to come
    std::function<void(VideoPlayer&)> m_heard;
};

}  // namespace kiosk::platform
