// Video decoding cost: CPU seconds per second of video (the share of one core that playing it
// takes, decoding and IYUV conversion, all threads), time from open() to the first frame, and the
// peak memory, for a clip decoded as fast as the decoder goes. A benchmark, not a test: it prints
// numbers and never fails on them.
//
//   ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 10 -c:v libx264 -pix_fmt yuv420p /tmp/1080p.mp4
//   build/release/tests/bench_video /tmp/1080p.mp4 [RUNS]   (default 3)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <thread>
#include <vector>

#include "bench_figures.hpp"
#include "platform/video_decoder.hpp"

namespace {

using Steady = std::chrono::steady_clock;
using bench::median;
using bench::processCpuSeconds;

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_video CLIP [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    std::vector<double> cpuPerSecond, firstFrameMs;
    kiosk::platform::VideoInfo info;
    double firstTime = 0.0, lastTime = 0.0;
    std::uint64_t frames = 0;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = processCpuSeconds();
        const auto start = Steady::now();
        auto opened = kiosk::platform::VideoDecoder::open(argv[1]);
        if (!opened) {
            std::fprintf(stderr, "%s\n", opened.error().describe().c_str());
            return 1;
        }
        auto& decoder = *opened.value();
        info = decoder.info();
        frames = 0;
        bool first = true;
        // Takes every frame as soon as it is there: a media time past the end makes each one due.
        while (!decoder.finished() && !decoder.error()) {
            if (const auto frame = decoder.frameFor(std::numeric_limits<double>::max())) {
                if (first) firstTime = frame->time;
                lastTime = frame->time;
                if (first) firstFrameMs.push_back(std::chrono::duration<double, std::milli>(Steady::now() - start).count());
                first = false;
                ++frames;
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        }
        if (decoder.error()) {
            std::fprintf(stderr, "%s\n", decoder.error()->describe().c_str());
            return 1;
        }
        frames += decoder.droppedFrames();
        decoder.stop();
        cpuPerSecond.push_back((processCpuSeconds() - cpuBefore) / info.duration);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("clip             %dx%d %s, %.1f s at %.0f fps, %llu frames\n", info.width, info.height, info.codec.c_str(),
                info.duration, info.frameRate, static_cast<unsigned long long>(frames));
    std::printf("frame times      %.3f s to %.3f s\n", firstTime, lastTime);
    std::printf("CPU per second   %.3f s (median of %d runs; 1.0 = one core busy)\n", median(cpuPerSecond), runs);
    std::printf("first frame      %.1f ms after open() (median)\n", median(firstFrameMs));
    std::printf("peak memory      %.1f MiB (the whole process)\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
