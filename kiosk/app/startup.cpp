// Composition-root helpers: the only place that knows default paths.
#include "app/startup.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/sync/content_store.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/log.hpp"

namespace kiosk::app {
namespace {

void printProblems(const core::Diagnostics& problems, const char* what) {
    for (const auto& problem : problems) std::fprintf(stderr, "%s: %s\n", what, problem.describe().c_str());
}

}  // namespace

std::optional<core::KioskConfig> loadEffectiveConfig(const ConfigOverrides& overrides) {
    const std::filesystem::path file = overrides.configFile.empty() ? KIOSK_DEFAULT_CONFIG : overrides.configFile;
    auto loaded = core::loadConfig(file);
    if (!loaded) {
        printProblems(loaded.error(), "config");
        return std::nullopt;
    }
    core::KioskConfig config = std::move(loaded).value();
    if (!overrides.contentFolders.empty()) {
        config.contentFolders.clear();
        for (const auto& folder : overrides.contentFolders) config.contentFolders.push_back(std::filesystem::absolute(folder));
    }
    if (!overrides.stateFolder.empty()) config.stateFolder = std::filesystem::absolute(overrides.stateFolder);
    for (const auto& tag : overrides.languages) {
        if (!core::isValidLanguageTag(tag)) {
            std::fprintf(stderr, "config error: --languages: '%s' is not a language tag (use tags like de, en, uk or de-x-ls)\n",
                         tag.c_str());
            return std::nullopt;
        }
    }
    if (!overrides.languages.empty()) config.languages = overrides.languages;
    if (!overrides.defaultLanguage.empty()) config.defaultLanguage = overrides.defaultLanguage;
    if (overrides.idleSeconds) config.idleReset = std::chrono::seconds(*overrides.idleSeconds);
    if (overrides.windowed) config.window.mode = core::WindowMode::Windowed;
    if (overrides.fullscreen) config.window.mode = core::WindowMode::Fullscreen;
    if (auto size = core::parsePixelSize(overrides.windowSize)) {  // main() refused invalid sizes already
        config.window.width = size->width;
        config.window.height = size->height;
    }
    if (overrides.rotation) config.window.rotation = *overrides.rotation;

    const auto problems = core::validateConfig(config, file.string() + " with command-line flags");
    if (!problems.empty()) {
        printProblems(problems, "config");
        return std::nullopt;
    }
    return config;
}

core::PackLibrary loadLibraryReporting(const core::KioskConfig& config, core::ShownPacksClaim* shown) {
    // Synced packs: the active set of each catalog the config follows, in its order.
    std::vector<std::filesystem::path> installed;
    if (!config.sync.catalogs.empty()) {
        std::vector<std::string> collisions;
        const core::ContentStore store(prepareStateFolder(config));
        const std::vector<core::PackVersion> packs = store.activePacks(core::catalogNames(config.sync), &collisions);
        for (const auto& collision : collisions) core::logWarning("content", collision);
        // Between the reading and the claim (a millisecond) another process would have to
        // activate two catalog versions to remove what was read; then a pack fails to load and
        // says so, and the next sync's reload shows the new set.
        if (shown) {
            if (const std::string error = shown->show(packs); !error.empty()) {
                core::logWarning("content", "the packs shown are not claimed (" + error + "): a sync or import in another process may remove them "
                                                "while they are shown; the kiosk's user must be able to write to the state folder");
            }
        }
        for (const core::PackVersion& pack : packs) installed.push_back(store.packFolder(pack));
    }
    core::PackLibrary library = core::loadPackLibrary(config.contentFolders, installed);
    printProblems(library.problems, "content");
    const bool anyError = std::any_of(library.problems.begin(), library.problems.end(),
                                      [](const core::Error& e) { return !e.isWarning(); });
    if (anyError) {
        core::logWarning("content", "packs with errors are not shown; check them with the messages above");
    }
    core::logInfo("content", std::to_string(library.packs.size()) + " pack(s) loaded");
    return library;
}

std::filesystem::path prepareStateFolder(const core::KioskConfig& config) {
    std::filesystem::path folder = config.stateFolder;
    if (folder.empty()) {
        if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) {
            folder = std::filesystem::path(xdg) / "showroom-kiosk";
        } else if (const char* home = std::getenv("HOME"); home && *home) {
            folder = std::filesystem::path(home) / ".local" / "state" / "showroom-kiosk";
        } else {
            folder = std::filesystem::temp_directory_path() / "showroom-kiosk";
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        core::logWarning("state", "cannot create state folder " + folder.string() + ": " + ec.message() +
                                      " (set 'state.folder' in the config or pass --state DIR)");
    }
    return folder;
}

}  // namespace kiosk::app
