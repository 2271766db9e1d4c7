// Speech output as the UI sees it (issue 5): read a sequence of texts aloud, each in its language,
// and tell which one is being heard, so the screen can highlight it. No SDL, no espeak-ng here:
// the real engine is platform/espeak_speech.hpp, UI tests use tests/ui/recording_speech.hpp.
#pragma once

#include <string>
#include <vector>

namespace kiosk::core {

struct Utterance {
    std::string text;      // plain text, read as written: no markup, no SSML
    std::string language;  // the kiosk's language tag: "de", "en", "uk", "de-x-ls" …
    std::string id;        // what the UI highlights while this is heard, e.g. an item registry id
};

// Every call is made from the frame loop, every frame if need be, and returns at once: it takes
// a mutex at most. Synthesis and playback happen elsewhere (a worker thread, the audio device).
class SpeechOutput {
public:
    virtual ~SpeechOutput() = default;

    // Silences what is being read, drops what waits, and reads these in order. Utterances whose
    // text is empty or only white space are left out (they would make no sound to highlight).
    virtual void speak(std::vector<Utterance> utterances) = 0;
    // Reads these after everything already waiting.
    virtual void append(std::vector<Utterance> utterances) = 0;
    // Silence at once; nothing that waited is read.
    virtual void stop() = 0;

    // The id of the utterance being heard now (just before its first sound: the one about to
    // be heard); empty when silent.
    virtual std::string currentId() const = 0;
    // From speak() or append() until the last sound of the last utterance has played, or stop().
    virtual bool isSpeaking() const = 0;

    // 0 silent … 1 full loudness (clamped); applies to the sound from now on.
    virtual void setVolume(float volume) = 0;
    // 1 is the language's normal pace, 0.5 half as fast … 2 twice as fast (clamped); applies
    // from the next utterance on (the one being heard keeps its pace).
    virtual void setRate(float rate) = 0;
};

inline constexpr float kMinSpeechRate = 0.5f;
inline constexpr float kMaxSpeechRate = 2.0f;

}  // namespace kiosk::core
