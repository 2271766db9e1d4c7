// `kiosk preview PATH`: the author's window onto one pack. Polls the folder twice a second and
// reloads on any change; a pack with errors shows the list of them instead of going blank.
#include <algorithm>
#include <cstdio>

#include "app/exit_codes.hpp"
#include "app/pack_commands.hpp"
#include "app/startup.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/folder_fingerprint.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/log.hpp"
#include "platform/system_info.hpp"
#include "platform/window_loop.hpp"

namespace kiosk::app {
namespace {

// One pack, reloaded in place: the navigator keeps a reference to `library`.
class PreviewedPack {
public:
    explicit PreviewedPack(std::filesystem::path folder) : m_folder(std::move(folder)) {}

    core::PackLibrary& library() { return m_library; }

    // Reloads when the files changed since the last call; true if it did.
    bool reloadIfChanged() {
        const std::uint64_t fingerprint = core::folderFingerprint(m_folder);
        if (m_loaded && fingerprint == m_fingerprint) return false;
        m_fingerprint = fingerprint;
        m_loaded = true;
        core::PackReport report = core::loadPack(m_folder);
        m_problems = std::move(report.problems);
        m_library.packs.clear();
        if (report.pack) m_library.packs.push_back(std::move(*report.pack));
        for (const auto& problem : m_problems) std::fprintf(stderr, "%s\n", problem.describe().c_str());
        core::logInfo("preview", m_library.packs.empty() ? "pack has errors; showing them"
                                                         : "pack loaded (" + std::to_string(m_problems.size()) + " warnings)");
        return true;
    }

    const core::Diagnostics& problems() const { return m_problems; }

private:
    std::filesystem::path m_folder;
    core::PackLibrary m_library;
    core::Diagnostics m_problems;
    std::uint64_t m_fingerprint = 0;
    bool m_loaded = false;
};

}  // namespace

int previewCommand(const CommandLine& line) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(line.preview.pack / "pack.toml", ec)) {
        std::fprintf(stderr, "kiosk preview: %s is not a pack folder (it has no pack.toml)\n", line.preview.pack.c_str());
        return kExitUsage;
    }
    ConfigOverrides overrides = line.overrides;
    if (!overrides.fullscreen) overrides.windowed = true;  // next to the author's editor
    if (overrides.windowSize.empty()) overrides.windowSize = "1280x720";
    auto config = loadEffectiveConfig(overrides);
    if (!config) return kExitConfig;

    PreviewedPack pack(line.preview.pack);
    pack.reloadIfChanged();
    core::SteadyClock clock;
    // Authors test in every language, so all the pack's languages are offered, and nobody is
    // sent home while they type in their editor.
    std::vector<std::string> languages = config->languages;
    if (!pack.library().packs.empty()) {
        for (const auto& language : pack.library().packs.front().languages) {
            if (std::find(languages.begin(), languages.end(), language) == languages.end()) languages.push_back(language);
        }
    }
    core::Navigator navigator(pack.library(), languages, config->defaultLanguage, std::chrono::hours(24 * 365), clock.now());
    if (!line.preview.language.empty()) navigator.apply(core::SetLanguage{line.preview.language}, clock.now());
    auto openPack = [&] {
        if (navigator.location().isHome() && !pack.library().packs.empty()) {
            navigator.apply(core::OpenPack{pack.library().packs.front().id}, clock.now());
        }
    };
    openPack();

    platform::WindowLoopOptions options;
    options.window = config->window;
    options.maxFrames = line.run.frames;
    options.startedAt = clock.now();
    bool firstPoll = true;
    options.poll = [&](ui::KioskUi& ui) {
        if (firstPoll) ui.setAuthorProblems(pack.problems());
        firstPoll = false;
        if (!pack.reloadIfChanged()) return false;
        navigator.libraryChanged();
        openPack();
        ui.forgetTextures();
        ui.setAuthorProblems(pack.problems());
        return true;
    };
    const auto result = platform::runWindowLoop(options, navigator, clock, platform::systemFontFiles());
    if (!result.error.empty()) {
        std::fprintf(stderr, "kiosk preview: %s\n", result.error.c_str());
        std::fprintf(stderr, "kiosk preview needs a screen. Without one, use: kiosk pack validate %s\n",
                     line.preview.pack.c_str());
        return kExitNoDisplay;
    }
    return kExitOk;
}

}  // namespace kiosk::app
