// The real speech output: espeak-ng's voices make plausible sound for German and English, the
// rate and Leichte Sprache slow it, an unknown language is read in German and says so once; and
// EspeakSpeech plays a sequence through SDL's dummy audio driver (which takes samples in real
// time), stops at once, and never makes the frame loop wait for espeak-ng.
#include <doctest/doctest.h>

#include <SDL.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "../core/temp_dir.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/espeak_synth.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const std::string kGerman = "Willkommen im digitalen Schaufenster. Bitte berühren Sie den Bildschirm.";
const std::string kEnglish = "Welcome to the digital showroom. Please touch the screen to start.";

double rms(const std::vector<std::int16_t>& samples) {
    double sum = 0;
    for (const auto s : samples) sum += static_cast<double>(s) * s;
    return samples.empty() ? 0.0 : std::sqrt(sum / static_cast<double>(samples.size()));
}

double nonZeroShare(const std::vector<std::int16_t>& samples) {
    const auto nonZero = std::count_if(samples.begin(), samples.end(), [](std::int16_t s) { return s != 0; });
    return samples.empty() ? 0.0 : static_cast<double>(nonZero) / static_cast<double>(samples.size());
}

double relativeDifference(double a, double b) { return std::abs(a - b) / std::max(a, b); }

void checkPlausibleSpeech(const platform::SpeechAudio& audio) {
    CHECK_MESSAGE(audio.report.problem.empty(), audio.report.problem);
    CHECK(audio.report.sampleRate == 22050);
    CHECK(audio.seconds() > 1.0);  // two sentences: seconds of speech, not a click
    CHECK(audio.seconds() < 20.0);
    CHECK(nonZeroShare(audio.samples) > 0.5);  // sound with pauses, not silence with a few clicks
    const double loudness = rms(audio.samples);
    CHECK(loudness > 500);    // audible
    CHECK(loudness < 16000);  // not clipping noise
}

// What the code under test writes to stderr (the log) while `action` runs.
template <typename Action>
std::string capturedStderr(Action action) {
    const test::TempDir folder;
    const std::filesystem::path file = folder.path() / "stderr.txt";
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    FILE* target = std::fopen(file.c_str(), "w");
    REQUIRE(target != nullptr);
    dup2(fileno(target), STDERR_FILENO);
    action();
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    std::fclose(target);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

// Polls like a frame loop would, until `done` or the generous timeout; false on timeout.
template <typename Done>
bool pollUntil(Done done, std::chrono::milliseconds timeout = 20s) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

// SDL's dummy audio driver: a device that takes samples at the real pace and plays them nowhere.
struct DummyAudioDriver {
    DummyAudioDriver() { SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE); }
    ~DummyAudioDriver() { SDL_ResetHint(SDL_HINT_AUDIODRIVER); }
};

}  // namespace

TEST_CASE("speech: a German and an English sentence each make seconds of plausible speech in their own voice") {
    const platform::SpeechAudio german = platform::synthesizeSpeech(kGerman, "de");
    const platform::SpeechAudio english = platform::synthesizeSpeech(kEnglish, "en");
    checkPlausibleSpeech(german);
    checkPlausibleSpeech(english);
    CHECK(german.report.voice == "German");
    CHECK(english.report.voice == "English (Great Britain)");
    CHECK_FALSE(german.report.fellBack);
    CHECK_FALSE(english.report.fellBack);

    // espeak-ng varies its output a little from run to run; the German voice reading the
    // English sentence differs from the English voice by far more than that.
    const platform::SpeechAudio englishAgain = platform::synthesizeSpeech(kEnglish, "en");
    const platform::SpeechAudio englishInGerman = platform::synthesizeSpeech(kEnglish, "de");
    const double rereadDifference = relativeDifference(english.seconds(), englishAgain.seconds());
    const double voiceDifference = relativeDifference(english.seconds(), englishInGerman.seconds());
    CHECK(rereadDifference < 0.03);
    CHECK(voiceDifference > 0.06);
    CHECK(english.samples != german.samples);

    const platform::SpeechAudio ukrainian = platform::synthesizeSpeech("Ласкаво просимо до цифрового шоуруму.", "uk");
    CHECK(ukrainian.report.voice == "Ukrainian");
    CHECK(ukrainian.seconds() > 1.0);
}

TEST_CASE("speech: a slower rate gives longer audio, Leichte Sprache is read slower than German, an empty text gives none") {
    const double slow = platform::synthesizeSpeech(kGerman, "de", 0.6f).seconds();
    const double normal = platform::synthesizeSpeech(kGerman, "de", 1.0f).seconds();
    const double fast = platform::synthesizeSpeech(kGerman, "de", 1.6f).seconds();
    CHECK(slow > normal * 1.2);
    CHECK(normal > fast * 1.2);

    const platform::SpeechAudio easy = platform::synthesizeSpeech(kGerman, "de-x-ls");
    CHECK(easy.report.voice == "German");
    CHECK(easy.seconds() > normal * 1.15);

    for (const char* nothing : {"", " ", "\n\t  \n"}) {
        const platform::SpeechAudio empty = platform::synthesizeSpeech(nothing, "de");
        CHECK(empty.samples.empty());
        CHECK(empty.report.problem.empty());
    }
}

TEST_CASE("speech: a language espeak-ng has no voice for is read in German, with one warning per language") {
    platform::SpeechAudio first, second;
    const std::string log = capturedStderr([&] {
        first = platform::synthesizeSpeech(kGerman, "tlh-x-test");
        second = platform::synthesizeSpeech(kGerman, "tlh-x-test");
    });
    CHECK(first.report.fellBack);
    CHECK(second.report.fellBack);
    CHECK(first.report.voice == "German");
    checkPlausibleSpeech(first);
    const double german = platform::synthesizeSpeech(kGerman, "de").seconds();
    CHECK(relativeDifference(first.seconds(), german) < 0.03);  // the German voice at the German pace
    CHECK(occurrences(log, "no voice for the language 'tlh-x-test'") == 1);
    CHECK(occurrences(log, "read with the German voice") == 1);

    // The self-test's question: the voices of the kiosk's languages load, an unknown one does not.
    CHECK(platform::espeakVoiceFor("de").voice == "German");
    CHECK(platform::espeakVoiceFor("en-gb").voice == "English (Great Britain)");
    CHECK(platform::espeakVoiceFor("uk").voice == "Ukrainian");
    const core::VoiceLookup none = platform::espeakVoiceFor("tlh-x-test");
    CHECK_FALSE(none.found());
    CHECK(none.problem.find("no voice for 'tlh-x-test'") != std::string::npos);
}

TEST_CASE("speech: three utterances play through the dummy audio device in order, the heard one named while its sound plays") {
    const DummyAudioDriver dummy;
    platform::EspeakSpeech speech;
    core::SpeechOutput& output = speech;
    const auto start = std::chrono::steady_clock::now();
    output.speak({{"Erster Satz.", "de", "a"}, {"The second sentence.", "en", "b"}, {"Dritter Satz.", "de-x-ls", "c"}});
    CHECK(output.isSpeaking());
    CHECK(output.currentId() == "a");  // from the first frame on

    std::vector<std::string> heard;
    bool deviceSeen = false;
    const bool ended = pollUntil([&] {
        const std::string id = output.currentId();
        deviceSeen = deviceSeen || speech.audioDeviceOpen();
        if (!id.empty() && (heard.empty() || heard.back() != id)) heard.push_back(id);
        return !output.isSpeaking();
    });
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(ended);
    CHECK(heard == std::vector<std::string>{"a", "b", "c"});
    CHECK(output.currentId().empty());
    CHECK(deviceSeen);
    const double playedSeconds = static_cast<double>(speech.samplesPlayed()) / 22050.0;
    CHECK(playedSeconds > 1.5);  // three short sentences' worth, all taken by the device
    // The device takes sound at the real pace: the sequence cannot end before it was heard.
    CHECK(elapsed > playedSeconds * 0.9);
}

TEST_CASE("speech: stop ends a long text at once, and the next speak is heard") {
    const DummyAudioDriver dummy;
    platform::EspeakSpeech speech;
    std::string longText;
    for (int i = 0; i < 20; ++i) longText += kGerman + " ";
    speech.speak({{longText, "de", "long"}, {"Danach.", "de", "after"}});
    REQUIRE(pollUntil([&] { return speech.samplesPlayed() > 0; }));
    CHECK(speech.currentId() == "long");

    speech.stop();
    REQUIRE(pollUntil([&] { return !speech.isSpeaking(); }, 2s));
    CHECK(speech.currentId().empty());
    const std::uint64_t playedAtStop = speech.samplesPlayed();
    std::this_thread::sleep_for(200ms);
    CHECK(speech.samplesPlayed() == playedAtStop);  // the device gets silence now, nothing of the rest
    CHECK(static_cast<double>(playedAtStop) / 22050.0 < 10.0);  // far from the text's minute

    speech.speak({{"Wieder da.", "de", "again"}});
    REQUIRE(pollUntil([&] { return speech.samplesPlayed() > playedAtStop; }));
    REQUIRE(pollUntil([&] { return !speech.isSpeaking(); }));
}

TEST_CASE("speech: the frame loop's calls return while espeak-ng is busy on another thread: none of them synthesises") {
    const DummyAudioDriver dummy;
    // Another thread holds espeak-ng (its lock) until this test lets it go.
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::promise<void> holding;
    std::thread busy([&] {
        bool first = true;
        platform::synthesizeSpeech(kGerman, "de", 1.0f, [&](std::span<const std::int16_t>) {
            if (first) {
                first = false;
                holding.set_value();
                released.wait();
            }
            return false;
        });
    });
    holding.get_future().wait();

    {
        platform::EspeakSpeech speech;
        core::SpeechOutput& output = speech;
        auto frameCalls = std::async(std::launch::async, [&] {
            output.speak({{"Eins.", "de", "a"}, {"Zwei.", "de", "b"}});
            const bool speaking = output.isSpeaking();
            const std::string current = output.currentId();
            output.setRate(1.5f);
            output.setVolume(0.5f);
            output.append({{"Drei.", "en", "c"}});
            output.stop();
            return speaking && current == "a" && !output.isSpeaking() && output.currentId().empty();
        });
        const bool returned = frameCalls.wait_for(10s) == std::future_status::ready;
        release.set_value();  // whatever happened: let everything finish
        CHECK_MESSAGE(returned, "a frame-loop call waited for espeak-ng");
        CHECK(frameCalls.get());

        // Once espeak-ng is free, the same engine speaks normally.
        busy.join();
        speech.speak({{"Vier.", "de", "d"}});
        REQUIRE(pollUntil([&] { return speech.samplesPlayed() > 0 && !speech.isSpeaking(); }));
    }
}

TEST_CASE("speech: without an audio device it says so once, still synthesises, and walks through the utterances at their pace") {
    SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "no-such-audio-driver", SDL_HINT_OVERRIDE);  // over the environment's dummy
    std::string log;
    {
        platform::EspeakSpeech speech;
        log = capturedStderr([&] {
            speech.speak({{"Erster Satz.", "de", "a"}, {"Zweiter Satz.", "de", "b"}});
            std::vector<std::string> heard;
            REQUIRE(pollUntil([&] {
                const std::string id = speech.currentId();
                if (!id.empty() && (heard.empty() || heard.back() != id)) heard.push_back(id);
                return !speech.isSpeaking();
            }));
            CHECK(heard == std::vector<std::string>{"a", "b"});
            speech.speak({{"Dritter Satz.", "de", "c"}});
            REQUIRE(pollUntil([&] { return !speech.isSpeaking(); }));
        });
        CHECK_FALSE(speech.audioDeviceOpen());
        CHECK(static_cast<double>(speech.samplesPlayed()) / 22050.0 > 1.0);  // synthesised, passed unheard
    }
    SDL_ResetHint(SDL_HINT_AUDIODRIVER);
    CHECK(occurrences(log, "no audio device") == 1);
}
