#include "core/sync/sync_status.hpp"

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"
#include "core/util/small_file.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

constexpr std::uintmax_t kMaxStatusBytes = 1024 * 1024;

std::optional<WallTime> timeOf(const nlohmann::json& entry, const char* key) {
    return entry.contains(key) && entry[key].is_string() ? parseUtc(entry[key].get<std::string>()) : std::nullopt;
}

}  // namespace

std::vector<CatalogStatus> readSyncStatus(const std::filesystem::path& stateFolder) {
    const nlohmann::json json = nlohmann::json::parse(readSmallFile(stateFolder / "status.json", kMaxStatusBytes), nullptr, false);
    std::vector<CatalogStatus> out;
    if (!json.is_object() || !json.contains("catalogs") || !json["catalogs"].is_array()) return out;
    for (const auto& entry : json["catalogs"]) {
        if (!entry.is_object()) continue;
        CatalogStatus status;
        status.catalog = entry.value("name", "");
        status.lastAttempt = timeOf(entry, "last_attempt");
        status.lastSuccess = timeOf(entry, "last_success");
        status.activeVersion = entry.value("active_version", std::int64_t{0});
        status.rootVersion = entry.value("root_version", std::int64_t{0});
        status.problem = entry.value("problem", "");
        status.refused = entry.value("refused", false);
        if (entry.contains("shown") && entry["shown"].is_array()) {
            for (const auto& p : entry["shown"]) {
                if (p.is_object()) status.shown.push_back({p.value("id", ""), p.value("version", "")});
            }
        }
        out.push_back(std::move(status));
    }
    return out;
}

std::string writeSyncStatus(const std::filesystem::path& stateFolder, const std::vector<CatalogSyncReport>& reports, const ContentStore& store,
                            WallTime now) {
    const std::vector<CatalogStatus> before = readSyncStatus(stateFolder);
    nlohmann::json catalogs = nlohmann::json::array();
    for (const CatalogSyncReport& report : reports) {
        std::optional<WallTime> lastSuccess = report.ok ? std::optional<WallTime>(now) : std::nullopt;
        if (!lastSuccess) {
            for (const auto& old : before) {
                if (old.catalog == report.catalog) lastSuccess = old.lastSuccess;
            }
        }
        nlohmann::json shown = nlohmann::json::array();
        if (const auto set = store.activeSet(report.catalog)) {
            for (const auto& p : set->packs) shown.push_back({{"id", p.id}, {"version", p.version}});
        }
        nlohmann::json entry{{"name", report.catalog},
                             {"last_attempt", formatUtc(now)},
                             {"active_version", report.activeVersion},
                             {"root_version", report.rootVersion},
                             {"shown", shown},
                             {"problem", report.problem},
                             {"refused", report.refused.has_value()}};
        if (lastSuccess) entry["last_success"] = formatUtc(*lastSuccess);
        catalogs.push_back(std::move(entry));
    }
    return writeFileAtomically(stateFolder / "status.json", nlohmann::json{{"catalogs", catalogs}}.dump(2) + "\n");
}

}  // namespace kiosk::core
