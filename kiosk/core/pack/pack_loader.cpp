// Loads a pack in the order its parts depend on: files, manifest, the list of pages and flows
// (so links can be checked while reading), then pages and flows, then what nothing leads to.
#include "core/pack/pack_loader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "core/pack/block_reader.hpp"
#include "core/pack/flow_reader.hpp"
#include "core/pack/pack_files.hpp"
#include "core/pack/pack_limits.hpp"
#include "core/pack/pack_read_context.hpp"
#include "core/pack/text_reader.hpp"
#include "core/pack/video_reader.hpp"
#include "core/util/did_you_mean.hpp"
#include "core/util/directory_listing.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

int nestingDepth(const toml::node& node) {
    int deepest = 0;
    if (const auto* table = node.as_table()) {
        for (const auto& [key, value] : *table) deepest = std::max(deepest, nestingDepth(value));
        return deepest + 1;
    }
    if (const auto* array = node.as_array()) {
        for (const auto& value : *array) deepest = std::max(deepest, nestingDepth(value));
        return deepest + 1;
    }
    return 0;
}

// Parses a pack file and checks its nesting; nullopt (reported) when it cannot be used.
std::optional<toml::table> parsePackFile(const std::filesystem::path& file, Diagnostics& problems) {
    auto parsed = parseTomlFile(file);
    if (!parsed) {
        problems.push_back(parsed.error());
        return std::nullopt;
    }
    if (nestingDepth(parsed.value()) > limits::kTomlNesting) {
        problems.push_back(Error{ErrorCode::TooLarge, file.string(), 0, "tables are nested more than 8 deep",
                                 "no block needs this; check the [[...]] headers"});
        return std::nullopt;
    }
    return std::move(parsed).value();
}

std::optional<Page> readPage(const std::filesystem::path& file, PackReadContext& context, Diagnostics& problems) {
    auto parsed = parsePackFile(file, problems);
    if (!parsed) return std::nullopt;
    Page page;
    page.id = file.stem().string();
    TableReader root(*parsed, file.string(), "", problems);
    static constexpr std::array known{"title"sv, "blocks"sv, "sign_language"sv};
    root.rejectUnknownKeys(known);
    page.title = readText(root, "title", limits::kTitle, true, context);
    if (auto signLanguage = root.table("sign_language", false)) page.signLanguage = readSignLanguage(*signLanguage, context);

    std::set<std::string, std::less<>> blockIds;
    for (const TableReader& reader : root.sections("blocks", 1, 100, "blocks")) {
        auto block = readBlock(reader, context);
        if (!block) continue;
        const std::string_view id = blockId(*block);
        if (!id.empty() && !blockIds.emplace(id).second) {
            reader.fail(ErrorCode::InvalidValue, "id", "the id '" + std::string(id) + "' is used twice on this page",
                        "give every block on a page its own id");
        }
        page.blocks.push_back(std::move(*block));
    }
    return page;
}

std::optional<PackCategory> categoryFromName(std::string_view name) {
    if (name == "hub") return PackCategory::Hub;
    if (name == "egov") return PackCategory::Egov;
    if (name == "health") return PackCategory::Health;
    return std::nullopt;
}

std::string readVersion(const TableReader& root, std::string_view key, bool required) {
    auto version = root.string(key, required);
    if (!version) return {};
    if (!parseVersion(*version)) {
        root.fail(ErrorCode::InvalidValue, key, "'" + *version + "' is not a version like \"1.4.0\"",
                  "write three numbers separated by dots");
        return {};
    }
    return *version;
}

void readLanguages(const TableReader& root, Pack& pack) {
    auto languages = root.stringArray("languages");
    if (!languages) {
        if (!root.raw().contains("languages")) {
            root.fail(ErrorCode::MissingKey, "languages", "missing key 'languages'",
                      "list the languages the pack is written in, like languages = [\"de\", \"en\", \"de-x-ls\"]");
        }
        return;
    }
    for (const std::string& language : *languages) {
        if (!isValidLanguageTag(language)) {
            root.fail(ErrorCode::InvalidValue, "languages", "'" + language + "' is not a language",
                      "use language tags like de, en, uk or de-x-ls");
        } else if (std::find(pack.languages.begin(), pack.languages.end(), language) != pack.languages.end()) {
            root.fail(ErrorCode::InvalidValue, "languages", "'" + language + "' is listed twice", "remove one");
        } else {
            pack.languages.push_back(language);
        }
    }
    if (languages->empty()) root.fail(ErrorCode::MissingKey, "languages", "'languages' is empty", "list at least one language");
}

// `expectedId` is the folder's name, or (`idFromFolder` false) the id the pack was installed under.
void readManifest(const std::filesystem::path& file, Pack& pack, PackReadContext& context, std::string_view kioskVersion, std::string_view expectedId,
                  bool idFromFolder, Diagnostics& problems) {
    auto parsed = parsePackFile(file, problems);
    if (!parsed) return;
    TableReader root(*parsed, file.string(), "", problems);
    static constexpr std::array known{"id"sv,         "version"sv,   "min_kiosk_version"sv, "category"sv, "languages"sv,
                                      "start_page"sv, "tile_icon"sv, "title"sv,             "description"sv};
    root.rejectUnknownKeys(known);

    pack.id = root.string("id", true).value_or("");
    if (!pack.id.empty() && pack.id != expectedId && idFromFolder) {
        root.fail(ErrorCode::InvalidValue, "id",
                  "pack id '" + pack.id + "' differs from its folder name '" + std::string(expectedId) + "'",
                  "rename the folder or the id so they match");
    } else if (!pack.id.empty() && pack.id != expectedId) {
        root.fail(ErrorCode::InvalidValue, "id",
                  "pack id '" + pack.id + "' differs from the id '" + std::string(expectedId) + "' its catalog and archive give it",
                  "the publisher must give pack.toml the id of its catalog entry and publish again");
    } else if (!pack.id.empty() && !isValidId(pack.id)) {
        root.fail(ErrorCode::InvalidValue, "id", "pack id '" + pack.id + "' is not a valid id",
                  "use up to 48 lowercase letters, digits and '-', starting with a letter");
    }
    pack.version = readVersion(root, "version", true);
    pack.minKioskVersion = readVersion(root, "min_kiosk_version", false);
    if (!pack.minKioskVersion.empty() && parseVersion(kioskVersion) &&
        *parseVersion(pack.minKioskVersion) > *parseVersion(kioskVersion)) {
        root.fail(ErrorCode::InvalidValue, "min_kiosk_version",
                  "the pack needs kiosk " + pack.minKioskVersion + " or newer, this is kiosk " + std::string(kioskVersion),
                  "update the kiosk, or lower min_kiosk_version if the pack uses nothing newer");
    }
    if (auto category = root.string("category", true)) {
        if (auto parsedCategory = categoryFromName(*category)) {
            pack.category = *parsedCategory;
        } else {
            static constexpr std::array categories{"egov"sv, "health"sv, "hub"sv};
            root.fail(ErrorCode::InvalidValue, "category", "unknown category '" + *category + "'",
                      suggestionHint(*category, categories));
        }
    }
    readLanguages(root, pack);
    context.languages = pack.languages;
    pack.startPage = root.string("start_page", true).value_or("");
    if (!pack.startPage.empty()) {
        if (context.pageIds.count(pack.startPage) == 0) {
            root.fail(ErrorCode::BrokenReference, "start_page", "start page '" + pack.startPage + "' does not exist",
                      "add pages/" + pack.startPage + ".toml or fix 'start_page'");
        }
        context.linkedPages.insert(pack.startPage);
    }
    pack.tileIcon = readImagePath(root, "tile_icon", context);
    pack.title = readText(root, "title", limits::kPackTitle, true, context);
    pack.description = readText(root, "description", limits::kPackDescription, true, context);
}

// The .toml files of pages/ or flows/, each named by a valid id.
std::vector<std::filesystem::path> listIdFiles(const std::filesystem::path& folder, bool required, Diagnostics& problems) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!required && !std::filesystem::exists(folder, ec)) return files;
    auto listing = listDirectory(folder);
    if (!listing) {
        problems.push_back(Error{ErrorCode::FileNotFound, folder.string(), 0, "this folder cannot be read",
                                 required ? "create pages/ with at least the start page" : "check its permissions"});
        return files;
    }
    for (const auto& file : listing.value()) {
        if (file.extension() != ".toml" || !std::filesystem::is_regular_file(file, ec)) continue;
        if (!isValidId(file.stem().string())) {
            problems.push_back(Error{ErrorCode::InvalidValue, file.string(), 0,
                                     "the file name '" + file.stem().string() + "' is not a valid id",
                                     "rename it to lowercase letters, digits and '-', e.g. 'how-it-works.toml'"});
            continue;
        }
        files.push_back(file);
    }
    return files;
}

void warnUnreachable(const Pack& pack, const PackReadContext& context, Diagnostics& problems) {
    for (const Page& page : pack.pages) {
        if (context.linkedPages.count(page.id) > 0) continue;
        problems.push_back(Error{ErrorCode::Unreachable, (pack.folder / "pages" / (page.id + ".toml")).string(), 0,
                                 "no button or link leads to page '" + page.id + "'",
                                 "link to it from another page, or remove it", 0, Severity::Warning});
    }
    for (const Flow& flow : pack.flows) {
        if (context.linkedFlows.count(flow.id) > 0) continue;
        problems.push_back(Error{ErrorCode::Unreachable, (pack.folder / "flows" / (flow.id + ".toml")).string(), 0,
                                 "no button starts flow '" + flow.id + "'",
                                 "add a button with flow = \"" + flow.id + "\", or remove it", 0, Severity::Warning});
    }
}

}  // namespace

bool PackReport::hasErrors() const {
    return std::any_of(problems.begin(), problems.end(), [](const Error& e) { return !e.isWarning(); });
}

std::optional<std::array<int, 3>> parseVersion(std::string_view text) {
    std::array<int, 3> parts{};
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            if (at == end || *at != '.') return std::nullopt;
            ++at;
        }
        auto [next, error] = std::from_chars(at, end, parts[i]);
        if (error != std::errc{} || next == at || parts[i] < 0) return std::nullopt;
        at = next;
    }
    if (at != end) return std::nullopt;
    return parts;
}

PackReport loadPack(const std::filesystem::path& folder, std::string_view kioskVersion) { return loadPack(folder, kioskVersion, {}); }

PackReport loadPack(const std::filesystem::path& folder, std::string_view kioskVersion, std::string_view expectedId) {
    PackReport report;
    Pack pack;
    // Resolved once here, so every picture path can be checked against the real folder it lives in.
    std::error_code resolveError;
    pack.folder = std::filesystem::weakly_canonical(std::filesystem::absolute(folder), resolveError);
    if (resolveError) pack.folder = std::filesystem::absolute(folder).lexically_normal();
    if (!pack.folder.has_filename()) pack.folder = pack.folder.parent_path();
    Diagnostics& problems = report.problems;

    checkPackFiles(pack.folder, problems);
    if (std::any_of(problems.begin(), problems.end(), [](const Error& e) { return e.code == ErrorCode::Forbidden ||
                                                                                  e.code == ErrorCode::TooLarge; })) {
        // Nothing in a pack that carries a program or is too large is read any further.
        sortByLocation(problems);
        return report;
    }

    PackReadContext context;
    context.folder = pack.folder;
    const auto pageFiles = listIdFiles(pack.folder / "pages", true, problems);
    const auto flowFiles = listIdFiles(pack.folder / "flows", false, problems);
    for (const auto& file : pageFiles) context.pageIds.insert(file.stem().string());
    for (const auto& file : flowFiles) context.flowIds.insert(file.stem().string());

    const std::string folderName = pack.folder.filename().string();
    readManifest(pack.folder / "pack.toml", pack, context, kioskVersion, expectedId.empty() ? std::string_view(folderName) : expectedId,
                 expectedId.empty(), problems);
    for (const auto& file : pageFiles) {
        if (auto page = readPage(file, context, problems)) pack.pages.push_back(std::move(*page));
    }
    for (const auto& file : flowFiles) {
        if (auto flow = readFlow(file, context, problems)) pack.flows.push_back(std::move(*flow));
    }
    warnUnreachable(pack, context, problems);

    sortByLocation(problems);
    if (!report.hasErrors()) report.pack = std::move(pack);
    return report;
}

}  // namespace kiosk::core
