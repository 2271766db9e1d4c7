#include "core/config/sync_config.hpp"

#include <array>
#include <set>

#include "core/util/identifiers.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {

using namespace std::string_view_literals;

std::vector<std::string> catalogNames(const SyncConfig& sync) {
    std::vector<std::string> names;
    for (const auto& catalog : sync.catalogs) names.push_back(catalog.name);
    return names;
}

void readSyncConfig(const TableReader& root, const std::filesystem::path& base, SyncConfig& sync) {
    auto table = root.table("sync", false);
    if (!table) return;
    static constexpr std::array known{"catalogs"sv, "interval_minutes"sv, "import_folder"sv};
    table->rejectUnknownKeys(known);
    // Under 5 minutes only loads the server; over a day and a fix takes too long to arrive.
    if (auto minutes = table->integer("interval_minutes", 5, 1440)) sync.interval = std::chrono::minutes(*minutes);
    if (auto folder = table->string("import_folder", false); folder && !folder->empty()) sync.importFolder = (base / *folder).lexically_normal();
    std::set<std::string> names;
    for (const TableReader& entry : table->sections("catalogs", 0, 16, "catalog")) {
        static constexpr std::array keys{"name"sv, "url"sv, "root"sv, "pin_sha256"sv, "ca_file"sv};
        entry.rejectUnknownKeys(keys);
        CatalogSource source;
        source.name = entry.string("name", true).value_or("");
        source.url = entry.string("url", true).value_or("");
        const std::string rootFile = entry.string("root", true).value_or("");
        source.pinnedPublicKey = entry.string("pin_sha256", false).value_or("");
        if (!source.name.empty() && !isValidId(source.name)) {
            entry.fail(ErrorCode::InvalidValue, "name", "'" + source.name + "' is not a catalog name", "use lowercase letters, digits and '-', e.g. \"hub\"");
        } else if (!source.name.empty() && !names.insert(source.name).second) {
            entry.fail(ErrorCode::InvalidValue, "name", "the catalog '" + source.name + "' is listed twice", "give each catalog its own name");
        }
        const bool https = source.url.rfind("https://", 0) == 0;
        const bool local = source.url.rfind("http://127.0.0.1", 0) == 0 || source.url.rfind("http://localhost", 0) == 0;
        if (!source.url.empty() && !https && !local) {
            entry.fail(ErrorCode::InvalidValue, "url", "'" + source.url + "' is not an https:// address",
                       "the kiosk fetches content over https only (plain http only from this machine)");
        }
        if (!source.pinnedPublicKey.empty() && source.pinnedPublicKey.rfind("sha256//", 0) != 0) {
            entry.fail(ErrorCode::InvalidValue, "pin_sha256", "'pin_sha256' must start with sha256//",
                       "e.g. \"sha256//YhKJKSzoTt2b5FP18fvpHo7fJYqQCjAa3HWY3tvRMwE=\" (openssl x509 -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)");
        }
        if (!rootFile.empty()) source.initialRoot = (base / rootFile).lexically_normal();
        if (auto ca = entry.string("ca_file", false); ca && !ca->empty()) source.caFile = (base / *ca).lexically_normal();
        sync.catalogs.push_back(std::move(source));
    }
}

}  // namespace kiosk::core
