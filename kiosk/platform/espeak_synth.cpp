// The only file that includes espeak-ng. Synchronous mode: espeak-ng plays nothing itself, it
// hands every piece of sound to a callback on the calling thread, so the kiosk decides where the
// sound goes (SDL) and can stop it between two pieces.
#include "platform/espeak_synth.hpp"

#include <espeak-ng/espeak_ng.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "core/util/log.hpp"

namespace kiosk::platform {
namespace {

constexpr int kPieceMilliseconds = 50;  // the longest piece of sound a callback gets

// espeak-ng's state is global, so is what guards it: there is one espeak-ng per process.
struct EspeakState {
    std::mutex lock;
    bool started = false;
    int sampleRate = 0;
    std::string problem;  // why it cannot start; set once, for good
    std::string dataFolder;
    std::set<std::string> warnedLanguages;
};

EspeakState& espeak() {
    static EspeakState state;
    return state;
}

std::string statusMessage(espeak_ng_STATUS status) {
    char text[512] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// With the state's lock held. Starts espeak-ng once; a failure is remembered (it does not heal
// without a restart, and retrying on every utterance would only repeat the message).
bool start(EspeakState& state) {
    if (state.started) return true;
    if (!state.problem.empty()) return false;
    espeak_ng_InitializePath(nullptr);  // ESPEAK_DATA_PATH, else Debian's /usr/lib/<arch>/espeak-ng-data
    const char* folder = nullptr;
    espeak_Info(&folder);
    state.dataFolder = folder != nullptr ? folder : "";
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (context != nullptr) espeak_ng_ClearErrorContext(&context);
    if (status == ENS_OK) status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, kPieceMilliseconds, nullptr);
    if (status != ENS_OK) {
        state.problem = "espeak-ng cannot start with the data in " + state.dataFolder + ": " + statusMessage(status);
        return false;
    }
    espeak_SetSynthCallback([](short* samples, int count, espeak_EVENT* events) -> int {
        // The user data of espeak_ng_Synthesize comes back in every event of the list.
        const auto* sink = events != nullptr ? static_cast<const SpeechSoundSink*>(events->user_data) : nullptr;
        if (sink == nullptr || samples == nullptr || count <= 0) return 0;
        return (*sink)(std::span<const std::int16_t>(samples, static_cast<std::size_t>(count))) ? 0 : 1;
    });
    state.sampleRate = espeak_ng_GetSampleRate();
    state.started = true;
    return true;
}

// With the lock held and espeak-ng started: asks for the closest voice to a language; espeak-ng
// keeps its previous voice when it has none, so the answer is checked.
bool selectVoice(const std::string& voiceLanguage) {
    espeak_VOICE wanted;
    std::memset(&wanted, 0, sizeof wanted);
    wanted.languages = voiceLanguage.c_str();
    return espeak_ng_SetVoiceByProperties(&wanted) == ENS_OK;
}

std::string currentVoiceName() {
    const espeak_VOICE* voice = espeak_GetCurrentVoice();
    return voice != nullptr && voice->name != nullptr ? voice->name : "";
}

// espeak-ng reads a voice's words from <data>/<dictionary>_dict: the voice file's "dictionary"
// line, else the voice's language up to its first '-' ("en-gb" → en_dict). Without it espeak-ng
// still selects the voice and only prints "Can't read dictionary file", then reads words letter
// by letter, so the self-test looks for the file itself.
std::filesystem::path dictionaryFile(const std::string& dataFolder, const espeak_VOICE& voice) {
    std::string dictionary;
    if (voice.identifier != nullptr) {
        std::ifstream file(std::filesystem::path(dataFolder) / "lang" / voice.identifier);
        for (std::string line; std::getline(file, line);) {
            std::istringstream words(line);
            std::string key;
            if (words >> key && key == "dictionary") words >> dictionary;
        }
    }
    if (dictionary.empty() && voice.languages != nullptr && voice.languages[0] != '\0') {
        const std::string language = voice.languages + 1;  // the first byte is the language's priority
        dictionary = language.substr(0, language.find('-'));
    }
    return std::filesystem::path(dataFolder) / (dictionary + "_dict");
}

bool onlyWhiteSpace(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

}  // namespace

SynthesisReport synthesizeSpeech(std::string_view text, std::string_view language, float rate, const SpeechSoundSink& sink) {
    EspeakState& state = espeak();
    const std::lock_guard guard(state.lock);
    SynthesisReport report;
    if (!start(state)) {
        report.problem = state.problem;
        return report;
    }
    report.sampleRate = state.sampleRate;
    // Nothing to read: espeak-ng would still make a few milliseconds of silence.
    if (onlyWhiteSpace(text)) return report;

    const core::VoicePlan plan = core::voicePlanFor(language);
    if (!selectVoice(plan.voiceLanguage)) {
        if (!selectVoice(std::string(core::kFallbackVoiceLanguage))) {
            report.problem = "espeak-ng has no German voice in " + state.dataFolder;
            return report;
        }
        report.fellBack = true;
        if (state.warnedLanguages.insert(std::string(language)).second) {
            core::logWarning("speech", "espeak-ng has no voice for the language '" + std::string(language) + "': it is read with the German voice");
        }
    }
    report.voice = currentVoiceName();
    espeak_ng_SetParameter(espeakRATE, core::wordsPerMinute(plan, rate), 0);

    const std::string terminated(text);  // espeak-ng reads up to the NUL
    bool stopped = false;
    const SpeechSoundSink counting = [&](std::span<const std::int16_t> samples) {
        if (sink(samples)) return true;
        stopped = true;
        return false;
    };
    // No espeakSSML: content text is read as written, "<" included.
    const espeak_ng_STATUS status = espeak_ng_Synthesize(terminated.c_str(), terminated.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                                                         const_cast<SpeechSoundSink*>(&counting));
    report.stopped = stopped;
    if (status != ENS_OK && !stopped) report.problem = "espeak-ng could not read the text: " + statusMessage(status);
    return report;
}

double SpeechAudio::seconds() const { return report.sampleRate > 0 ? static_cast<double>(samples.size()) / report.sampleRate : 0.0; }

SpeechAudio synthesizeSpeech(std::string_view text, std::string_view language, float rate) {
    SpeechAudio audio;
    audio.report = synthesizeSpeech(text, language, rate, [&](std::span<const std::int16_t> samples) {
        audio.samples.insert(audio.samples.end(), samples.begin(), samples.end());
        return true;
    });
    return audio;
}

int espeakSampleRate() {
    EspeakState& state = espeak();
    const std::lock_guard guard(state.lock);
    return start(state) ? state.sampleRate : 0;
}

core::VoiceLookup espeakVoiceFor(const std::string& voiceLanguage) {
    EspeakState& state = espeak();
    const std::lock_guard guard(state.lock);
    if (!start(state)) return {{}, state.problem};
    if (!selectVoice(voiceLanguage)) return {{}, "espeak-ng has no voice for '" + voiceLanguage + "' in " + state.dataFolder};
    const espeak_VOICE* voice = espeak_GetCurrentVoice();
    if (voice == nullptr) return {{}, "espeak-ng has no voice for '" + voiceLanguage + "' in " + state.dataFolder};
    const std::filesystem::path dictionary = dictionaryFile(state.dataFolder, *voice);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dictionary, ec) || std::filesystem::file_size(dictionary, ec) == 0 || ec) {
        return {{}, "espeak-ng's voice " + currentVoiceName() + " cannot read words: its dictionary " + dictionary.string() + " is missing"};
    }
    return {currentVoiceName(), {}};
}

}  // namespace kiosk::platform
