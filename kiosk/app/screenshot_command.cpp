// `kiosk screenshot`: how docs, tests and reviews see the product without a screen.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/nav/navigator.hpp"
#include "core/util/did_you_mean.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace kiosk::app {
namespace {

// ImGui sizes windows and text from the previous frame; a few frames give the settled picture.
constexpr int kFramesToSettle = 3;

template <typename Items, typename IdOf>
std::string availableHint(const std::string& wanted, const Items& items, IdOf idOf) {
    std::vector<std::string_view> ids;
    for (const auto& item : items) ids.push_back(idOf(item));
    if (ids.empty()) return "there are none";
    return core::suggestionHint(wanted, ids);
}

}  // namespace

int screenshotCommand(const CommandLine& line) {
    const ScreenshotOptions& options = line.screenshot;
    const auto size = core::parsePixelSize(options.size);
    if (!size) {
        std::fprintf(stderr, "kiosk screenshot: --size '%s' is not a size like 1920x1080 (%s)\n", options.size.c_str(),
                     sizeRangeText().c_str());
        return kExitUsage;
    }
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const core::PackLibrary library = loadLibraryReporting(*config);

    core::ManualClock clock;  // a screenshot is one instant: no idle reset can happen
    core::Navigator navigator(library, config->languages, config->defaultLanguage, config->idleReset, clock.now());
    if (!options.language.empty()) {
        navigator.apply(core::SetLanguage{options.language}, clock.now());
        if (navigator.language() != options.language) {
            std::fprintf(stderr, "kiosk screenshot: language '%s' is not configured (%s)\n", options.language.c_str(),
                         availableHint(options.language, config->languages, [](const auto& l) { return std::string_view(l); }).c_str());
            return kExitNotFound;
        }
    }
    if (!options.packId.empty()) {
        navigator.apply(core::OpenPack{options.packId}, clock.now());
        if (navigator.location().packId != options.packId) {
            std::fprintf(stderr, "kiosk screenshot: no pack '%s' was loaded (%s)\n", options.packId.c_str(),
                         availableHint(options.packId, library.packs, [](const auto& p) { return std::string_view(p.id); }).c_str());
            return kExitNotFound;
        }
    }
    if (!options.pageId.empty()) {
        navigator.apply(core::OpenPage{options.pageId}, clock.now());
        if (navigator.location().pageId != options.pageId) {
            std::fprintf(stderr, "kiosk screenshot: pack '%s' has no page '%s' (%s)\n", options.packId.c_str(),
                         options.pageId.c_str(),
                         availableHint(options.pageId, navigator.currentPack()->pages,
                                       [](const auto& p) { return std::string_view(p.id); }).c_str());
            return kExitNotFound;
        }
    }

    platform::HeadlessRenderer renderer(size->width, size->height, platform::systemFontFiles());
    if (!renderer.ok()) {
        std::fprintf(stderr, "kiosk screenshot: %s\n", renderer.error().c_str());
        return kExitFailure;
    }
    if (!renderer.fontWarning().empty()) std::fprintf(stderr, "kiosk screenshot: %s\n", renderer.fontWarning().c_str());
    for (int i = 0; i < kFramesToSettle; ++i) renderer.frame(navigator, clock.now());
    if (const std::string error = renderer.savePng(options.out); !error.empty()) {
        std::fprintf(stderr, "kiosk screenshot: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("wrote %s (%dx%d)\n", options.out.c_str(), size->width, size->height);
    return kExitOk;
}

}  // namespace kiosk::app
