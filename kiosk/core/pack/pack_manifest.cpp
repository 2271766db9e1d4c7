// nlohmann-json is kept inside this file: the rest of the kiosk sees only PackManifest.
#include "core/pack/pack_manifest.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/pack/archive_path.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/identifiers.hpp"

namespace kiosk::core {
namespace {

using Json = nlohmann::json;

Error manifestError(ErrorCode code, std::string message, std::string hint = {}) {
    return Error{code, std::string(kManifestEntryName), 0, std::move(message), std::move(hint)};
}

// Counted on the raw bytes, before the parser sees them: a manifest of a million '[' is refused
// without building a million nested values.
bool nestedDeeperThan(std::string_view bytes, int limit) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

// nlohmann-json keeps the last of two equal keys without a word; in a manifest that decides which
// size or hash counts, so a repeated key is an error instead.
struct DuplicateKeyFinder {
    std::vector<std::set<std::string>> keysPerObject;
    std::string duplicate;

    bool operator()(int, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start) {
            keysPerObject.emplace_back();
        } else if (event == Json::parse_event_t::object_end && !keysPerObject.empty()) {
            keysPerObject.pop_back();
        } else if (event == Json::parse_event_t::key && !keysPerObject.empty() && parsed.is_string()) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (!keysPerObject.back().insert(key).second && duplicate.empty()) duplicate = key;
        }
        return true;
    }
};

std::optional<Error> checkKeys(const Json& object, std::initializer_list<std::string_view> known, const std::string& where) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return manifestError(ErrorCode::UnknownKey, "unknown key '" + shownArchivePath(key) + "' in " + where,
                                 "a pack archive's manifest has only the keys the kiosk writes");
        }
    }
    for (const std::string_view key : known) {
        if (!object.contains(key)) {
            return manifestError(ErrorCode::MissingKey, where + " has no '" + std::string(key) + "'",
                                 "archive the pack again with kiosk");
        }
    }
    return std::nullopt;
}

bool isSha256Hex(const std::string& text) {
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<PackManifestFile> readFileEntry(const Json& entry, const std::string& where, const PackArchiveLimits& limits) {
    if (!entry.is_object()) return manifestError(ErrorCode::WrongType, where + " is not an object");
    if (auto problem = checkKeys(entry, {"path", "size", "sha256"}, where)) return *problem;
    PackManifestFile file;
    const Json& path = entry["path"];
    if (!path.is_string()) return manifestError(ErrorCode::WrongType, where + ".path is not a string");
    file.path = path.get<std::string>();
    if (std::string problem = archivePathProblem(file.path); !problem.empty()) {
        return manifestError(ErrorCode::Forbidden, where + ".path '" + shownArchivePath(file.path) + "' " + problem,
                             "only files a pack may hold, by names in the archive grammar, are extracted");
    }
    const Json& size = entry["size"];
    if (!size.is_number_unsigned()) {
        return manifestError(ErrorCode::WrongType, where + ".size is not a whole number of bytes");
    }
    file.size = size.get<std::uint64_t>();
    if (file.size > limits.fileBytes) {
        return manifestError(ErrorCode::TooLarge, where + " ('" + file.path + "') is " + std::to_string(file.size) +
                                                      " bytes; a pack file may have at most " +
                                                      std::to_string(limits.fileBytes));
    }
    const Json& sha256 = entry["sha256"];
    if (!sha256.is_string() || !isSha256Hex(sha256.get<std::string>())) {
        return manifestError(ErrorCode::InvalidValue, where + ".sha256 is not 64 lowercase hex digits");
    }
    file.sha256 = sha256.get<std::string>();
    return file;
}

Result<PackManifest> readManifest(const Json& root, const PackArchiveLimits& limits) {
    if (!root.is_object()) return manifestError(ErrorCode::WrongType, "the manifest is not a JSON object");
    if (auto problem = checkKeys(root, {"format", "format_version", "id", "version", "files"}, "the manifest")) {
        return *problem;
    }
    if (!root["format"].is_string() || root["format"].get<std::string>() != kArchiveFormatName) {
        return manifestError(ErrorCode::InvalidValue, "this is not a Showroom Kiosk pack archive (its format is " +
                                                          shownArchivePath(root["format"].dump()) + ")");
    }
    if (!root["format_version"].is_number_integer() || root["format_version"].get<std::int64_t>() != kArchiveFormatVersion) {
        return manifestError(ErrorCode::InvalidValue,
                             "the archive has format version " + shownArchivePath(root["format_version"].dump()) +
                                 "; this kiosk reads version 1",
                             "update the kiosk to read newer pack archives");
    }
    PackManifest manifest;
    const Json& id = root["id"];
    if (!id.is_string() || !isValidId(id.get<std::string>())) {
        return manifestError(ErrorCode::InvalidValue, "the manifest's id " + shownArchivePath(id.dump()) + " is not a pack id");
    }
    manifest.id = id.get<std::string>();
    const Json& version = root["version"];
    if (!version.is_string() || !parseVersion(version.get<std::string>())) {
        return manifestError(ErrorCode::InvalidValue,
                             "the manifest's version " + shownArchivePath(version.dump()) + " is not a version like \"1.4.0\"");
    }
    manifest.version = version.get<std::string>();

    const Json& files = root["files"];
    if (!files.is_array()) return manifestError(ErrorCode::WrongType, "the manifest's 'files' is not a list");
    if (files.size() > limits.fileCount) {
        return manifestError(ErrorCode::TooLarge, "the manifest lists " + std::to_string(files.size()) +
                                                      " files; a pack may have at most " + std::to_string(limits.fileCount));
    }
    std::set<std::string, std::less<>> paths;
    std::uint64_t totalBytes = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string where = "files[" + std::to_string(i + 1) + "]";
        auto file = readFileEntry(files[i], where, limits);
        if (!file) return file.error();
        if (!paths.insert(file.value().path).second) {
            return manifestError(ErrorCode::InvalidValue, "the manifest lists '" + file.value().path + "' twice (again at " +
                                                              where + ")");
        }
        totalBytes += file.value().size;  // each at most fileBytes: no overflow for any sane count
        if (totalBytes > limits.totalBytes) {
            return manifestError(ErrorCode::TooLarge, "the files of the manifest add up to more than " +
                                                          std::to_string(limits.totalBytes) + " bytes");
        }
        manifest.files.push_back(std::move(file).value());
    }
    // "a.svg" and "a.svg/b.svg" cannot both be on disk; refused here, not halfway through writing.
    for (const PackManifestFile& file : manifest.files) {
        for (std::size_t slash = file.path.find('/'); slash != std::string::npos; slash = file.path.find('/', slash + 1)) {
            if (paths.count(std::string_view(file.path).substr(0, slash)) > 0) {
                return manifestError(ErrorCode::InvalidValue, "the manifest lists '" + file.path.substr(0, slash) +
                                                                  "' as a file and as the folder of '" + file.path + "'");
            }
        }
    }
    if (paths.count("pack.toml") == 0) {
        return manifestError(ErrorCode::MissingKey, "the manifest lists no pack.toml", "every pack has a pack.toml");
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const PackManifestFile& a, const PackManifestFile& b) { return a.path < b.path; });
    return manifest;
}

}  // namespace

std::string manifestJson(const PackManifest& manifest) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const PackManifestFile& file : manifest.files) {
        files.push_back({{"path", file.path}, {"size", file.size}, {"sha256", file.sha256}});
    }
    const nlohmann::ordered_json root{{"format", kArchiveFormatName},
                                      {"format_version", kArchiveFormatVersion},
                                      {"id", manifest.id},
                                      {"version", manifest.version},
                                      {"files", std::move(files)}};
    return root.dump(2) + "\n";
}

Result<PackManifest> parseManifest(std::string_view bytes, const PackArchiveLimits& limits) {
    if (bytes.size() > limits.manifestBytes) {
        return manifestError(ErrorCode::TooLarge, "the manifest is larger than " + std::to_string(limits.manifestBytes) + " bytes");
    }
    if (nestedDeeperThan(bytes, kManifestNesting)) {
        return manifestError(ErrorCode::TooLarge, "the manifest is nested more than 8 deep");
    }
    DuplicateKeyFinder duplicates;
    Json root;
    try {
        root = Json::parse(bytes, std::ref(duplicates));
    } catch (const Json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 1, column 2: …": the bracket is noise here.
        std::string what = e.what();
        if (const std::size_t end = what.find("] "); what.starts_with("[json.") && end != std::string::npos) what.erase(0, end + 2);
        return manifestError(ErrorCode::Syntax, "the manifest is not valid JSON: " + what);
    }
    if (!duplicates.duplicate.empty()) {
        return manifestError(ErrorCode::InvalidValue,
                             "the manifest has the key '" + shownArchivePath(duplicates.duplicate) + "' twice in one object");
    }
    try {
        return readManifest(root, limits);
    } catch (const Json::exception& e) {
        // Every access above is type-checked first; this is the net under a missed case, not a path.
        return manifestError(ErrorCode::InvalidValue, std::string("the manifest cannot be read: ") + e.what());
    }
}

}  // namespace kiosk::core
