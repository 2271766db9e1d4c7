// `kiosk status`: what this kiosk shows and how its syncs went, from status.json and the
// content store; for an operator at the terminal or a monitoring script (exit code 0: all well).
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/sync_status.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::app {

int statusCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const std::filesystem::path state = prepareStateFolder(*config);
    std::printf("state folder: %s\n", state.c_str());
    for (const auto& folder : config->contentFolders) std::printf("content folder: %s\n", folder.c_str());
    if (config->sync.catalogs.empty()) {
        std::printf("sync: off (the config names no [[sync.catalogs]])\n");
        return kExitOk;
    }
    const core::ContentStore store(state);
    const std::vector<core::CatalogStatus> statuses = core::readSyncStatus(state);
    int code = kExitOk;
    for (const core::CatalogSource& source : config->sync.catalogs) {
        const auto status = std::find_if(statuses.begin(), statuses.end(), [&](const auto& s) { return s.catalog == source.name; });
        const auto active = store.activeSet(source.name);
        std::printf("catalog %s (%s)\n", source.name.c_str(), source.url.c_str());
        if (active) {
            std::printf("  shown: catalog version %lld, %zu pack(s)\n", static_cast<long long>(active->catalogVersion), active->packs.size());
            for (const auto& pack : active->packs) std::printf("    %-24s %s\n", pack.id.c_str(), pack.version.c_str());
        } else {
            std::printf("  shown: nothing yet (no sync has installed a complete catalog)\n");
        }
        if (status == statuses.end()) {
            std::printf("  last sync: never\n");
            code = kExitUnavailable;
            continue;
        }
        std::printf("  last attempt: %s\n", status->lastAttempt ? core::formatUtc(*status->lastAttempt).c_str() : "never");
        std::printf("  last success: %s\n", status->lastSuccess ? core::formatUtc(*status->lastSuccess).c_str() : "never");
        if (!status->problem.empty()) {
            std::printf("  problem: %s\n", status->problem.c_str());
            code = std::max(code, status->refused ? static_cast<int>(kExitRefused) : static_cast<int>(kExitUnavailable));
        }
    }
    return code;
}

}  // namespace kiosk::app
