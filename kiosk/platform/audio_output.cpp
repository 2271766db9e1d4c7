// The SDL audio device of the video sound, and its callback.
#include "platform/audio_output.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "platform/sdl_audio.hpp"

namespace kiosk::platform {

namespace {

core::Error noSound(const std::string& why) {
    return core::Error{core::ErrorCode::Unavailable, "", 0, "no audio device for the video sound: " + why,
                       "connect speakers or check the sound settings; the video plays without sound"};
}

}  // namespace

AudioOutput::AudioOutput(AudioDecoder& decoder) : m_decoder(decoder) {}

core::Result<std::unique_ptr<AudioOutput>> AudioOutput::open(AudioDecoder& decoder) {
    if (const std::string problem = startSdlAudio(); !problem.empty()) return noSound(problem);
    std::unique_ptr<AudioOutput> output(new AudioOutput(decoder));
    SDL_AudioSpec wanted{};
    wanted.freq = kAudioRate;
    wanted.format = AUDIO_S16SYS;
    wanted.channels = kAudioChannels;
    wanted.samples = kDeviceBufferFrames;
    wanted.callback = &AudioOutput::fill;
    wanted.userdata = output.get();
    SDL_AudioSpec obtained{};
    // No changes allowed: SDL converts to what the hardware wants, the callback always gets this format.
    output->m_device = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
    if (output->m_device == 0) {
        const std::string why = SDL_GetError();
        stopSdlAudio();
        return noSound(why);
    }
    output->m_bufferFrames = obtained.samples;
    output->m_rate = obtained.freq > 0 ? obtained.freq : kAudioRate;
    return output;
}

AudioOutput::~AudioOutput() {
    if (m_device == 0) return;
    SDL_CloseAudioDevice(m_device);  // waits for SDL's audio thread: no callback runs after this
    stopSdlAudio();
}

void AudioOutput::pause(bool paused) {
    m_paused = paused;
    SDL_PauseAudioDevice(m_device, paused ? 1 : 0);
}

void AudioOutput::setVolume(float volume) { m_volume = std::clamp(std::isfinite(volume) ? volume : 0.0f, 0.0f, 1.0f); }

double AudioOutput::latencySeconds() const { return static_cast<double>(m_bufferFrames) / m_rate; }

void AudioOutput::fill(void* self, Uint8* stream, int bytes) {
    auto& output = *static_cast<AudioOutput*>(self);
    auto* samples = reinterpret_cast<std::int16_t*>(stream);
    const int frames = bytes / static_cast<int>(kAudioChannels * sizeof(std::int16_t));
    const int sounding = output.m_decoder.pull(samples, frames);  // the rest is silence already
    const float volume = output.m_volume.load(std::memory_order_relaxed);
    if (volume >= 1.0f || sounding == 0) return;
    const int count = sounding * kAudioChannels;
    for (int i = 0; i < count; ++i)
        samples[i] = static_cast<std::int16_t>(std::lround(static_cast<float>(samples[i]) * volume));
}

}  // namespace kiosk::platform
