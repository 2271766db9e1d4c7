#include "core/sync/content_store.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/sync/shown_packs_claim.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/small_file.hpp"

namespace kiosk::core {
namespace {

constexpr std::uintmax_t kMaxSetBytes = 256 * 1024;

std::filesystem::path privateFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
    return folder;
}

}  // namespace

ContentStore::ContentStore(std::filesystem::path stateFolder) : m_state(std::move(stateFolder)) {}

std::filesystem::path ContentStore::packFolder(const PackVersion& pack) const { return m_state / "packs" / pack.id / pack.version; }

bool ContentStore::isInstalled(const PackVersion& pack) const {
    std::error_code ec;
    return std::filesystem::is_regular_file(packFolder(pack) / "pack.toml", ec);
}

std::filesystem::path ContentStore::stagingFolder() const { return privateFolder(m_state / "staging"); }

std::filesystem::path ContentStore::trustedFolder(const std::string& catalog) const { return privateFolder(m_state / "trusted" / catalog); }

void ContentStore::clearStaging() const {
    const std::filesystem::path staging = privateFolder(m_state / "staging");
    std::error_code ec;
    const auto weekAgo = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 7);
    for (const auto& entry : std::filesystem::directory_iterator(staging, ec)) {
        // A download that broke off resumes in the next process (a kiosk restarted, a power cut):
        // its bytes are checked against the catalog when it completes. Half an extraction is
        // never finished, and a part nobody came back to for a week belongs to no catalog now.
        const bool part = entry.is_regular_file(ec) && entry.path().filename().string().ends_with(".tar.gz.part");
        if (part && entry.last_write_time(ec) > weekAgo) continue;
        std::filesystem::remove_all(entry.path(), ec);
    }
}

std::string setJson(const ActiveSet& set) {
    nlohmann::json packs = nlohmann::json::array();
    for (const auto& p : set.packs) packs.push_back({{"id", p.id}, {"version", p.version}});
    return nlohmann::json{{"catalog_version", set.catalogVersion}, {"packs", packs}}.dump(2) + "\n";
}

std::optional<ActiveSet> readSetFile(const std::filesystem::path& file) {
    std::string error;
    const std::optional<std::string> bytes = readFileStart(file, kMaxSetBytes + 1, error);
    if (!bytes || bytes->size() > kMaxSetBytes) return std::nullopt;
    const nlohmann::json json = nlohmann::json::parse(*bytes, nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("catalog_version") || !json["catalog_version"].is_number_integer() ||
        !json.contains("packs") || !json["packs"].is_array()) {
        return std::nullopt;
    }
    ActiveSet set;
    set.catalogVersion = json["catalog_version"].get<std::int64_t>();
    for (const auto& p : json["packs"]) {
        if (!p.is_object() || !p.contains("id") || !p["id"].is_string() || !p.contains("version") || !p["version"].is_string()) return std::nullopt;
        PackVersion pack{p["id"].get<std::string>(), p["version"].get<std::string>()};
        // The file is the kiosk's own, but a name from it becomes a path: checked like one.
        if (!isValidId(pack.id) || pack.version.empty() || pack.version.find('/') != std::string::npos || pack.version.find("..") != std::string::npos) {
            return std::nullopt;
        }
        set.packs.push_back(std::move(pack));
    }
    return set;
}

std::optional<ActiveSet> ContentStore::activeSet(const std::string& catalog) const { return readSetFile(m_state / "trusted" / catalog / "active.json"); }

std::string ContentStore::activate(const std::string& catalog, const ActiveSet& set) const {
    for (const auto& pack : set.packs) {
        if (!isInstalled(pack)) return "pack " + pack.id + " " + pack.version + " is not installed";
    }
    const std::filesystem::path folder = trustedFolder(catalog);
    if (auto current = activeSet(catalog); current && !(*current == set)) {
        if (std::string error = writeFileAtomically(folder / "previous.json", setJson(*current)); !error.empty()) return error;
    }
    return writeFileAtomically(folder / "active.json", setJson(set));
}

std::vector<PackVersion> ContentStore::removeUnused(const std::vector<std::string>& catalogs, const std::set<PackVersion>& shownHere) const {
    const auto claimed = packsClaimedByRunningKiosks(m_state);
    if (!claimed) return {};  // what a running kiosk shows cannot be told: the next clean-up tries again
    std::set<PackVersion> keep = *claimed;
    keep.insert(shownHere.begin(), shownHere.end());
    for (const auto& catalog : catalogs) {
        for (const char* name : {"active.json", "previous.json"}) {
            const std::filesystem::path file = m_state / "trusted" / catalog / name;
            std::error_code missing;
            if (!std::filesystem::exists(file, missing) && !missing) continue;  // no such set (yet)
            // A set that is there but cannot be read now (memory ran out, the disk failed) may name
            // anything, the shown packs too: nothing goes this time (found by tests/faults: one
            // failed allocation while reading active.json deleted the whole shown set). The next
            // activation writes both files again.
            const std::optional<ActiveSet> set = readSetFile(file);
            if (!set) return {};
            keep.insert(set->packs.begin(), set->packs.end());
        }
    }
    std::vector<PackVersion> removed;
    std::error_code ec;
    for (const auto& idFolder : std::filesystem::directory_iterator(m_state / "packs", ec)) {
        for (const auto& versionFolder : std::filesystem::directory_iterator(idFolder.path(), ec)) {
            PackVersion pack{idFolder.path().filename().string(), versionFolder.path().filename().string()};
            if (keep.count(pack)) continue;
            std::filesystem::remove_all(versionFolder.path(), ec);
            removed.push_back(std::move(pack));
        }
        std::filesystem::remove(idFolder.path(), ec);  // only when empty
    }
    return removed;
}

std::vector<PackVersion> ContentStore::activePacks(const std::vector<std::string>& catalogs, std::vector<std::string>* collisions) const {
    std::vector<PackVersion> packs;
    std::map<std::string, std::string> shownBy;  // pack id → catalog
    for (const auto& catalog : catalogs) {
        const auto set = activeSet(catalog);
        if (!set) continue;
        for (const auto& pack : set->packs) {
            if (const auto [at, fresh] = shownBy.emplace(pack.id, catalog); !fresh) {
                if (collisions) collisions->push_back("pack '" + pack.id + "' of catalog '" + catalog + "' is hidden by the one of '" + at->second + "'");
                continue;
            }
            if (isInstalled(pack)) packs.push_back(pack);
        }
    }
    return packs;
}

std::vector<std::filesystem::path> ContentStore::activePackFolders(const std::vector<std::string>& catalogs, std::vector<std::string>* collisions) const {
    std::vector<std::filesystem::path> folders;
    for (const PackVersion& pack : activePacks(catalogs, collisions)) folders.push_back(packFolder(pack));
    return folders;
}

}  // namespace kiosk::core
