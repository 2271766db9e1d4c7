// The kiosk's speech output: espeak-ng voices played through an SDL audio device (issue 5).
//
// For the next person. Voices (core/speech/voice_plan.cpp): "de" → espeak-ng's German, "en" →
// British English ("en-gb": the English German schools teach), "uk" → Ukrainian, "de-x-ls" →
// the same German voice read slower; any other tag gets espeak-ng's closest voice, and a
// language it has none for is read in German with one warning per language in the log. Rates:
// 160 words per minute (espeak-ng's default is 175; many visitors are older or read in a second
// language), Leichte Sprache 120; setRate multiplies that by 0.5 … 2, within espeak-ng's 80 … 450.
// The voices are in Debian's espeak-ng-data (/usr/lib/<arch>/espeak-ng-data, or ESPEAK_DATA_PATH);
// `kiosk selftest` checks that every configured language's voice loads.
//
// How it runs: the frame loop's calls only take the queue's mutex (platform/speech_queue.hpp).
// One worker thread synthesises one utterance at a time with espeak-ng in synchronous mode
// (platform/espeak_synth.hpp), about a thousand times faster than it is spoken, as soon as less
// than a second of sound is left ahead of the device. The device is fed by SDL's callback from
// that queue, each piece of sound tagged with its utterance, so currentId() moves on exactly
// when the device takes the next utterance's first sample (plus the device's own buffer, 512
// samples = 23 ms, and whatever the sound server adds), volume applies to the very next buffer,
// and stop() empties the queue at once: the sound ends within that one buffer. A callback, not
// SDL_QueueAudio: with a queue, sound already handed to SDL can only be cleared whole, not
// attributed to an utterance or turned down, and its position is known only by subtracting
// byte counts. The device opens at the first utterance and closes 10 s after the last, so an
// idle kiosk runs no audio thread. Without an audio device (a server, a box without a sound
// card; SDL's dummy and disk drivers do count as devices) it logs "no audio device" once, still
// synthesises, and lets the sound pass unheard at its real pace, so the highlighting still walks
// through a page; an utterance 30 s or more after a failed try tries the device again.
//
// Latency, measured by tests/bench/speech_latency.cpp (`bench_speech 61`: "Guten Tag." 61 times,
// each at a random moment after the last has ended, polling samplesPlayed() from speak() until
// SDL's callback has taken a sample; SDL's dummy driver, the 2-core development machine): median
// 15.9 ms with the device open (the callback runs once per 23 ms buffer and the sample waits for
// the next one; synthesis itself is under a millisecond), 5.1 ms with it closed (open, and SDL
// calls the callback at once). A real sound card adds its buffer and the sound server's latency
// (PulseAudio or PipeWire, typically a few tens of ms), which no machine here has. The frame
// loop's currentId() + isSpeaking() took a median 0.1 µs, 99th percentile 0.7 µs, while it spoke.
//
// Construct it after SdlRuntime (it starts SDL's audio subsystem) and destroy it before.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#include "core/speech/speech_output.hpp"
#include "platform/speech_queue.hpp"

namespace kiosk::platform {

struct EspeakSpeechOptions {
    std::chrono::milliseconds closeDeviceAfter{10000};  // silence after which the audio device is closed
    std::chrono::milliseconds lookahead{1000};          // sound kept ahead of the device before the next utterance is synthesised
};

class EspeakSpeech final : public core::SpeechOutput {
public:
    explicit EspeakSpeech(EspeakSpeechOptions options = {});
    ~EspeakSpeech() override;
    EspeakSpeech(const EspeakSpeech&) = delete;
    EspeakSpeech& operator=(const EspeakSpeech&) = delete;

    void speak(std::vector<core::Utterance> utterances) override { m_queue.replace(std::move(utterances)); }
    void append(std::vector<core::Utterance> utterances) override { m_queue.append(std::move(utterances)); }
    void stop() override { m_queue.clear(); }
    std::string currentId() const override { return m_queue.currentId(); }
    bool isSpeaking() const override { return m_queue.busy(); }
    void setVolume(float volume) override { m_queue.setVolume(volume); }
    void setRate(float rate) override { m_queue.setRate(rate); }

    // For tests and the benchmark: all sound samples handed to the device (or passed unheard
    // without one), and whether an audio device is open now.
    std::uint64_t samplesPlayed() const { return m_queue.samplesPlayed(); }
    bool audioDeviceOpen() const { return m_deviceOpen.load(); }

private:
    void run() noexcept;
    void work();

    EspeakSpeechOptions m_options;
    SpeechQueue m_queue;
    std::atomic<bool> m_deviceOpen{false};
    std::thread m_worker;  // last: it starts once everything above exists
};

}  // namespace kiosk::platform
