// `kiosk sync`: the same sync the running kiosk does in the background, from the command line:
// for setting a kiosk up, for scripts, and for the tests.
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "app/background_sync.hpp"
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "app/sync_runner.hpp"

namespace kiosk::app {
namespace {

// One sync of every catalog, said on the terminal; the exit code of the worst outcome.
int syncAll(const core::KioskConfig& config, const core::ContentStore& store) {
    int code = kExitOk;
    for (const core::CatalogSyncReport& report : syncCatalogs(config, store)) {
        for (const auto& pack : report.installed) std::printf("sync %s: installed %s\n", report.catalog.c_str(), pack.c_str());
        if (report.ok) {
            std::printf("sync %s: catalog version %lld %s (%lld bytes fetched)\n", report.catalog.c_str(), static_cast<long long>(report.activeVersion),
                        report.activated ? "is now shown" : "is shown, up to date", static_cast<long long>(report.bytesFetched));
            continue;
        }
        std::fprintf(stderr, "sync %s: %s\n", report.catalog.c_str(), report.problem.c_str());
        if (report.activeVersion > 0) {
            std::fprintf(stderr, "sync %s: still showing catalog version %lld\n", report.catalog.c_str(), static_cast<long long>(report.activeVersion));
        }
        code = std::max(code, report.refused ? static_cast<int>(kExitRefused) : static_cast<int>(kExitUnavailable));
    }
    return code;
}

}  // namespace

int syncCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    if (config->sync.catalogs.empty()) {
        std::fprintf(stderr, "sync: the config names no catalog; add a [[sync.catalogs]] section (name, url, root) to follow one\n");
        return kExitConfig;
    }
    const core::ContentStore store(prepareStateFolder(*config));
    store.clearStaging();
    const int code = syncAll(*config, store);
    if (line.sync.once) return code;
    // As a service of its own: the running kiosk's schedule (interval with jitter, backoff after
    // failures, the import folder), its outcome in the log and status.json, until SIGTERM.
    // Every write of a sync is atomic, so being killed between them loses nothing.
    const BackgroundSync background(*config, store, nullptr, std::chrono::duration_cast<std::chrono::seconds>(config->sync.interval));
    for (;;) ::pause();
}

}  // namespace kiosk::app
