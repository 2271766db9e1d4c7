// Speech output latency: from speak() to the first sample the audio device takes (SDL calls the
// engine's callback for it), for a short sentence, with the device already open ("warm") and
// with it closed after the idle time ("cold": SDL_OpenAudioDevice is part of it); and how long
// the frame loop's calls take meanwhile. A benchmark, not a test: it prints numbers and never
// fails on them.
//
//   build/release/tests/bench_speech [RUNS]   (default 21; SDL's dummy driver unless SDL_AUDIODRIVER is set)
//
// The first sample handed to the device is heard after the device's buffer (512 samples, 23 ms)
// and whatever the sound server adds; the dummy driver has no server, so those are not in here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <SDL.h>

#include "platform/espeak_speech.hpp"

namespace {

using namespace kiosk;
using Steady = std::chrono::steady_clock;

double milliseconds(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, double share) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[static_cast<std::size_t>(share * static_cast<double>(values.size() - 1))];
}

double maximum(const std::vector<double>& values) { return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end()); }

struct Figures {
    std::vector<double> firstSample;  // ms from speak() to the first sample taken by the device
    std::vector<double> frameCall;    // µs of one frame's calls while it speaks: currentId() + isSpeaking()
    std::vector<double> speakCall;    // µs of speak()
};

// Runs `runs` short sentences, each after the last has ended; with `cold`, each waits until the
// engine has closed its device again.
Figures measure(platform::EspeakSpeech& speech, int runs, bool cold) {
    Figures figures;
    // A visitor taps at any moment, not in step with the device's buffers: without this pause
    // every run would start just after a buffer was taken and wait a whole one.
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pause(0, 40);
    for (int i = 0; i < runs; ++i) {
        if (cold) {
            while (speech.audioDeviceOpen()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
        const std::uint64_t before = speech.samplesPlayed();
        const auto start = Steady::now();
        speech.speak({{"Guten Tag.", "de", "greeting"}});
        figures.speakCall.push_back(milliseconds(Steady::now() - start) * 1000);
        // Polled as fast as it goes: the latency, not the poll interval, is measured.
        while (speech.samplesPlayed() == before) {
        }
        figures.firstSample.push_back(milliseconds(Steady::now() - start));
        while (speech.isSpeaking()) {
            const auto callStart = Steady::now();
            (void)speech.currentId();
            (void)speech.isSpeaking();
            figures.frameCall.push_back(milliseconds(Steady::now() - callStart) * 1000);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    return figures;
}

void print(const char* name, const Figures& f) {
    std::printf("%-5s speak() to first sample: median %7.2f ms, max %7.2f ms (%zu runs)\n", name, median(f.firstSample), maximum(f.firstSample),
                f.firstSample.size());
    std::printf("%-5s speak() call:            median %7.1f µs, max %7.1f µs\n", name, median(f.speakCall), maximum(f.speakCall));
    std::printf("%-5s currentId()+isSpeaking(): median %5.1f µs, 99th percentile %5.1f µs, max %7.1f µs (%zu calls, 1 ms apart)\n", name,
                median(f.frameCall), percentile(f.frameCall, 0.99), maximum(f.frameCall), f.frameCall.size());
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    if (std::getenv("SDL_AUDIODRIVER") == nullptr) SDL_SetHint(SDL_HINT_AUDIODRIVER, "dummy");
    {
        platform::EspeakSpeech speech({std::chrono::milliseconds(60000), std::chrono::milliseconds(1000)});
        measure(speech, 2, false);  // espeak-ng started, German loaded, the device open
        print("warm", measure(speech, runs, false));
        std::printf("audio driver: %s\n", SDL_GetCurrentAudioDriver() != nullptr ? SDL_GetCurrentAudioDriver() : "none");
    }
    {
        platform::EspeakSpeech speech({std::chrono::milliseconds(0), std::chrono::milliseconds(1000)});
        measure(speech, 1, true);
        print("cold", measure(speech, runs, true));
    }
    return 0;
}
