// `kiosk import PATH`: content from a USB stick or any folder holding what `kiosk catalog
// publish` wrote, for events without network. Same checks as a sync; the running kiosk also
// picks such folders up by itself from [sync] import_folder.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/sync/folder_import.hpp"

namespace kiosk::app {

int importCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    if (config->sync.catalogs.empty()) {
        std::fprintf(stderr, "import: the config names no catalog, so nothing can be checked and nothing is imported; "
                             "add the [[sync.catalogs]] the content is published for\n");
        return kExitConfig;
    }
    const auto folders = core::publishedFoldersIn(line.importPath);
    if (folders.empty()) {
        std::fprintf(stderr, "import: %s holds no index.json (nor do its folders): copy the whole folder `kiosk catalog publish --out` wrote\n",
                     line.importPath.c_str());
        return kExitNotFound;
    }
    const core::ContentStore store(prepareStateFolder(*config));
    store.clearStaging();
    int code = kExitOk;
    for (const auto& folder : folders) {
        const auto report = core::importPublishedFolder(folder, config->sync.catalogs, store, core::SystemWallClock().now());
        for (const auto& pack : report.installed) std::printf("import %s: installed %s\n", report.catalog.c_str(), pack.c_str());
        if (report.ok) {
            std::printf("import %s: catalog version %lld from %s %s\n", report.catalog.c_str(), static_cast<long long>(report.activeVersion),
                        folder.c_str(), report.activated ? "is now shown" : "was shown already");
            continue;
        }
        std::fprintf(stderr, "import: %s\n", report.problem.c_str());
        code = std::max(code, report.refused ? static_cast<int>(kExitRefused) : static_cast<int>(kExitFailure));
    }
    store.removeUnused(core::catalogNames(config->sync));
    return code;
}

}  // namespace kiosk::app
