#include "core/sync/catalog_publisher.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/pack/pack_archive.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"

namespace kiosk::core {
namespace {

Error publishError(ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint = {}) {
    return Error{code, file.string(), 0, std::move(message), std::move(hint)};
}

// The version of the catalog published in `out` before, 0 if none, -1 if index.json is not one.
// Read without checking its signature: it is this publisher's own output, and only its number
// matters here.
std::int64_t publishedVersion(const std::filesystem::path& out) {
    std::error_code ec;
    if (!std::filesystem::exists(out / "index.json", ec)) return 0;
    std::ifstream in(out / "index.json");
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json index = nlohmann::json::parse(text.str(), nullptr, false);
    if (index.is_discarded() || !index.is_object() || !index.contains("signed") || !index["signed"].is_object() ||
        !index["signed"].contains("version") || !index["signed"]["version"].is_number_integer()) {
        return -1;
    }
    return index["signed"]["version"].get<std::int64_t>();
}

// Archives one pack into packs/, or finds its archive there already. Archives are byte-for-byte
// reproducible, so the same version with other bytes is other content under an old number.
Result<CatalogPack> archivePack(const std::filesystem::path& folder, const std::filesystem::path& out) {
    std::error_code ec;
    const std::filesystem::path incoming = out / "packs" / ".incoming.tar.gz";
    auto archive = writePackArchive(folder, incoming);
    if (!archive) return archive.error();
    const PackArchiveInfo& info = archive.value();
    const std::string path = "packs/" + info.id + "-" + info.version + ".tar.gz";
    const std::filesystem::path manifest = folder / "pack.toml";
    if (!isValidPackPath(path)) {
        std::filesystem::remove(incoming, ec);
        return publishError(ErrorCode::InvalidValue, manifest, "version '" + info.version + "' cannot be part of a file name",
                            "use digits, lowercase letters, '.' and '-'");
    }
    const std::filesystem::path target = out / path;
    if (std::filesystem::exists(target, ec)) {
        const bool same = fileSha256(target) == info.sha256;
        std::filesystem::remove(incoming, ec);
        if (!same) {
            return publishError(ErrorCode::InvalidValue, manifest, "pack '" + info.id + "' changed since version " + info.version + " was published",
                                "raise 'version' in its pack.toml");
        }
    } else {
        std::filesystem::rename(incoming, target, ec);
        if (ec) return publishError(ErrorCode::WriteFailed, target, "cannot write the archive: " + ec.message());
    }
    return CatalogPack{info.id, info.version, path, static_cast<std::int64_t>(info.length), info.sha256};
}

}  // namespace

std::vector<std::filesystem::path> packFoldersIn(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::exists(path / "pack.toml", ec)) return {path};
    std::vector<std::filesystem::path> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "pack.toml", ec)) inside.push_back(entry.path());
    }
    std::sort(inside.begin(), inside.end());
    return inside;
}

Result<CatalogMetadata> publishCatalog(const PublishRequest& request) {
    const auto& catalogKeys = request.root.catalog.keyIds;
    if (!request.key || std::find(catalogKeys.begin(), catalogKeys.end(), request.key->publicKey().keyId()) == catalogKeys.end()) {
        return publishError(ErrorCode::Forbidden, "", "the key is not a catalog key of root.json version " + std::to_string(request.root.version),
                            "kiosks would refuse what it signs: use the catalog.key made with that root");
    }
    // An empty catalog would empty every kiosk's screen: a mistyped path must not do that.
    if (request.packFolders.empty()) {
        return publishError(ErrorCode::InvalidValue, request.out, "no packs to publish: the paths given hold no pack.toml",
                            "name pack folders or a folder of packs, e.g. content/; nothing was published");
    }
    const std::int64_t previous = publishedVersion(request.out);
    if (previous < 0) {
        return publishError(ErrorCode::InvalidValue, request.out / "index.json", "not a catalog published by kiosk catalog publish",
                            "publish into a folder of its own");
    }
    CatalogMetadata catalog;
    catalog.version = request.version > 0 ? request.version : previous + 1;
    if (catalog.version <= previous) {
        return publishError(ErrorCode::InvalidValue, request.out / "index.json",
                            "version " + std::to_string(catalog.version) + " is not above the published version " + std::to_string(previous),
                            "kiosks refuse a catalog that goes back; leave the version out to take the next");
    }
    std::error_code ec;
    std::filesystem::create_directories(request.out / "packs", ec);
    if (ec) return publishError(ErrorCode::WriteFailed, request.out / "packs", "cannot create the folder: " + ec.message());
    catalog.signedAt = request.now;
    catalog.expires = request.now + request.validFor;
    std::map<std::string, std::filesystem::path> seen;
    for (const auto& folder : request.packFolders) {
        auto pack = archivePack(folder, request.out);
        if (!pack) return pack.error();
        if (const auto [at, fresh] = seen.emplace(pack.value().id, folder); !fresh) {
            return publishError(ErrorCode::InvalidValue, folder / "pack.toml", "pack '" + pack.value().id + "' is also in " + at->second.string(),
                                "a catalog holds each pack id once");
        }
        catalog.packs.push_back(std::move(pack).value());
    }
    std::sort(catalog.packs.begin(), catalog.packs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });

    std::map<std::string, const std::string*> roots{{std::to_string(request.root.version) + ".root.json", &request.rootBytes},
                                                   {"root.json", &request.rootBytes}};
    for (const auto& [version, bytes] : request.earlierRoots) {
        if (version < request.root.version) roots.emplace(std::to_string(version) + ".root.json", &bytes);
    }
    for (const auto& [name, bytes] : roots) {
        if (std::string error = writeFileAtomically(request.out / name, *bytes); !error.empty()) {
            return publishError(ErrorCode::WriteFailed, request.out / name, error);
        }
    }
    // Last: until index.json is replaced, kiosks see the previous catalog, whose archives all stay.
    if (std::string error = writeFileAtomically(request.out / "index.json", makeCatalogDocument(catalog, {request.key})); !error.empty()) {
        return publishError(ErrorCode::WriteFailed, request.out / "index.json", error);
    }
    return catalog;
}

}  // namespace kiosk::core
