// The clips on display (ui::VideoPlayers), as the window loop and the headless renderer play
// them: a VideoPlayer per clip the last frame drew, the visit's sound and subtitle settings, and
// the rule that one clip speaks at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <SDL.h>

#include "core/util/clock.hpp"
#include "platform/video_player.hpp"
#include "ui/video_playback.hpp"

namespace kiosk::platform {

class PlatformVideoPlayers final : public ui::VideoPlayers {
public:
    // `withSound`: clips play their sound through SDL audio (the kiosk); false: pictures only
    // (headless frames, which have no audio device).
    PlatformVideoPlayers(SDL_Renderer* renderer, bool withSound) : m_renderer(renderer), m_withSound(withSound) {}

    // ui::VideoPlayers
    ui::VideoPlayback& playerFor(const std::string& key, const core::VideoBlock& block) override;
    float volume() const override { return m_volume; }
    void setVolume(float volume) override;
    bool subtitlesOn() const override { return m_subtitlesOn; }
    void setSubtitlesOn(bool on) override { m_subtitlesOn = on; }
    void holdForSpeech(bool speaking) override;
    void forgetVisitor() override;
    void afterFrame() override;
    bool watched() const override;

    // The frame loop, before each frame: every open clip takes the picture due `now`.
    void update(core::TimePoint now);
    // When the next picture of a playing clip is due; nothing when none plays.
    std::optional<int> millisecondsToNextPicture(core::TimePoint now) const;
    // A clip was started or sought and waits for its first picture: tests draw frames until it came.
    bool waitingForPictures() const;
    // Clips open now (their decoders running or paused): for tests and the soak.
    std::size_t openClips() const { return m_players.size(); }
    // Late pictures skipped by the clips open now (VideoPlayer::droppedFrames): for the benchmark.
    std::uint64_t droppedFrames() const;

private:
    struct Entry {
        std::unique_ptr<VideoPlayer> player;
        bool asked = true;  // a frame since the last afterFrame() drew it
        bool failureLogged = false;
    };

    SDL_Renderer* m_renderer;
    const bool m_withSound;
    std::map<std::string, Entry, std::less<>> m_players;
    std::map<std::string, double, std::less<>> m_resumeAt;  // clips that scrolled off screen mid-way
    core::TimePoint m_now{};
    float m_volume = 1.0f;
    bool m_subtitlesOn = true;
    bool m_speaking = false;
};

}  // namespace kiosk::platform
