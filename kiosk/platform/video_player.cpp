// A clip's states (ui::VideoState) and how the buttons, the clocks and the decoders move between them.
#include "platform/video_player.hpp"

#include <algorithm>

#include "core/util/log.hpp"

namespace kiosk::platform {
namespace {

// After a seek while paused, the decoder's first picture may lie a little after the place asked
// for (between two pictures): taking what is due this much later shows it.
constexpr double kStillLookahead = 0.1;

}  // namespace

VideoPlayer::VideoPlayer(SDL_Renderer* renderer, const core::VideoBlock& block, double resumeAt, core::TimePoint now,
                         bool withSound)
    : m_renderer(renderer),
      m_block(block),
      m_texture(renderer),
      m_now(now),
      m_position(std::max(resumeAt, 0.0)),
      m_withSound(withSound) {
    m_soundOn = !block.autoplay;
    if (block.autoplay) play();
}

bool VideoPlayer::open() {
    if (m_decoder || m_opening.valid()) return true;
    if (m_block.clip.empty()) {
        fail("the pack names no clip that can be played");
        return false;
    }
    // Opening reads the headers, and FFmpeg's probe decodes the first picture: 50 to 160 ms for a
    // 1080p clip (tests/bench/RESULTS.md). On a thread of its own, so the frame of the tap is not
    // late; update() takes the decoders when they are there.
    m_opening = std::async(std::launch::async, [clip = m_block.clip, sound = hasSound()] {
        Opened opened;
        // A thread's exception would come out of get() in the frame loop: it becomes the clip's
        // error card instead, as in the decoders' own threads.
        try {
            openDecoders(clip, sound, opened);
        } catch (...) {
            opened.video.reset();
            opened.videoError = clip.string() + ": the video could not be opened: " + core::describeCurrentException();
        }
        return opened;
    });
    return true;
}

void VideoPlayer::openDecoders(const std::filesystem::path& clip, bool sound, Opened& opened) {
    {
        auto video = VideoDecoder::open(clip);
        if (!video) {
            opened.videoError = video.error().describe();
            return;
        }
        opened.video = std::move(video).value();
    }
    if (!sound) return;
    auto audio = AudioDecoder::open(clip);
    if (!audio) {
        opened.audioError = audio.error().describe();
    } else if (!audio.value()) {
        opened.audioError = "the clip turned out to have no sound";
    } else {
        opened.audio = std::move(audio).value();
    }
}

bool VideoPlayer::finishOpening() {
    if (m_decoder) return true;
    if (!m_opening.valid() || m_opening.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    Opened opened = m_opening.get();
    if (!opened.video) {
        fail(opened.videoError);
        return false;
    }
    m_decoder = std::move(opened.video);
    if (m_position > 0) m_decoder->seek(m_position);
    if (!opened.audio) {
        if (!opened.audioError.empty()) dropSound(opened.audioError);
        return true;
    }
    m_audio = std::move(opened.audio);
    if (m_position > 0) m_audio->seek(m_position);
    // The device, on the main thread like the rest of SDL; opened paused, it starts with the picture.
    auto output = AudioOutput::open(*m_audio);
    if (!output) {
        dropSound(output.error().describe());
    } else {
        m_output = std::move(output).value();
    }
    return true;
}

void VideoPlayer::dropSound(const std::string& why) {
    core::logWarning("video", m_block.clip.string() + ": plays without sound: " + why);
    m_output.reset();
    m_audio.reset();
    m_soundFailed = true;
}

void VideoPlayer::startSound() {
    if (m_output) m_output->pause(false);
}

void VideoPlayer::stopSound() {
    if (m_output) m_output->pause(true);
}

void VideoPlayer::fail(std::string why) {
    m_state = ui::VideoState::Failed;
    m_failure = std::move(why);
    // Joins the workers: nothing runs for a clip that cannot play. The device goes first.
    m_output.reset();
    m_audio.reset();
    m_decoder.reset();
}

void VideoPlayer::play() {
    if (m_state == ui::VideoState::Failed || m_state == ui::VideoState::Playing) return;
    if (m_state == ui::VideoState::Ended) {
        m_position = 0.0;
        if (m_decoder) m_decoder->seek(0.0);
        if (m_audio) m_audio->seek(0.0);
    }
    if (!open()) return;
    m_clock.set(m_position, m_now);
    m_starting = true;  // the clock runs from the first picture: none is dropped while the decoder starts
    m_state = ui::VideoState::Playing;
    m_held = false;
    if (m_heard && heard()) m_heard(*this);
}

void VideoPlayer::setSoundOn(bool on) {
    const bool wasHeard = heard();
    m_soundOn = on;
    if (!wasHeard && heard() && m_heard) m_heard(*this);
}

void VideoPlayer::pause() {
    if (m_state != ui::VideoState::Playing) return;
    stopSound();
    m_clock.stand(m_now);
    if (!m_starting) m_position = std::min(m_clock.at(m_now), duration());
    if (m_starting) m_wantStill = true;  // paused before the picture at the new place came: show it still
    m_starting = false;
    m_state = ui::VideoState::Paused;
}

void VideoPlayer::seek(double seconds) {
    if (m_state == ui::VideoState::Failed) return;
    m_position = std::clamp(seconds, 0.0, duration());
    m_clock.set(m_position, m_now);
    if (m_state == ui::VideoState::Ready || m_state == ui::VideoState::Ended) {
        if (!open()) return;
        m_state = ui::VideoState::Paused;
    }
    if (m_decoder) m_decoder->seek(m_position);  // still opening: it starts at m_position
    if (m_audio) m_audio->seek(m_position);
    if (m_state == ui::VideoState::Playing) {
        // Sound and picture wait together for the first picture at the new place.
        stopSound();
        m_clock.stand(m_now);
        m_starting = true;
    } else {
        m_wantStill = true;
    }
}

void VideoPlayer::hold(bool held) {
    if (held && m_state == ui::VideoState::Playing && m_soundOn && hasSound()) {
        pause();
        m_held = true;
    } else if (!held && m_held) {
        m_held = false;
        if (m_state == ui::VideoState::Paused) play();
    }
}

void VideoPlayer::update(core::TimePoint now, float volume) {
    m_now = now;
    if (m_state == ui::VideoState::Failed || !finishOpening()) return;
    if (auto error = m_decoder->error()) {
        fail(error->describe());
        return;
    }
    if (m_audio) {
        if (auto error = m_audio->error()) dropSound(error->describe());
    }
    if (m_output) m_output->setVolume(m_soundOn ? volume : 0.0f);
    const bool playing = m_state == ui::VideoState::Playing;
    if (playing && m_starting) {
        // The first picture after play or a seek, whatever its time (the one after the still
        // shown while paused, or the first at the place sought): the clock starts at it, now.
        const auto next = m_decoder->nextFrameTime();
        if (!next) {
            if (m_decoder->finished()) end(now);  // played to its end while paused: nothing is left
            return;
        }
        auto frame = m_decoder->frameFor(*next);
        if (!frame) return;
        if (!show(frame)) return;
        m_position = frame->time;
        m_clock.set(m_position, now);
        m_clock.run(now);
        m_starting = false;
        startSound();
        return;
    }
    if (playing) {
        // What is heard now leads; the frame loop's clock carries on from it should the sound
        // end before the picture does.
        if (soundLeads()) m_clock.set(std::max(m_position, m_audio->playedSeconds() - m_output->latencySeconds()), now);
        m_position = std::min(mediaTime(now), duration());
    }
    if (playing || m_wantStill || !m_picture.handle) {
        const double due = playing ? m_position : m_position + kStillLookahead;
        if (auto frame = m_decoder->frameFor(due)) {
            if (!show(frame)) return;
            m_wantStill = false;
        }
    }
    if (playing && m_decoder->finished()) end(now);
}

void VideoPlayer::end(core::TimePoint now) {
    stopSound();
    if (m_block.loop) {
        m_decoder->seek(0.0);
        if (m_audio) m_audio->seek(0.0);
        m_position = 0.0;
        m_clock.set(0.0, now);
        m_clock.stand(now);
        m_starting = true;
        return;
    }
    m_clock.stand(now);
    m_starting = false;
    m_position = duration();
    m_state = ui::VideoState::Ended;
}

bool VideoPlayer::show(const std::shared_ptr<const VideoFrame>& frame) {
    if (!m_texture.show(frame)) {
        fail(m_texture.lastError());
        return false;
    }
    m_picture = ui::Texture{m_texture.texture(), frame->width, frame->height};
    return true;
}

std::optional<double> VideoPlayer::secondsToNextPicture(core::TimePoint now) const {
    // Opening, or the decoder's first picture (after play or a seek) still to come: look again soon.
    constexpr double kSoon = 0.01;
    if (m_state == ui::VideoState::Failed || m_state == ui::VideoState::Ready || m_state == ui::VideoState::Ended) return std::nullopt;
    if (!m_decoder) return m_opening.valid() ? std::optional<double>(kSoon) : std::nullopt;
    if (m_wantStill && !m_decoder->finished()) return kSoon;
    if (m_state != ui::VideoState::Playing) return std::nullopt;  // a still picture: no frames needed
    if (m_starting) return kSoon;
    // No picture decoded yet: the decoder is behind, or the clip is at its end, which the next
    // update() notices. Either way the loop looks again soon.
    constexpr double kLookAgain = 0.05;
    const auto next = m_decoder->nextFrameTime();
    if (!next) return kLookAgain;
    return std::max(0.0, *next - mediaTime(now));
}

}  // namespace kiosk::platform
