// The v0 pack format: manifest, pages of heading/text/image/button blocks, SVG/PNG/JPEG images.
#include "core/pack/pack_loader.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "core/util/did_you_mean.hpp"
#include "core/util/directory_listing.hpp"
#include "core/util/identifiers.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

constexpr std::array kImageExtensions{".svg"sv, ".png"sv, ".jpg"sv, ".jpeg"sv};

// `key` must be a table of language → text, e.g. title.de = "…".
LocalizedText readLocalized(const TableReader& parent, std::string_view key, bool required) {
    LocalizedText text;
    auto table = parent.table(key, required);
    if (!table) return text;
    for (const auto& [language, value] : table->raw()) {
        const std::string tag(language.str());
        if (!isValidLanguageTag(tag)) {
            table->fail(ErrorCode::InvalidValue, tag, "'" + table->qualified(tag) + "' is not a language",
                        "use language tags like de, en, uk or de-x-ls");
            continue;
        }
        if (auto s = table->string(tag, true)) {
            if (s->empty()) {
                table->fail(ErrorCode::InvalidValue, tag, "'" + table->qualified(tag) + "' is empty",
                            "write the text, or remove the line to fall back to another language");
            } else {
                text.set(tag, *s);
            }
        }
    }
    if (required && table && text.empty()) {
        parent.fail(ErrorCode::MissingKey, key, "'" + parent.qualified(key) + "' has no text",
                    "add at least de = \"…\" and en = \"…\"");
    }
    return text;
}

// A file path inside the pack: relative, no "..", an image type we decode, and present on disk.
std::filesystem::path readImagePath(const TableReader& reader, std::string_view key, const std::filesystem::path& packFolder) {
    auto value = reader.string(key, true);
    if (!value) return {};
    const std::filesystem::path relative = std::filesystem::path(*value).lexically_normal();
    if (relative.is_absolute() || relative.empty() || *relative.begin() == "..") {
        reader.fail(ErrorCode::InvalidValue, key, "'" + reader.qualified(key) + "' points outside the pack",
                    "use a path inside the pack folder, like \"images/photo.png\"");
        return {};
    }
    std::string extension = relative.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    if (std::find(kImageExtensions.begin(), kImageExtensions.end(), extension) == kImageExtensions.end()) {
        reader.fail(ErrorCode::InvalidValue, key, "'" + *value + "' is not an SVG, PNG or JPEG image",
                    "convert it to .svg, .png or .jpg");
        return {};
    }
    const std::filesystem::path absolute = packFolder / relative;
    std::error_code ec;
    // The text check above cannot see symbolic links; the resolved path must stay inside too.
    // (`packFolder` is already resolved, by loadPack.)
    const auto resolved = std::filesystem::weakly_canonical(absolute, ec).lexically_relative(packFolder);
    if (!ec && (resolved.empty() || *resolved.begin() == "..")) {
        reader.fail(ErrorCode::InvalidValue, key, "'" + *value + "' is a link to a file outside the pack",
                    "copy the image into the pack instead of linking to it");
        return {};
    }
    if (!std::filesystem::is_regular_file(absolute, ec)) {
        reader.fail(ErrorCode::BrokenReference, key, "image '" + *value + "' does not exist",
                    "add the file to the pack, or fix the name (names are case-sensitive)");
        return {};
    }
    return absolute;
}

std::optional<Block> readBlock(const TableReader& block, const std::filesystem::path& packFolder) {
    static constexpr std::array types{"heading"sv, "text"sv, "image"sv, "button"sv};
    auto type = block.string("type", true);
    if (!type) return std::nullopt;

    if (*type == "heading" || *type == "text") {
        static constexpr std::array known{"type"sv, "text"sv};
        block.rejectUnknownKeys(known);
        LocalizedText text = readLocalized(block, "text", true);
        if (*type == "heading") return HeadingBlock{std::move(text)};
        return TextBlock{std::move(text)};
    }
    if (*type == "image") {
        static constexpr std::array known{"type"sv, "src"sv, "alt"sv, "caption"sv};
        block.rejectUnknownKeys(known);
        ImageBlock image;
        image.file = readImagePath(block, "src", packFolder);
        image.alt = readLocalized(block, "alt", true);
        image.caption = readLocalized(block, "caption", false);
        return image;
    }
    if (*type == "button") {
        static constexpr std::array known{"type"sv, "id"sv, "to"sv, "label"sv};
        block.rejectUnknownKeys(known);
        ButtonBlock button;
        button.id = block.string("id", true).value_or("");
        if (!button.id.empty() && !isValidId(button.id)) {
            block.fail(ErrorCode::InvalidValue, "id", "button id '" + button.id + "' is not a valid id",
                       "use lowercase letters, digits and '-', starting with a letter");
        }
        button.targetPage = block.string("to", true).value_or("");
        button.line = block.lineOf("to");
        button.label = readLocalized(block, "label", true);
        return button;
    }
    block.fail(ErrorCode::InvalidValue, "type", "unknown block type '" + *type + "'", suggestionHint(*type, types));
    return std::nullopt;
}

std::optional<Page> readPage(const std::filesystem::path& file, const std::filesystem::path& packFolder, Diagnostics& problems) {
    Page page;
    page.id = file.stem().string();
    const std::string shownName = file.string();
    if (!isValidId(page.id)) {
        problems.push_back(Error{ErrorCode::InvalidValue, shownName, 0, "page file name '" + page.id + "' is not a valid id",
                                 "rename it to lowercase letters, digits and '-', e.g. 'how-it-works.toml'"});
        return std::nullopt;
    }
    auto parsed = parseTomlFile(file);
    if (!parsed) {
        problems.push_back(parsed.error());
        return std::nullopt;
    }
    TableReader root(parsed.value(), shownName, "", problems);
    static constexpr std::array known{"title"sv, "blocks"sv};
    root.rejectUnknownKeys(known);
    page.title = readLocalized(root, "title", true);

    const toml::array* blocks = root.array("blocks");
    if (!blocks || blocks->empty()) {
        root.fail(ErrorCode::MissingKey, "blocks", "the page has no blocks", "add at least one [[blocks]] section");
        return page;
    }
    std::set<std::string> buttonIds;
    for (std::size_t i = 0; i < blocks->size(); ++i) {
        const toml::table* table = (*blocks)[i].as_table();
        if (!table) {
            root.fail(ErrorCode::WrongType, "blocks", "'blocks' must be written as [[blocks]] sections");
            continue;
        }
        TableReader reader(*table, shownName, "blocks[" + std::to_string(i + 1) + "].", problems);
        auto block = readBlock(reader, packFolder);
        if (!block) continue;
        if (const auto* button = std::get_if<ButtonBlock>(&*block); button && !button->id.empty()) {
            if (!buttonIds.insert(button->id).second) {
                reader.fail(ErrorCode::InvalidValue, "id", "button id '" + button->id + "' is used twice on this page",
                            "give every button on a page its own id");
            }
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

void readManifest(const std::filesystem::path& manifestFile, Pack& pack, Diagnostics& problems) {
    auto parsed = parseTomlFile(manifestFile);
    if (!parsed) {
        problems.push_back(parsed.error());
        return;
    }
    const std::string shownName = manifestFile.string();
    TableReader root(parsed.value(), shownName, "", problems);
    static constexpr std::array known{"id"sv, "version"sv, "category"sv, "start_page"sv, "tile_icon"sv, "title"sv, "description"sv};
    root.rejectUnknownKeys(known);

    pack.id = root.string("id", true).value_or("");
    if (!pack.id.empty() && pack.id != pack.folder.filename().string()) {
        root.fail(ErrorCode::InvalidValue, "id", "pack id '" + pack.id + "' differs from its folder name '" +
                                                     pack.folder.filename().string() + "'",
                  "rename the folder or the id so they match");
    } else if (!pack.id.empty() && !isValidId(pack.id)) {
        root.fail(ErrorCode::InvalidValue, "id", "pack id '" + pack.id + "' is not a valid id",
                  "use lowercase letters, digits and '-', starting with a letter");
    }
    pack.version = root.string("version", true).value_or("");
    if (auto category = root.string("category", true)) {
        if (auto parsedCategory = categoryFromName(*category)) {
            pack.category = *parsedCategory;
        } else {
            static constexpr std::array categories{"egov"sv, "health"sv, "hub"sv};
            root.fail(ErrorCode::InvalidValue, "category", "unknown category '" + *category + "'",
                      suggestionHint(*category, categories));
        }
    }
    pack.startPage = root.string("start_page", true).value_or("");
    pack.startPageLine = root.lineOf("start_page");
    pack.tileIcon = readImagePath(root, "tile_icon", pack.folder);
    pack.title = readLocalized(root, "title", true);
    pack.description = readLocalized(root, "description", true);
}

// Links are checked against the page files present, not the pages that loaded: a page with a
// syntax error is reported once, not again by every link that leads to it.
void checkLinks(const Pack& pack, const std::set<std::string>& pageFiles, Diagnostics& problems) {
    const std::string manifestName = (pack.folder / "pack.toml").string();
    auto exists = [&pageFiles](const std::string& id) { return pageFiles.count(id) > 0; };
    if (!pack.startPage.empty() && !exists(pack.startPage)) {
        problems.push_back(Error{ErrorCode::BrokenReference, manifestName, pack.startPageLine,
                                 "start page '" + pack.startPage + "' does not exist",
                                 "add pages/" + pack.startPage + ".toml or fix 'start_page'"});
    }
    for (const Page& page : pack.pages) {
        for (const Block& block : page.blocks) {
            const auto* button = std::get_if<ButtonBlock>(&block);
            if (!button || button->targetPage.empty() || exists(button->targetPage)) continue;
            std::vector<std::string_view> pageIds(pageFiles.begin(), pageFiles.end());
            problems.push_back(Error{ErrorCode::BrokenReference,
                                     (pack.folder / "pages" / (page.id + ".toml")).string(), button->line,
                                     "button '" + button->id + "' leads to page '" + button->targetPage + "', which does not exist",
                                     suggestionHint(button->targetPage, pageIds)});
        }
    }
}

}  // namespace

Result<Pack, Diagnostics> loadPack(const std::filesystem::path& folder) {
    Pack pack;
    // Resolved once here, so every image path can be checked against the real folder it lives in.
    std::error_code resolveError;
    pack.folder = std::filesystem::weakly_canonical(std::filesystem::absolute(folder), resolveError);
    if (resolveError) pack.folder = std::filesystem::absolute(folder).lexically_normal();
    if (!pack.folder.has_filename()) pack.folder = pack.folder.parent_path();
    Diagnostics problems;
    readManifest(pack.folder / "pack.toml", pack, problems);

    std::vector<std::filesystem::path> pageFiles;
    if (auto listing = listDirectory(pack.folder / "pages")) {
        for (const auto& file : listing.value()) {
            std::error_code ec;
            if (file.extension() == ".toml" && std::filesystem::is_regular_file(file, ec)) pageFiles.push_back(file);
        }
    } else {
        problems.push_back(Error{ErrorCode::FileNotFound, (pack.folder / "pages").string(), 0,
                                 "the pack's 'pages' folder cannot be read", "create pages/ with at least the start page"});
    }
    std::set<std::string> pageIds;
    for (const auto& file : pageFiles) {
        pageIds.insert(file.stem().string());
        if (auto page = readPage(file, pack.folder, problems)) pack.pages.push_back(std::move(*page));
    }
    checkLinks(pack, pageIds, problems);

    sortByLocation(problems);
    if (!problems.empty()) return problems;
    return pack;
}

}  // namespace kiosk::core
