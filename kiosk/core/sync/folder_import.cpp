#include "core/sync/folder_import.hpp"

#include <algorithm>

#include "core/sync/folder_transport.hpp"

namespace kiosk::core {

std::vector<std::filesystem::path> publishedFoldersIn(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path / "index.json", ec)) return {path};
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_directory(ec) && std::filesystem::is_regular_file(entry.path() / "index.json", ec)) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

CatalogSyncReport importPublishedFolder(const std::filesystem::path& folder, const std::vector<CatalogSource>& catalogs, const ContentStore& store,
                                        WallTime now) {
    for (const CatalogSource& catalog : catalogs) {
        CatalogSource fromFolder = catalog;
        fromFolder.url = kImportUrl;
        FolderTransport transport(folder);
        CatalogSyncReport report = syncCatalog(fromFolder, store, transport, now);
        // Not this catalog's keys: perhaps the next one's. Nothing was kept of the attempt.
        if (report.refused == TrustFailure::BelowThreshold) continue;
        if (!report.problem.empty()) report.problem = folder.string() + ": " + report.problem;
        return report;
    }
    CatalogSyncReport none;
    none.catalog = catalogs.empty() ? std::string() : catalogs.front().name;
    none.refused = TrustFailure::BelowThreshold;
    none.problem = folder.string() + ": not signed for any catalog this kiosk follows; nothing was imported";
    return none;
}

}  // namespace kiosk::core
