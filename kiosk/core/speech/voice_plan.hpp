// Which voice reads a kiosk language, and at what pace: shared by the speech engine
// (platform/espeak_synth.cpp) and the self-test, so both mean the same voice for "en".
#pragma once

#include <string>
#include <string_view>

namespace kiosk::core {

struct VoicePlan {
    std::string voiceLanguage;  // what the speech engine is asked for: "de", "en-gb", "uk", "fr"
    int wordsPerMinute = 0;     // the pace at rate 1
    bool kioskLanguage = false; // one of the kiosk's own languages (de, en, uk, de-x-ls): its voice must exist
};

// The language read when the engine has no voice for a tag.
inline constexpr std::string_view kFallbackVoiceLanguage = "de";
// espeak-ng's own limits for its rate parameter.
inline constexpr int kMinWordsPerMinute = 80;
inline constexpr int kMaxWordsPerMinute = 450;

// "de", "de-x-ls", "en", "uk" have fixed voices; any other tag (case-insensitive) asks the engine
// for itself, which picks its closest voice or has none (then the caller falls back to German).
VoicePlan voicePlanFor(std::string_view languageTag);

// The pace of a plan at a rate (1 normal, clamped to 0.5 … 2), within the engine's limits.
int wordsPerMinute(const VoicePlan& plan, float rate);

// What a speech engine answers when asked for the voice of a voiceLanguage: the voice's name
// ("German"), or none and why ("espeak-ng has no voice for 'de' in …").
struct VoiceLookup {
    std::string voice;
    std::string problem;
    bool found() const { return !voice.empty(); }
};

}  // namespace kiosk::core
