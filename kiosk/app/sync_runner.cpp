#include "app/sync_runner.hpp"

#include "core/sync/sync_status.hpp"
#include "core/util/log.hpp"
#include "net/curl_transport.hpp"

namespace kiosk::app {

std::vector<core::CatalogSyncReport> syncCatalogs(const core::KioskConfig& config, const core::ContentStore& store, const std::atomic<bool>* cancel,
                                                  const std::set<core::PackVersion>& shownHere) {
    std::vector<core::CatalogSyncReport> reports;
    for (const core::CatalogSource& source : config.sync.catalogs) {
        if (cancel && cancel->load()) break;
        net::TransportOptions options;
        options.pinnedPublicKey = source.pinnedPublicKey;
        options.caFile = source.caFile;
        options.cancel = cancel;
        net::CurlTransport transport(options);
        reports.push_back(core::syncCatalog(source, store, transport, core::SystemWallClock().now()));
    }
    for (const auto& pack : store.removeUnused(core::catalogNames(config.sync), shownHere)) {
        core::logInfo("sync", "removed " + pack.id + " " + pack.version + ", shown by no catalog and no running kiosk any more");
    }
    if (const std::string error = core::writeSyncStatus(store.stateFolder(), reports, store, core::SystemWallClock().now()); !error.empty()) {
        core::logWarning("sync", "status.json not written: " + error);
    }
    return reports;
}

}  // namespace kiosk::app
