// espeak-ng as plain functions: text + language + rate in, 16-bit mono samples out, on the
// calling thread. The speech worker (espeak_speech.hpp), the self-test and the tests use these.
//
// espeak-ng keeps its whole state in globals and is not thread-safe. Every call into it in this
// process goes through these functions, which hold one process-wide lock for the whole call, so
// one thread at a time touches it; each call sets the voice and rate it needs, because another
// caller may have changed them. The lock is held only while synthesising (espeak-ng makes a
// second of speech in about a millisecond), never while sound plays.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/speech/voice_plan.hpp"

namespace kiosk::platform {

// Receives each piece of sound as espeak-ng makes it (at most 50 ms of audio); returns false to
// stop the synthesis there.
using SpeechSoundSink = std::function<bool(std::span<const std::int16_t> samples)>;

struct SynthesisReport {
    int sampleRate = 0;      // Hz of the samples (22050 for espeak-ng's voices); 0 when espeak-ng cannot start
    std::string voice;       // the voice that read it, by espeak-ng's name: "German", "English (Great Britain)"
    bool fellBack = false;   // espeak-ng has no voice for the language: read with the German voice
    bool stopped = false;    // the sink asked to stop
    std::string problem;     // why there is no sound at all (espeak-ng cannot start, no German voice); empty otherwise
};

// Reads `text` (UTF-8, plain text: markup is read out, never obeyed) in the kiosk language
// `language` ("de", "de-x-ls", "en", "uk", or any tag espeak-ng may have a voice for) at `rate`
// (1 normal, 0.5 … 2), handing the sound to `sink` piece by piece. Empty or white-space text
// makes no sound. A language without a voice is read in German, with one warning per language
// in the log.
SynthesisReport synthesizeSpeech(std::string_view text, std::string_view language, float rate, const SpeechSoundSink& sink);

struct SpeechAudio {
    std::vector<std::int16_t> samples;  // mono
    SynthesisReport report;
    double seconds() const;
};

// The same, collecting all of the sound: what tests call.
SpeechAudio synthesizeSpeech(std::string_view text, std::string_view language, float rate = 1.0f);

// The sample rate espeak-ng synthesises at, starting it if need be; 0 when it cannot start.
int espeakSampleRate();

// Whether espeak-ng can load a voice for a voice language ("de", "en-gb", "uk": a VoicePlan's
// voiceLanguage), for the self-test. Loads it for real, dictionary and all, without warning.
core::VoiceLookup espeakVoiceFor(const std::string& voiceLanguage);

}  // namespace kiosk::platform
