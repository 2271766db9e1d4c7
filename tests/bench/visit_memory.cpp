// Memory over visits (issue 9, item 4): PSS and the kiosk's own count of texture memory after
// start, after a visitor opened every page of every sample pack once, and after a second round
// of the same. A second round that grows means a leak or a cache without bounds. Headless, SDL's
// software renderer at 1920x1080. A benchmark, not a test: it prints numbers and never fails.
//
//   build/release/tests/bench_visit_memory [CONTENT_FOLDER]   (default: the sample content)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/memory_release.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk;
using namespace std::chrono_literals;

// "Pss:" of /proc/self/smaps_rollup, in KiB; 0 where the kernel has no such file.
long pssKiB() {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Pss:", 0) == 0) return std::atol(line.c_str() + 4);
    }
    return 0;
}

struct Sample {
    const char* when;
    long pss = 0;
    std::size_t textures = 0;
    std::size_t textureBytes = 0;
    int pages = 0;
};

}  // namespace

int main(int argc, char** argv) {
    ::setenv("SDL_VIDEODRIVER", "dummy", 0);
    const std::filesystem::path content = argc > 1 ? argv[1] : KIOSK_SOURCE_DIR "/content";
    const core::PackLibrary library = core::loadPackLibrary(std::vector<std::filesystem::path>{content});
    core::ManualClock clock;
    core::Navigator nav(library, {"de", "en"}, "de", std::chrono::hours(1), clock.now());
    platform::HeadlessRenderer renderer(1920, 1080, platform::systemFontFiles());
    if (!renderer.ok()) {
        std::fprintf(stderr, "%s\n", renderer.error().c_str());
        return 1;
    }
    auto sample = [&](const char* when, int pages) {
        const ui::TextureCache& textures = renderer.ui()->textures();
        return Sample{when, pssKiB(), textures.size(), textures.bytes(), pages};
    };
    renderer.settle(nav, clock.now());
    platform::releaseFreedMemory();  // as the window loop does after its first frame
    std::vector<Sample> samples{sample("after start (attract loop)", 0)};
    for (const char* round : {"after every page once", "after every page twice"}) {
        nav.apply(core::StartVisit{}, clock.now());
        int pages = 0;
        for (const core::Pack& pack : library.packs) {
            nav.apply(core::OpenPack{pack.id}, clock.now());
            for (const core::Page& page : pack.pages) {
                nav.apply(core::OpenPage{page.id}, clock.now());
                clock.advance(1s);
                renderer.settle(nav, clock.now());
                ++pages;
            }
            nav.apply(core::GoHome{}, clock.now());
            renderer.settle(nav, clock.now());
        }
        // The visit ends; the window loop gives back what it freed once the attract loop shows.
        nav.apply(core::EndVisit{}, clock.now());
        renderer.settle(nav, clock.now());
        platform::releaseFreedMemory();
        samples.push_back(sample(round, pages));
    }
    std::printf("%-28s %8s %9s %12s %6s\n", "", "PSS MiB", "textures", "texture MiB", "pages");
    for (const Sample& s : samples) {
        std::printf("%-28s %8.1f %9zu %12.1f %6d\n", s.when, static_cast<double>(s.pss) / 1024.0, s.textures,
                    static_cast<double>(s.textureBytes) / (1024.0 * 1024.0), s.pages);
    }
    std::printf("second round grew PSS by %.1f MiB\n", static_cast<double>(samples[2].pss - samples[1].pss) / 1024.0);
    return 0;
}
