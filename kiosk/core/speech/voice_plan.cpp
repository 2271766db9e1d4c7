// The kiosk's voices. English is British English ("en-gb"): it is the English German schools
// teach and the EU writes, so the visitors who read the English texts know it best. The pace is
// a little below espeak-ng's 175 words per minute, because many visitors are older or read in a
// second language; Leichte Sprache is the same German voice, read clearly slower still.
#include "core/speech/voice_plan.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/speech/speech_output.hpp"

namespace kiosk::core {
namespace {

constexpr int kNormalWordsPerMinute = 160;
constexpr int kEasyLanguageWordsPerMinute = 120;

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

VoicePlan voicePlanFor(std::string_view languageTag) {
    const std::string tag = lowercase(languageTag);
    if (tag == "de") return {"de", kNormalWordsPerMinute, true};
    if (tag == "de-x-ls") return {"de", kEasyLanguageWordsPerMinute, true};
    if (tag == "en") return {"en-gb", kNormalWordsPerMinute, true};
    if (tag == "uk") return {"uk", kNormalWordsPerMinute, true};
    return {tag, kNormalWordsPerMinute, false};
}

int wordsPerMinute(const VoicePlan& plan, float rate) {
    const float clamped = std::isfinite(rate) ? std::clamp(rate, kMinSpeechRate, kMaxSpeechRate) : 1.0f;
    const int pace = static_cast<int>(std::lround(static_cast<float>(plan.wordsPerMinute) * clamped));
    return std::clamp(pace, kMinWordsPerMinute, kMaxWordsPerMinute);
}

}  // namespace kiosk::core
