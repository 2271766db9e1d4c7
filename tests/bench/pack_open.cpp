// Opening a pack inside a running kiosk, apart from loading it (issue 9: "a 10,000-page pack opens
// in under 100 ms"): the content folder is loaded once, as at start; then, per run, a visitor in
// a fresh visit taps the pack: the navigator opens it and the first frame of its start page is
// drawn by SDL's software renderer at 1920x1080. Wall time of the open and of that first frame,
// medians. A benchmark, not a test: it prints numbers and never fails on them.
//
//   python3 tests/bench/make_scaled_pack.py /tmp/scaled 10000 2000
//   build/release/tests/bench_pack_open /tmp/scaled scaled-10000 [RUNS]   (SDL_VIDEODRIVER=dummy is set by itself)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_figures.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using Steady = std::chrono::steady_clock;
using bench::median;

double millisecondsSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace kiosk;
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_pack_open CONTENT_FOLDER PACK_ID [RUNS]\n");
        return 2;
    }
    ::setenv("SDL_VIDEODRIVER", "dummy", 0);
    const std::string packId = argv[2];
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 9;

    const auto loadStart = Steady::now();
    const core::PackLibrary library = core::loadPackLibrary(std::vector<std::filesystem::path>{argv[1]});
    const double loadMs = millisecondsSince(loadStart);
    const core::Pack* pack = nullptr;
    for (const core::Pack& candidate : library.packs) {
        if (candidate.id == packId) pack = &candidate;
    }
    if (!pack) {
        std::fprintf(stderr, "no pack '%s' in %s (%zu problems)\n", packId.c_str(), argv[1], library.problems.size());
        return 1;
    }
    platform::HeadlessRenderer renderer(1920, 1080, platform::systemFontFiles());
    if (!renderer.ok()) {
        std::fprintf(stderr, "%s\n", renderer.error().c_str());
        return 1;
    }
    std::vector<double> openMs, frameMs;
    for (int run = 0; run < runs; ++run) {
        core::ManualClock clock;
        core::Navigator nav(library, {"en"}, "en", std::chrono::seconds(60), clock.now());
        nav.apply(core::StartVisit{}, clock.now());
        renderer.frame(nav, clock.now());  // the home screen, as before the tap
        const auto open = Steady::now();
        nav.apply(core::OpenPack{packId}, clock.now());
        openMs.push_back(millisecondsSince(open));
        const auto frame = Steady::now();
        renderer.frame(nav, clock.now());
        frameMs.push_back(millisecondsSince(frame));
        if (nav.location().packId != packId) {
            std::fprintf(stderr, "the pack did not open\n");
            return 1;
        }
    }
    std::printf("pack %s: %zu pages; content folder loaded in %.1f ms (once, as at start)\n", packId.c_str(), pack->pages.size(),
                loadMs);
    // The first run also decodes the start page's picture (later runs find it in the texture cache).
    std::printf("open (navigator) median %.3f ms; first frame of its start page: first run %.1f ms, median %.1f ms; %d runs\n",
                median(openMs), frameMs.front(), median(frameMs), runs);
    std::printf("tap to start page drawn: %.1f ms, %.1f ms with the picture decoded (the target: under 100 ms)\n",
                median(openMs) + median(frameMs), openMs.front() + frameMs.front());
    return 0;
}
