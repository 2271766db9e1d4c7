// What a visitor set in the accessibility menu (issue 5). It belongs to the visit: the next
// visitor starts with the defaults again, like with the language (DESIGN.md: nothing survives a
// visit). Pure data; the UI reads it to pick colours, text size and layout, the loop to speak.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "core/speech/speech_output.hpp"

namespace kiosk::core {

// The text sizes offered, in percent of the normal one: 200 % is what EN 301 549 and WCAG ask
// to be possible without losing content.
inline constexpr std::array<int, 3> kTextSizes{100, 150, 200};

struct AccessibilitySettings {
    // Speech-guided use without sight: a touch speaks what is under the finger, a double tap
    // activates it, swipes move through the screen in reading order.
    bool nonVisual = false;
    bool highContrast = false;  // text at 7:1 and more, borders on every control
    int textSizePercent = 100;  // one of kTextSizes; the whole layout scales and reflows with it
    bool lowMode = false;       // every control within reach of a seated person
    bool moreTime = false;      // the visitor asked for longer timeouts
    float volume = 0.8f;        // speech: 0 silent … 1 full
    float speechRate = 1.0f;    // kMinSpeechRate … kMaxSpeechRate

    bool operator==(const AccessibilitySettings&) const = default;

    float textScale() const { return static_cast<float>(textSizePercent) / 100.0f; }

    // How much longer every visitor timeout runs (the idle reset, its prompt): someone who
    // asked for more time, or who cannot see the countdown, gets it without asking again.
    int timeFactor() const { return (moreTime ? 2 : 1) * (nonVisual ? 2 : 1); }

    // The features on, by their stored names (the usage log's accessibility_on events):
    // "speech-guidance", "high-contrast", "text-150", "text-200", "low-mode", "more-time".
    std::vector<std::string> featuresOn() const {
        std::vector<std::string> on;
        if (nonVisual) on.emplace_back("speech-guidance");
        if (highContrast) on.emplace_back("high-contrast");
        if (textSizePercent != 100) on.push_back("text-" + std::to_string(textSizePercent));
        if (lowMode) on.emplace_back("low-mode");
        if (moreTime) on.emplace_back("more-time");
        return on;
    }

    // Out-of-range values (a stale screen, a bug) are brought back where they make sense.
    AccessibilitySettings clamped() const {
        AccessibilitySettings copy = *this;
        if (std::find(kTextSizes.begin(), kTextSizes.end(), textSizePercent) == kTextSizes.end()) copy.textSizePercent = 100;
        copy.volume = std::clamp(volume, 0.0f, 1.0f);
        copy.speechRate = std::clamp(speechRate, kMinSpeechRate, kMaxSpeechRate);
        return copy;
    }
};

}  // namespace kiosk::core
