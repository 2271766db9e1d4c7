// The speech worker: takes utterances from the queue, synthesises them with espeak-ng, and keeps
// an SDL audio device open while there is something to hear.
#include "platform/espeak_speech.hpp"

#include <SDL.h>

#include <exception>
#include <optional>
#include <string>

#include "core/util/log.hpp"
#include "platform/espeak_synth.hpp"
#include "platform/sdl_audio.hpp"

namespace kiosk::platform {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

constexpr Uint16 kDeviceBufferSamples = 512;             // 23 ms at 22050 Hz: how late stop() can be heard
constexpr auto kReopenAfterFailure = std::chrono::seconds(30);  // speakers plugged in later are found
constexpr auto kPaceTick = std::chrono::milliseconds(20);        // without a device: how often sound passes
constexpr auto kOpenDeviceTick = std::chrono::milliseconds(250); // with one: how often idleness is checked

// SDL's audio device, fed from the queue by SDL's audio thread. Opened and closed by the worker only.
class AudioDevice {
public:
    AudioDevice() = default;
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;
    ~AudioDevice() { close(); }

    bool isOpen() const { return m_id != 0; }

    // Empty when open, else SDL's reason. SDL's audio runs only while the device is open.
    std::string open(int sampleRate, SpeechQueue& queue) {
        if (std::string problem = startSdlAudio(); !problem.empty()) return problem;
        SDL_AudioSpec wanted{};
        wanted.freq = sampleRate;
        wanted.format = AUDIO_S16SYS;
        wanted.channels = 1;
        wanted.samples = kDeviceBufferSamples;
        wanted.callback = [](void* userdata, Uint8* stream, int bytes) {
            static_cast<SpeechQueue*>(userdata)->fill(
                std::span<std::int16_t>(reinterpret_cast<std::int16_t*>(stream), static_cast<std::size_t>(bytes) / sizeof(std::int16_t)));
        };
        wanted.userdata = &queue;
        SDL_AudioSpec obtained{};
        // No changes allowed: SDL converts to what the hardware wants, the callback always gets this format.
        m_id = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
        if (m_id == 0) {
            std::string problem = SDL_GetError();
            stopSdlAudio();
            return problem;
        }
        SDL_PauseAudioDevice(m_id, 0);
        return {};
    }

    void close() {
        if (m_id == 0) return;
        SDL_CloseAudioDevice(m_id);  // waits for SDL's audio thread: no callback runs after this
        m_id = 0;
        stopSdlAudio();
    }

private:
    SDL_AudioDeviceID m_id = 0;
};

}  // namespace

EspeakSpeech::EspeakSpeech(EspeakSpeechOptions options) : m_options(options) {
    // What PulseAudio and PipeWire show in their mixers.
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_APP_NAME, "Showroom Kiosk");
    SDL_SetHint(SDL_HINT_AUDIO_DEVICE_STREAM_NAME, "speech output");
    m_worker = std::thread([this] { run(); });
}

EspeakSpeech::~EspeakSpeech() {
    m_queue.shutdown();
    m_worker.join();
}

void EspeakSpeech::run() noexcept {
    try {
        work();
    } catch (const std::exception& e) {
        core::logError("speech", std::string("the speech worker stopped: ") + e.what() + "; speech output is off until the kiosk restarts");
    }
    // Whatever happened, nothing waits for a worker that is gone.
    m_queue.shutdown();
    m_deviceOpen = false;
}

void EspeakSpeech::work() {
    const int sampleRate = espeakSampleRate();  // starts espeak-ng on this thread, not the caller's
    if (sampleRate > 0) {
        m_queue.setLookahead(static_cast<std::size_t>(sampleRate) * static_cast<std::size_t>(m_options.lookahead.count()) / 1000);
    }
    AudioDevice device;
    bool noDeviceReported = false;
    SteadyTime retryOpenFrom{};  // after a failure, the next try waits
    bool pacingStarted = false;  // without a device: the sound has passed up to pacedUntil
    SteadyTime pacedUntil{};
    std::string lastProblem;
    SteadyTime lastBusy = std::chrono::steady_clock::now();

    const auto tryOpen = [&](SteadyTime now) {
        if (device.isOpen() || sampleRate <= 0) return;
        if (now < retryOpenFrom) return;
        const std::string problem = device.open(sampleRate, m_queue);
        m_deviceOpen = device.isOpen();
        if (device.isOpen()) {
            if (noDeviceReported) core::logInfo("speech", "an audio device is there now: speech is heard");
            noDeviceReported = false;
            return;
        }
        retryOpenFrom = now + kReopenAfterFailure;
        if (!noDeviceReported) {
            core::logWarning("speech", "no audio device (" + problem + "): speech is synthesised but nobody hears it; connect speakers, or check the sound settings");
            noDeviceReported = true;
        }
    };

    for (;;) {
        const bool pacing = !device.isOpen() && m_queue.hasSound();
        if (!pacing) pacingStarted = false;
        std::optional<std::chrono::milliseconds> timeout;
        if (pacing) {
            timeout = kPaceTick;
        } else if (device.isOpen()) {
            timeout = kOpenDeviceTick;
        }
        SpeechQueue::Job job;
        const SpeechQueue::Wake wake = m_queue.waitForJob(timeout, job);
        if (wake == SpeechQueue::Wake::Shutdown) break;
        SteadyTime now = std::chrono::steady_clock::now();

        if (pacing && sampleRate > 0) {
            if (!pacingStarted) {
                pacingStarted = true;
                pacedUntil = now;
            }
            const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(now - pacedUntil);
            const auto samples = static_cast<std::size_t>(elapsed.count() * sampleRate / 1'000'000);
            m_queue.discard(samples);
            pacedUntil += std::chrono::microseconds(static_cast<std::int64_t>(samples) * 1'000'000 / sampleRate);
        }

        if (wake == SpeechQueue::Wake::Job) {
            tryOpen(now);
            const SynthesisReport report = synthesizeSpeech(job.utterance.text, job.utterance.language, job.rate,
                                                            [&](std::span<const std::int16_t> samples) { return m_queue.addSound(job, samples); });
            m_queue.finish(job);
            // espeak-ng's own failures repeat for every utterance: said once until they change.
            if (!report.problem.empty() && report.problem != lastProblem) {
                core::logError("speech", report.problem + ": not read aloud (`kiosk selftest` checks the voices; apt-get install --reinstall espeak-ng-data)");
            }
            lastProblem = report.problem;
            now = std::chrono::steady_clock::now();
        }

        if (m_queue.busy()) {
            lastBusy = now;
        } else if (device.isOpen() && now - lastBusy >= m_options.closeDeviceAfter) {
            device.close();
            m_deviceOpen = false;
        }
    }
}

}  // namespace kiosk::platform
