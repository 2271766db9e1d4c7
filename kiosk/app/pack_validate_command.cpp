// `kiosk pack validate`: what an author runs before publishing, and what CI runs on content/.
#include <algorithm>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "app/exit_codes.hpp"
#include "app/pack_commands.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/directory_listing.hpp"

namespace kiosk::app {
namespace {

struct PackResult {
    std::string shownPath;  // as the author typed it, so messages point where they look
    core::PackReport report;
    std::size_t errors = 0;
    std::size_t warnings = 0;
};

bool isPackFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    return std::filesystem::is_regular_file(folder / "pack.toml", ec);
}

// Messages name files by their resolved path; authors gave a shorter one.
void showPathsAsGiven(core::Diagnostics& problems, const std::filesystem::path& given) {
    std::error_code ec;
    const std::string resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(given), ec).string();
    std::string shown = given.lexically_normal().string();
    if (shown.size() > 1 && shown.back() == '/') shown.pop_back();
    if (ec || resolved.empty()) return;
    for (core::Error& problem : problems) {
        if (problem.file.starts_with(resolved)) problem.file = shown + problem.file.substr(resolved.size());
    }
}

// German without Leichte Sprache leaves out the visitors who read little: a public body's content
// should have both (BITV 2.0 asks for it). Only here, for authors: a kiosk shows such a pack
// without complaint, with the German texts for a visitor who chose Leichte Sprache.
void warnAboutMissingEasyLanguage(core::PackReport& report, const std::filesystem::path& folder) {
    if (!report.pack) return;
    const auto& languages = report.pack->languages;
    const auto has = [&](std::string_view tag) { return std::find(languages.begin(), languages.end(), tag) != languages.end(); };
    if (!has("de") || has("de-x-ls")) return;
    report.problems.push_back(core::Error{core::ErrorCode::MissingTranslation, (folder / "pack.toml").string(), 0,
                                          "the pack is in German but not in Leichte Sprache (de-x-ls)",
                                          "add \"de-x-ls\" to 'languages' and a Leichte Sprache text next to each German one; "
                                          "until then visitors who chose Leichte Sprache read the German texts",
                                          0, core::Severity::Warning});
}

// A page's sign-language clip marked as a stand-in: the DGS version is still to be filmed. Only
// here, for authors, like the warning above: the kiosk shows the stand-in with a badge.
void warnAboutSignLanguagePlaceholders(core::PackReport& report, const std::filesystem::path& folder) {
    if (!report.pack) return;
    for (const core::Page& page : report.pack->pages) {
        if (!page.signLanguage || !page.signLanguage->placeholder) continue;
        const std::filesystem::path clip = page.signLanguage->clip.clip.lexically_relative(report.pack->folder);
        report.problems.push_back(core::Error{core::ErrorCode::InvalidValue, (folder / "pages" / (page.id + ".toml")).string(), 0,
                                              "the sign-language clip is a placeholder",
                                              "when the DGS version of this page is filmed, put it in '" + clip.string() +
                                                  "' and remove 'placeholder = true' from [sign_language]",
                                              0, core::Severity::Warning});
    }
}

PackResult validateOne(const std::filesystem::path& folder) {
    PackResult result;
    result.shownPath = folder.lexically_normal().string();
    if (result.shownPath.size() > 1 && result.shownPath.back() == '/') result.shownPath.pop_back();
    result.report = core::loadPack(folder);
    warnAboutMissingEasyLanguage(result.report, folder);
    warnAboutSignLanguagePlaceholders(result.report, folder);
    showPathsAsGiven(result.report.problems, folder);
    for (const auto& problem : result.report.problems) (problem.isWarning() ? result.warnings : result.errors)++;
    return result;
}

nlohmann::json toJson(const core::Error& e) {
    return {{"file", e.file},       {"line", e.line},
            {"column", e.column},   {"severity", e.isWarning() ? "warning" : "error"},
            {"message", e.message}, {"hint", e.hint}};
}

// A pack's errors first, then its warnings, each in file:line order: the errors are what keeps
// the pack off the screen, and an author should not have to find them among many warnings.
void printErrorsThenWarnings(const core::Diagnostics& problems) {
    for (const bool warnings : {false, true}) {
        for (const auto& problem : problems) {
            if (problem.isWarning() == warnings) std::printf("%s\n", problem.describe().c_str());
        }
    }
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int packValidateCommand(const PackValidateOptions& options) {
    std::vector<std::filesystem::path> packFolders;
    core::Diagnostics otherProblems;  // about the paths themselves, not inside a pack
    for (const auto& path : options.paths) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            std::fprintf(stderr, "kiosk pack validate: '%s' does not exist\n", path.c_str());
            return kExitUsage;
        }
        if (std::filesystem::is_regular_file(path, ec)) {
            // `content/*` also names the READMEs next to the packs; only a manifest counts.
            if (path.filename() == "pack.toml") packFolders.push_back(path.parent_path().empty() ? "." : path.parent_path());
            continue;
        }
        if (isPackFolder(path)) {
            packFolders.push_back(path);
            continue;
        }
        auto listing = core::listDirectory(path);
        bool foundPack = false;
        for (const auto& entry : listing ? listing.value() : std::vector<std::filesystem::path>{}) {
            if (!std::filesystem::is_directory(entry, ec)) continue;
            if (isPackFolder(entry)) {
                packFolders.push_back(entry);
                foundPack = true;
            } else {
                otherProblems.push_back(core::Error{core::ErrorCode::FileNotFound, (entry / "pack.toml").string(), 0,
                                                    "this folder has no pack.toml, so the kiosk would not show it",
                                                    "every pack needs pack.toml at its top; move other folders elsewhere"});
            }
        }
        if (!foundPack && otherProblems.empty()) {
            otherProblems.push_back(core::Error{core::ErrorCode::FileNotFound, path.string(), 0,
                                                "this is neither a pack (no pack.toml) nor a folder of packs",
                                                "give the pack's folder, e.g. content/address-change"});
        }
    }
    if (packFolders.empty() && otherProblems.empty()) {
        std::fprintf(stderr, "kiosk pack validate: none of the paths is a pack folder or a folder of packs\n");
        return kExitUsage;
    }

    std::vector<PackResult> results;
    std::set<std::string> ids;
    for (const auto& folder : packFolders) {
        results.push_back(validateOne(folder));
        const auto& pack = results.back().report.pack;
        if (pack && !ids.insert(pack->id).second) {
            results.back().report.problems.push_back(core::Error{core::ErrorCode::InvalidValue, results.back().shownPath, 0,
                                                                 "another pack given has the same id '" + pack->id + "'",
                                                                 "pack ids must be unique; rename one"});
            ++results.back().errors;
        }
    }

    bool valid = otherProblems.empty();
    for (const auto& result : results) valid = valid && result.errors == 0;
    if (options.json) {
        nlohmann::json out{{"valid", valid}, {"packs", nlohmann::json::array()}, {"problems", nlohmann::json::array()}};
        for (const auto& problem : otherProblems) out["problems"].push_back(toJson(problem));
        for (const auto& result : results) {
            const auto& pack = result.report.pack;
            out["packs"].push_back({{"path", result.shownPath},
                                    {"id", pack ? pack->id : ""},
                                    {"version", pack ? pack->version : ""},
                                    {"valid", result.errors == 0},
                                    {"errors", result.errors},
                                    {"warnings", result.warnings}});
            for (const auto& problem : result.report.problems) out["problems"].push_back(toJson(problem));
        }
        std::printf("%s\n", out.dump(2).c_str());
        return valid ? kExitOk : kExitFailure;
    }

    for (const auto& problem : otherProblems) std::printf("%s\n", problem.describe().c_str());
    std::size_t totalWarnings = 0, invalidPacks = 0;
    for (const auto& result : results) {
        printErrorsThenWarnings(result.report.problems);
        totalWarnings += result.warnings;
        if (result.errors > 0) ++invalidPacks;
    }
    for (const auto& result : results) {
        const auto& pack = result.report.pack;
        std::printf("%s: %s", result.shownPath.c_str(),
                    result.errors == 0 ? "valid" : (plural(result.errors, "error") + ", not shown by the kiosk").c_str());
        if (result.warnings > 0) std::printf(", %s", plural(result.warnings, "warning").c_str());
        if (pack) {
            std::printf(" (%s %s, %s, %s)", pack->id.c_str(), pack->version.c_str(), plural(pack->pages.size(), "page").c_str(),
                        plural(pack->flows.size(), "flow").c_str());
        }
        std::printf("\n");
    }
    std::printf("%s checked: %zu valid, %zu with errors, %s.\n", plural(results.size(), "pack").c_str(),
                results.size() - invalidPacks, invalidPacks, plural(totalWarnings, "warning").c_str());
    return valid ? kExitOk : kExitFailure;
}

}  // namespace kiosk::app
