// One SDL audio device that plays an AudioDecoder's sound: SDL's audio thread calls back for
// each device buffer, the callback pulls that many frames from the decoder (never waiting) and
// scales them by the volume. The device is opened in the decoder's format (S16, stereo, 48 kHz)
// with no changes allowed, so SDL converts to whatever the sound card wants and the callback
// always gets the same format. A device of its own, next to the speech output's
// (platform/espeak_speech.cpp): SDL mixes nothing, the sound server does, and a separate device
// lets speech go on while the video's sound is paused.
//
// Thread-safety: pause(), setVolume() and the getters may be called from any thread; the volume
// is an atomic the callback reads once per buffer. The decoder must outlive the output: the
// destructor closes the device, and SDL_CloseAudioDevice returns only after the last callback.
#pragma once

#include <SDL.h>

#include <atomic>
#include <memory>

#include "core/util/result.hpp"
#include "platform/audio_decoder.hpp"

namespace kiosk::platform {

class AudioOutput {
public:
    // 1024 frames: 21 ms at 48 kHz. The callback runs about 47 times a second; what the device
    // buffer adds to the delay is reported by latencySeconds(), so the picture is not late by it.
    static constexpr int kDeviceBufferFrames = 1024;

    // Starts SDL's audio subsystem (counted: the speech output starts it too) and opens the
    // default device, paused. Fails with SDL's message when there is no device: the player then
    // shows the picture on a wall clock, without sound.
    static core::Result<std::unique_ptr<AudioOutput>> open(AudioDecoder& decoder);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    // Paused, the callback is not called: nothing is pulled and the decoder's clock stands still.
    void pause(bool paused);
    bool paused() const { return m_paused.load(); }
    // 0 … 1 (clamped); applied to the very next buffer. 0 is mute, not pause: the samples are
    // still pulled, so the clock runs and the picture goes on.
    void setVolume(float volume);
    float volume() const { return m_volume.load(); }
    // How long the device buffer is: the sample the clock says is next is heard about this much
    // later, so what is heard now is decoder.playedSeconds() - latencySeconds(). Without what a
    // sound server (PulseAudio, PipeWire) adds on top, which SDL 2 does not report.
    double latencySeconds() const;

private:
    AudioOutput(AudioDecoder& decoder);
    static void fill(void* self, Uint8* stream, int bytes);

    AudioDecoder& m_decoder;
    SDL_AudioDeviceID m_device = 0;
    int m_bufferFrames = 0;
    int m_rate = kAudioRate;
    std::atomic<float> m_volume{1.0f};
    std::atomic<bool> m_paused{true};
};

}  // namespace kiosk::platform
