// `kiosk screenshot`: how docs, tests and reviews see the product without a screen.
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/nav/field_check.hpp"
#include "core/nav/navigator.hpp"
#include "core/util/did_you_mean.hpp"
#include "platform/frame.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace kiosk::app {
namespace {


template <typename Items, typename IdOf>
std::string availableHint(const std::string& wanted, const Items& items, IdOf idOf) {
    std::vector<std::string_view> ids;
    for (const auto& item : items) ids.push_back(idOf(item));
    if (ids.empty()) return "there are none";
    return core::suggestionHint(wanted, ids);
}

// "1" … steps, "summary", "result" → the index FlowSession::step counts in; nullopt for anything else.
std::optional<std::size_t> stepIndex(const std::string& step, std::size_t steps) {
    if (step.empty()) return 0;
    if (step == "summary") return steps;
    if (step == "result") return steps + 1;
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(step.data(), step.data() + step.size(), number);
    if (error != std::errc{} || end != step.data() + step.size() || number < 1 || number > steps) return std::nullopt;
    return number - 1;
}

// Walks the flow to `target` as a visitor who answers every field with a sample value would.
// Returns false if a step refused its sample answers (the flow then stays there).
bool advanceFlow(core::Navigator& navigator, const core::Flow& flow, std::size_t target, core::TimePoint now) {
    const core::CalendarDate today = platform::localToday();
    std::array<char, 16> todayText{};
    std::snprintf(todayText.data(), todayText.size(), "%04d-%02d-%02d", today.year, today.month, today.day);
    const auto languages = core::languageFallbacks(navigator.language(), navigator.defaultLanguage());
    while (navigator.flowSession() && navigator.flowSession()->step < target) {
        const std::size_t at = navigator.flowSession()->step;
        if (at < flow.steps.size()) {
            for (const core::FlowField& field : flow.steps[at].fields) {
                navigator.apply(core::SetFieldValue{field.id, core::sampleValue(field, languages, todayText.data())}, now);
            }
        }
        navigator.apply(core::NextStep{}, now);
        if (navigator.flowSession()->step == at) return false;
    }
    return true;
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
    core::Navigator navigator(library, config->languages, config->defaultLanguage, core::idlePolicy(*config), clock.now());
    if (options.attract) {
        // The loop's pictures change with the clock: wait for the one asked for.
        clock.advance(core::idlePolicy(*config).slide * options.slide);
        navigator.tick(clock.now());
    } else {
        navigator.apply(core::StartVisit{}, clock.now());  // a visitor's screen, not the attract loop
    }
    if (!options.language.empty()) {
        if (options.attract) {
            std::fprintf(stderr, "kiosk screenshot: the attract loop is always in the default language (--lang goes with a visitor's screen)\n");
            return kExitUsage;
        }
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

    if (!options.flowId.empty()) {
        navigator.apply(core::StartFlow{options.flowId}, clock.now());
        const core::Flow* flow = navigator.currentFlow();
        if (!flow) {
            std::fprintf(stderr, "kiosk screenshot: pack '%s' has no flow '%s' (%s)\n", options.packId.c_str(),
                         options.flowId.c_str(),
                         availableHint(options.flowId, navigator.currentPack()->flows,
                                       [](const auto& f) { return std::string_view(f.id); }).c_str());
            return kExitNotFound;
        }
        const auto target = stepIndex(options.step, flow->steps.size());
        if (!target) {
            std::fprintf(stderr, "kiosk screenshot: flow '%s' has no step '%s' (use 1 to %zu, summary or result)\n",
                         flow->id.c_str(), options.step.c_str(), flow->steps.size());
            return kExitNotFound;
        }
        if (!advanceFlow(navigator, *flow, *target, clock.now())) {
            std::fprintf(stderr, "kiosk screenshot: flow '%s' stopped at step %zu: a field refused its sample answer "
                                 "(give text fields an example)\n",
                         flow->id.c_str(), navigator.flowSession()->step + 1);
            return kExitFailure;
        }
    }

    platform::HeadlessRenderer renderer(size->width, size->height, platform::systemFontFiles());
    if (!renderer.ok()) {
        std::fprintf(stderr, "kiosk screenshot: %s\n", renderer.error().c_str());
        return kExitFailure;
    }
    if (!renderer.fontWarning().empty()) std::fprintf(stderr, "kiosk screenshot: %s\n", renderer.fontWarning().c_str());
    renderer.settle(navigator, clock.now());  // the picture once layout and page slide have settled
    if (const std::string error = renderer.savePng(options.out); !error.empty()) {
        std::fprintf(stderr, "kiosk screenshot: %s\n", error.c_str());
        return kExitFailure;
    }
    std::printf("wrote %s (%dx%d)\n", options.out.c_str(), size->width, size->height);
    return kExitOk;
}

}  // namespace kiosk::app
