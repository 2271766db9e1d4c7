#include "core/ops/heartbeat_collect.hpp"

#include <algorithm>
#include <map>

#include "core/pack/pack_library.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/sync_status.hpp"
#include "core/util/free_space.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

std::filesystem::path comparable(const std::filesystem::path& path) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
    if (ec) canonical = std::filesystem::absolute(path).lexically_normal();
    if (!canonical.has_filename()) canonical = canonical.parent_path();
    return canonical;
}

// A cut never splits a UTF-8 sequence: the JSON writer would have to replace it.
std::string shortened(std::string text) {
    if (text.size() <= kMaxWarningBytes) return text;
    std::size_t cut = kMaxWarningBytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

// The packs as the kiosk shows them (the same library it loads), each with where it came from.
std::vector<HeartbeatPack> shownPacks(const KioskConfig& config, const ContentStore& store) {
    const std::vector<std::string> catalogs = catalogNames(config.sync);
    const std::vector<std::filesystem::path> installed = catalogs.empty() ? std::vector<std::filesystem::path>{} : store.activePackFolders(catalogs);
    std::map<std::filesystem::path, std::string> catalogOf;  // installed pack folder → the first catalog showing it
    for (const auto& catalog : catalogs) {
        if (const auto set = store.activeSet(catalog)) {
            for (const auto& pack : set->packs) catalogOf.emplace(comparable(store.packFolder(pack)), catalog);
        }
    }
    std::map<std::filesystem::path, std::string> contentFolderOf;
    for (const auto& folder : config.contentFolders) contentFolderOf.emplace(comparable(folder), folder.string());

    std::vector<HeartbeatPack> out;
    for (const Pack& pack : loadPackLibrary(config.contentFolders, installed).packs) {
        HeartbeatPack shown{pack.id, pack.version, PackSource::ContentFolder, pack.folder.parent_path().string()};
        const std::filesystem::path folder = comparable(pack.folder);
        if (const auto catalog = catalogOf.find(folder); catalog != catalogOf.end()) {
            shown.source = PackSource::Catalog;
            shown.from = catalog->second;
        } else if (const auto content = contentFolderOf.find(folder.parent_path()); content != contentFolderOf.end()) {
            shown.from = content->second;
        }
        out.push_back(std::move(shown));
    }
    return out;
}

std::vector<HeartbeatCatalog> catalogStates(const KioskConfig& config, const ContentStore& store) {
    const std::vector<CatalogStatus> statuses = readSyncStatus(store.stateFolder());
    std::vector<HeartbeatCatalog> out;
    for (const CatalogSource& source : config.sync.catalogs) {
        HeartbeatCatalog catalog;
        catalog.name = source.name;
        if (const auto set = store.activeSet(source.name)) catalog.activeVersion = set->catalogVersion;
        const auto status = std::find_if(statuses.begin(), statuses.end(), [&](const CatalogStatus& s) { return s.catalog == source.name; });
        if (status != statuses.end()) {
            catalog.lastAttempt = status->lastAttempt;
            catalog.lastSuccess = status->lastSuccess;
            catalog.problem = status->problem;
            catalog.refused = status->refused;
        }
        out.push_back(std::move(catalog));
    }
    return out;
}

}  // namespace

Heartbeat collectHeartbeat(const HeartbeatInput& input) {
    const SelfTestInput& system = input.system;
    const KioskConfig& config = system.config;
    const ContentStore store(system.stateFolder);
    Heartbeat h;
    h.kiosk = config.heartbeat.name;
    h.version = input.kioskVersion;
    h.writtenAt = std::chrono::floor<std::chrono::seconds>(system.now);
    if (input.uptime) h.uptimeSeconds = input.uptime->count();
    h.interval = config.heartbeat.interval;
    h.schedule = input.schedule;
    h.freeBytes = system.freeBytes ? system.freeBytes(system.stateFolder) : freeBytesAt(system.stateFolder);
    h.packs = shownPacks(config, store);
    h.catalogs = catalogStates(config, store);

    for (const SelfTestCheck& check : runSelfTest(system)) {
        if (check.name == "clock") h.clockPlausible = check.ok;
        if (!check.ok) h.warnings.push_back(shortened(check.name + ": " + check.detail));
    }
    const auto staleAfter = std::max<std::chrono::system_clock::duration>(kSyncStaleAfter, 3 * config.sync.interval);
    for (const HeartbeatCatalog& catalog : h.catalogs) {
        // Never synced at all is the self-test's "nothing installed yet"; a refusal its "broken state".
        if (catalog.problem.empty() || catalog.refused || !catalog.lastSuccess || system.now - *catalog.lastSuccess < staleAfter) continue;
        h.warnings.push_back(shortened("sync: catalog '" + catalog.name + "' has not synced since " + formatUtc(*catalog.lastSuccess) +
                                       ": " + catalog.problem));
    }
    if (h.warnings.size() > kMaxWarnings) {
        const std::size_t more = h.warnings.size() - (kMaxWarnings - 1);
        h.warnings.resize(kMaxWarnings - 1);
        h.warnings.push_back("and " + std::to_string(more) + " more (kiosk selftest on the kiosk lists them)");
    }
    return h;
}

}  // namespace kiosk::core
