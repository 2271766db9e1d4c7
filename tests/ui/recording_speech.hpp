// A SpeechOutput that keeps what it was asked to read, for UI tests of "read aloud" and the
// non-visual mode: they assert what was spoken, in which language, and drive the progress by hand.
#pragma once

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "core/speech/speech_output.hpp"

namespace kiosk::test {

class RecordingSpeech final : public core::SpeechOutput {
public:
    void speak(std::vector<core::Utterance> utterances) override {
        if (!queue.empty()) ++interruptions;
        queue.clear();
        add(std::move(utterances));
    }
    void append(std::vector<core::Utterance> utterances) override { add(std::move(utterances)); }
    void stop() override {
        ++stops;
        queue.clear();
    }
    std::string currentId() const override { return queue.empty() ? std::string() : queue.front().id; }
    bool isSpeaking() const override { return !queue.empty(); }
    void setVolume(float value) override { volume = value; }
    void setRate(float value) override { rate = value; }

    // The test's hand on the clock: the utterance heard now ends, the next one is heard.
    void finishCurrent() {
        if (!queue.empty()) queue.pop_front();
    }
    std::vector<std::string> spokenTexts() const {
        std::vector<std::string> texts;
        std::transform(spoken.begin(), spoken.end(), std::back_inserter(texts), [](const core::Utterance& u) { return u.text; });
        return texts;
    }

    std::vector<core::Utterance> spoken;  // everything asked to be read, in order, as the engine would hear it
    std::deque<core::Utterance> queue;    // still to be heard; the first is heard now
    int stops = 0;                        // stop() calls
    int interruptions = 0;                // speak() calls that cut something off
    float volume = 1.0f;                  // as last asked, unclamped
    float rate = 1.0f;

private:
    void add(std::vector<core::Utterance> utterances) {
        for (auto& utterance : utterances) {
            // As the real engine: nothing to hear, nothing to highlight.
            if (utterance.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos) continue;
            spoken.push_back(utterance);
            queue.push_back(std::move(utterance));
        }
    }
};

}  // namespace kiosk::test
