// Sound decoding cost: CPU seconds per second of sound (the share of one core that decoding,
// resampling to S16 stereo 48 kHz and the sample queue take, all threads), time from open() to
// the first sample, and the peak memory, for a clip's sound pulled as fast as the decoder gives
// it (as if SDL's callback ran without pause). A benchmark, not a test: it prints numbers and
// never fails on them. The clips have a 1080p picture, so the cost of the audio reader's own
// demuxer skipping the picture's packets is in the figure.
//
//   ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 10 -c:v libx264 -pix_fmt yuv420p -c:a aac -ac 2 /tmp/1080p-aac.mp4
//   ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 10 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 4M -pix_fmt yuv420p -c:a libopus -ac 2 /tmp/1080p-opus.webm
//   build/release/tests/bench_audio /tmp/1080p-aac.mp4 [RUNS]   (default 3)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "bench_figures.hpp"
#include "platform/audio_decoder.hpp"

namespace {

using Steady = std::chrono::steady_clock;
using kiosk::platform::kAudioChannels;
using kiosk::platform::kAudioRate;
using bench::median;
using bench::processCpuSeconds;

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_audio CLIP [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    constexpr int kCallbackFrames = 1024;  // what AudioOutput's callback asks for
    std::vector<double> cpuPerSecond, firstSampleMs;
    std::vector<std::int16_t> buffer(static_cast<std::size_t>(kCallbackFrames) * kAudioChannels);
    kiosk::platform::AudioInfo info;
    double played = 0.0;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = processCpuSeconds();
        const auto start = Steady::now();
        auto opened = kiosk::platform::AudioDecoder::open(argv[1]);
        if (!opened) {
            std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
            return 1;
        }
        if (!opened.value()) {
            std::fprintf(stderr, "%s has no sound\n", argv[1]);
            return 1;
        }
        auto& decoder = *opened.value();
        info = decoder.info();
        bool first = true;
        while (!decoder.finished() && !decoder.error()) {
            if (decoder.pull(buffer.data(), kCallbackFrames) > 0) {
                if (first) firstSampleMs.push_back(std::chrono::duration<double, std::milli>(Steady::now() - start).count());
                first = false;
            } else {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
        if (decoder.error()) {
            std::fprintf(stderr, "%s\n", decoder.error()->describe().c_str());
            return 1;
        }
        played = decoder.playedSeconds();
        decoder.stop();
        cpuPerSecond.push_back((processCpuSeconds() - cpuBefore) / played);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("sound            %s, %d Hz, %d channels -> S16 stereo %d Hz, %.2f s played\n", info.codec.c_str(),
                info.sourceRate, info.sourceChannels, kAudioRate, played);
    std::printf("CPU per second   %.4f s (median of %d runs; 1.0 = one core busy)\n", median(cpuPerSecond), runs);
    std::printf("first sample     %.1f ms after open() (median)\n", median(firstSampleMs));
    std::printf("peak memory      %.1f MiB (the whole process)\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
