// Scans content folders, loads each pack and keeps the ones that load cleanly.
#include "core/pack/pack_library.hpp"

#include <algorithm>

#include "core/pack/pack_loader.hpp"
#include "core/util/directory_listing.hpp"

namespace kiosk::core {

const Pack* PackLibrary::findPack(std::string_view packId) const {
    for (const Pack& pack : packs) {
        if (pack.id == packId) return &pack;
    }
    return nullptr;
}

PackLibrary loadPackLibrary(std::span<const std::filesystem::path> contentFolders, std::span<const std::filesystem::path> installedPacks) {
    PackLibrary library;
    for (const auto& folder : contentFolders) {
        auto listing = listDirectory(folder);
        if (!listing) {
            Error error = listing.error();
            error.hint = "check 'content.folders' in the config or the --content flag";
            library.problems.push_back(std::move(error));
            continue;
        }
        std::vector<std::filesystem::path> packFolders;
        for (const auto& entry : listing.value()) {
            std::error_code ec;
            if (!std::filesystem::is_directory(entry, ec)) {
                // Loose files (a README) are fine; a link to something that is gone is a lost pack.
                if (ec) {
                    library.problems.push_back(Error{ErrorCode::FileUnreadable, entry.string(), 0,
                                                     "cannot read this entry: " + ec.message(),
                                                     "fix or remove the link, or check the permissions"});
                }
                continue;
            }
            if (std::filesystem::is_regular_file(entry / "pack.toml", ec)) {
                packFolders.push_back(entry);
            } else {
                // libstdc++ reports a missing file through `ec` too; that case is the common one.
                const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
                library.problems.push_back(Error{ErrorCode::FileNotFound, (entry / "pack.toml").string(), 0,
                                                 missing ? "this folder has no pack.toml, so it is not shown"
                                                         : "cannot read the pack's manifest: " + ec.message(),
                                                 "every pack needs pack.toml at its top (in lowercase); "
                                                 "move folders that are not packs out of the content folder"});
            }
        }
        for (const auto& packFolder : packFolders) {
            PackReport report = loadPack(packFolder);
            library.problems.insert(library.problems.end(), report.problems.begin(), report.problems.end());
            if (!report.pack) continue;
            if (library.findPack(report.pack->id)) {
                library.problems.push_back(Error{ErrorCode::InvalidValue, packFolder.string(), 0,
                                                 "a pack with id '" + report.pack->id + "' was already loaded from another folder",
                                                 "remove one of the two copies"});
                continue;
            }
            library.packs.push_back(std::move(*report.pack));
        }
    }
    // Synced packs after the operator's folders: a pack an operator put there on purpose wins.
    for (const auto& installed : installedPacks) {
        const std::string id = installed.parent_path().filename().string();
        PackReport report = loadPack(installed, KIOSK_VERSION, id);
        library.problems.insert(library.problems.end(), report.problems.begin(), report.problems.end());
        if (!report.pack) continue;
        if (library.findPack(id)) {
            library.problems.push_back(Error{ErrorCode::InvalidValue, installed.string(), 0,
                                             "the synced pack '" + id + "' is not shown: a content folder holds a pack with that id",
                                             "remove the copy from the content folder to show the synced one"});
            continue;
        }
        library.packs.push_back(std::move(*report.pack));
    }
    std::stable_sort(library.packs.begin(), library.packs.end(), [](const Pack& a, const Pack& b) {
        if (a.category != b.category) return a.category < b.category;
        return a.id < b.id;
    });
    return library;
}

}  // namespace kiosk::core
