#include "core/sync/trust_store.hpp"

#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"
#include "core/util/small_file.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

nlohmann::json catalogState(const std::filesystem::path& folder) {
    nlohmann::json state = nlohmann::json::parse(readSmallFile(folder / "catalog.json", 64 * 1024), nullptr, false);
    return state.is_object() ? state : nlohmann::json::object();
}

}  // namespace

Result<RootMetadata> TrustStore::loadRoot(const std::filesystem::path& initialRoot) {
    const std::filesystem::path trusted = m_folder / "root.json";
    std::error_code ec;
    const bool haveTrusted = std::filesystem::exists(trusted, ec);
    const std::filesystem::path file = haveTrusted ? trusted : initialRoot;
    const std::string bytes = readSmallFile(file, kMaxRootBytes);
    if (bytes.empty()) {
        return Error{ErrorCode::FileNotFound, file.string(), 0, "cannot read the catalog's root.json",
                     haveTrusted ? "the kiosk's trusted state is damaged: remove the folder to start again from the configured root"
                                 : "copy the root.json from `kiosk catalog keygen` there, or fix the path in [[sync.catalogs]] root"};
    }
    auto root = verifyInitialRoot(bytes);
    if (!root) {
        return Error{ErrorCode::InvalidValue, file.string(), 0, root.error().message + " (" + std::string(trustFailureName(root.error().failure)) + ")",
                     "use the root.json the catalog's publisher gave you"};
    }
    if (!haveTrusted) {
        if (std::string error = writeFileAtomically(trusted, bytes); !error.empty()) return Error{ErrorCode::WriteFailed, trusted.string(), 0, error, ""};
    }
    return std::move(root).value();
}

std::string TrustStore::saveRoot(const std::string& bytes, const RootMetadata& previous, const RootMetadata& next) {
    if (std::string error = writeFileAtomically(m_folder / "root.json", bytes); !error.empty()) return error;
    if (previous.catalog.keyIds == next.catalog.keyIds && previous.catalog.threshold == next.catalog.threshold) return {};
    nlohmann::json state = catalogState(m_folder);
    state["version"] = 0;
    state["body_sha256"] = "";
    state["etag"] = "";
    return writeFileAtomically(m_folder / "catalog.json", state.dump(2) + "\n");
}

TrustedCatalog TrustStore::trustedCatalog() const {
    const nlohmann::json state = catalogState(m_folder);
    TrustedCatalog trusted;
    trusted.version = state.value("version", std::int64_t{0});
    trusted.bodySha256 = state.value("body_sha256", "");
    if (const auto floor = parseUtc(state.value("time_floor", ""))) trusted.timeFloor = *floor;
    return trusted;
}

std::string TrustStore::trustedCatalogBytes() const { return readSmallFile(m_folder / "index.json", kMaxCatalogBytes); }

std::string TrustStore::etag() const { return catalogState(m_folder).value("etag", ""); }

std::string TrustStore::saveCatalog(const std::string& bytes, const CatalogMetadata& catalog, const std::string& etag) {
    if (std::string error = writeFileAtomically(m_folder / "index.json", bytes); !error.empty()) return error;
    const TrustedCatalog before = trustedCatalog();
    const nlohmann::json state{{"version", catalog.version},
                               {"body_sha256", catalog.bodySha256},
                               {"time_floor", formatUtc(std::max(before.timeFloor, catalog.signedAt))},
                               {"etag", etag}};
    return writeFileAtomically(m_folder / "catalog.json", state.dump(2) + "\n");
}

}  // namespace kiosk::core
