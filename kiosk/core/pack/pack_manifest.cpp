// nlohmann-json is kept inside this file: the rest of the kiosk sees only PackManifest.
#include "core/pack/pack_manifest.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/pack/archive_path.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/json_scan.hpp"

namespace kiosk::core {
namespace {

using Json = nlohmann::json;

Error manifestError(ErrorCode code, std::string message, std::string hint = {}) {
    return Error{code, std::string(kManifestEntryName), 0, std::move(message), std::move(hint)};
}

// nlohmann-json keeps the last of two equal keys without a word; in a manifest that decides which
// size or hash counts, so a repeated key is an error instead. Found in a pass of its own that
// builds nothing, not through a parser callback: with one, nlohmann-json searches the enclosing
// array after every object it closes, quadratic in the files listed (found by tests/fuzz, harness
// archive: the hostile corpus's 20,001 files took over 10 s under ASan).
class RepeatedKeyScan final : public nlohmann::json_sax<Json> {
public:
    // The first key an object repeats; empty when none does.
    const std::string& repeated() const { return m_repeated; }

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
        m_keysPerObject.emplace_back();
        return true;
    }
    bool key(string_t& key) override {
        if (m_keysPerObject.back().insert(key).second) return true;
        m_repeated = key;
        return false;
    }
    bool end_object() override {
        m_keysPerObject.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    // Only documents that parsed are scanned.
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    std::vector<std::set<std::string>> m_keysPerObject;
    std::string m_repeated;
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
    if (jsonNestedDeeperThan(bytes, kManifestNesting)) {
        return manifestError(ErrorCode::TooLarge, "the manifest is nested more than " + std::to_string(kManifestNesting) + " deep");
    }
    // Parsed, 4 MiB of "{}," are 1.4 million values and 160 MiB, from an archive of 4 KB (found by
    // the hostile corpus, tests/hostile). The archiver writes 4 values per file; twice what the
    // most files take, so that a manifest a little over the file limit is still told so by name
    // (below).
    if (const std::size_t most = 8 * limits.fileCount + 16; jsonValueCountBound(bytes) > most) {
        return manifestError(ErrorCode::TooLarge, "the manifest holds more than " + std::to_string(most) +
                                                      " values, far more than a list of " + std::to_string(limits.fileCount) +
                                                      " files needs");
    }
    Json root;
    try {
        root = Json::parse(bytes);
    } catch (const Json::exception& e) {
        // parse_error, and out_of_range for a number no double holds ("size": 1e400; found by
        // tests/fuzz, harness archive_manifest): either way the text is not a manifest.
        // "[json.exception.parse_error.101] parse error at line 1, column 2: …": the bracket is noise here.
        std::string what = e.what();
        if (const std::size_t end = what.find("] "); what.starts_with("[json.") && end != std::string::npos) what.erase(0, end + 2);
        return manifestError(ErrorCode::Syntax, "the manifest is not valid JSON: " + what);
    }
    RepeatedKeyScan keys;
    Json::sax_parse(bytes, &keys);
    if (!keys.repeated().empty()) {
        return manifestError(ErrorCode::InvalidValue,
                             "the manifest has the key '" + shownArchivePath(keys.repeated()) + "' twice in one object");
    }
    try {
        return readManifest(root, limits);
    } catch (const Json::exception& e) {
        // Every access above is type-checked first; this is the net under a missed case, not a path.
        return manifestError(ErrorCode::InvalidValue, std::string("the manifest cannot be read: ") + e.what());
    }
}

}  // namespace kiosk::core
