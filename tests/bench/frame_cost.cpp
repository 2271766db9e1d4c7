// Frame cost per screen: CPU time of one frame drawn by SDL's software renderer (the renderer of
// tests and of kiosks whose GPU driver fails), split into ImGui building the frame and SDL
// rasterising it, median of many frames, at 1080p, portrait 1080p and 4K, on the sample content.
// A benchmark, not a test: it prints numbers and never fails on them.
//
//   build/release/tests/bench_frames [FRAMES]        (SDL_VIDEODRIVER=dummy is set by itself)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/nav/field_check.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk;
using namespace std::chrono_literals;

struct Screen {
    const char* name;
    // Brings a fresh navigator (in the attract loop, at `clock`) to the screen.
    std::function<void(core::Navigator&, core::ManualClock&)> open;
    // What a finger does once the screen is drawn (opening the keyboard), if anything.
    std::function<void(platform::HeadlessRenderer&, core::Navigator&, core::ManualClock&)> touch = {};
};

// Taps the first text field of the flow step on screen: the on-screen keyboard opens.
void tapFirstTextField(platform::HeadlessRenderer& renderer, core::Navigator& nav, core::ManualClock& clock) {
    for (const auto& item : renderer.items().items()) {
        const auto field = item.id.find("/field/");
        if (item.id.rfind("flow/", 0) == 0 && field != std::string::npos &&
            item.id.find('/', field + 7) == std::string::npos) {
            renderer.tap(nav, item.center(), clock.now());
            return;
        }
    }
}

void openPage(core::Navigator& nav, core::ManualClock& clock, const char* pack, const char* page) {
    nav.apply(core::OpenPack{pack}, clock.now());
    nav.apply(core::OpenPage{page}, clock.now());
}

void openFlow(core::Navigator& nav, core::ManualClock& clock, const char* pack, const char* flow, std::size_t step) {
    nav.apply(core::OpenPack{pack}, clock.now());
    nav.apply(core::StartFlow{flow}, clock.now());
    const core::Flow* current = nav.currentFlow();
    const auto languages = core::languageFallbacks(nav.language(), nav.defaultLanguage());
    while (current && nav.flowSession() && nav.flowSession()->step < step) {
        const std::size_t at = nav.flowSession()->step;
        if (at < current->steps.size()) {
            for (const auto& field : current->steps[at].fields) {
                nav.apply(core::SetFieldValue{field.id, core::sampleValue(field, languages, "2025-03-14")}, clock.now());
            }
        }
        nav.apply(core::NextStep{}, clock.now());
    }
}

const std::vector<Screen> kScreens{
    {"attract loop", [](core::Navigator&, core::ManualClock&) {}},
    {"home", [](core::Navigator& nav, core::ManualClock& clock) { nav.apply(core::StartVisit{}, clock.now()); }},
    {"text page", [](core::Navigator& nav, core::ManualClock& clock) { openPage(nav, clock, "patient-record", "objection"); }},
    {"gallery page", [](core::Navigator& nav, core::ManualClock& clock) { openPage(nav, clock, "innovationshub", "offers"); }},
    {"events page", [](core::Navigator& nav, core::ManualClock& clock) { openPage(nav, clock, "innovationshub", "events"); }},
    {"quiz + QR page", [](core::Navigator& nav, core::ManualClock& clock) { openPage(nav, clock, "e-prescription", "quiz"); }},
    {"flow step", [](core::Navigator& nav, core::ManualClock& clock) { openFlow(nav, clock, "address-change", "register", 0); }},
    {"flow keyboard", [](core::Navigator& nav, core::ManualClock& clock) { openFlow(nav, clock, "address-change", "register", 0); },
     tapFirstTextField},
    {"flow summary", [](core::Navigator& nav, core::ManualClock& clock) { openFlow(nav, clock, "address-change", "register", 3); }},
    {"idle prompt", [](core::Navigator& nav, core::ManualClock& clock) {
         openPage(nav, clock, "address-change", "start");
         clock.advance(80s);  // 90 s page time, 20 s prompt
         nav.tick(clock.now());
     }},
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

struct Cost {
    double build;
    double raster;
};

Cost measure(const core::KioskConfig& config, const core::PackLibrary& library, const Screen& screen, int width,
             int height, int frames) {
    core::ManualClock clock;
    core::Navigator nav(library, config.languages, config.defaultLanguage, core::idlePolicy(config), clock.now(), 1);
    platform::HeadlessRenderer renderer(width, height, platform::systemFontFiles());
    if (!renderer.ok()) {
        std::fprintf(stderr, "bench_frames: %s\n", renderer.error().c_str());
        std::exit(1);
    }
    screen.open(nav, clock);
    // The first frames load textures and lay out; a kiosk pays that once per page, not per frame.
    for (int i = 0; i < 5; ++i) renderer.frame(nav, clock.now());
    if (screen.touch) {
        screen.touch(renderer, nav, clock);
        for (int i = 0; i < 5; ++i) renderer.frame(nav, clock.now());
    }
    std::vector<double> build;
    std::vector<double> raster;
    for (int i = 0; i < frames; ++i) {
        renderer.frame(nav, clock.now());
        build.push_back(renderer.lastFrameTimings().buildSeconds);
        raster.push_back(renderer.lastFrameTimings().rasterSeconds);
    }
    return Cost{median(build), median(raster)};
}

}  // namespace

int main(int argc, char** argv) {
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    const int frames = argc > 1 ? std::max(5, std::atoi(argv[1])) : 61;
    const auto config = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
    if (!config) {
        std::fprintf(stderr, "bench_frames: cannot load config/kiosk.toml\n");
        return 1;
    }
    const core::PackLibrary library = core::loadPackLibrary(config.value().contentFolders);
    std::printf("CPU time per frame, SDL software renderer, median of %d frames (ms); ratio: total / home at that size\n\n",
                frames);
    std::printf("%-16s %-10s %9s %9s %9s %7s\n", "screen", "size", "ImGui", "raster", "total", "ratio");
    const std::pair<int, int> sizes[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};
    for (const auto& [width, height] : sizes) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        double home = 0;
        std::vector<std::pair<const Screen*, Cost>> rows;
        for (const Screen& screen : kScreens) {
            const Cost cost = measure(config.value(), library, screen, width, height, frames);
            if (std::string(screen.name) == "home") home = cost.build + cost.raster;
            rows.emplace_back(&screen, cost);
        }
        for (const auto& [screen, cost] : rows) {
            const double total = cost.build + cost.raster;
            std::printf("%-16s %-10s %9.2f %9.2f %9.2f %7.2f\n", screen->name, size.c_str(), cost.build * 1e3,
                        cost.raster * 1e3, total * 1e3, home > 0 ? total / home : 0.0);
        }
        std::printf("\n");
    }
    return 0;
}
