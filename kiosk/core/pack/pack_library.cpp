// Scans content folders, loads each pack and keeps the ones that load cleanly.
#include "core/pack/pack_library.hpp"

#include <algorithm>

#include "core/pack/pack_loader.hpp"

namespace kiosk::core {

const Pack* PackLibrary::findPack(std::string_view packId) const {
    for (const Pack& pack : packs) {
        if (pack.id == packId) return &pack;
    }
    return nullptr;
}

PackLibrary loadPackLibrary(std::span<const std::filesystem::path> contentFolders) {
    PackLibrary library;
    for (const auto& folder : contentFolders) {
        std::error_code ec;
        std::vector<std::filesystem::path> packFolders;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
            if (entry.is_directory() && std::filesystem::exists(entry.path() / "pack.toml")) packFolders.push_back(entry.path());
        }
        if (ec) {
            library.problems.push_back(Error{ErrorCode::FileNotFound, folder.string(), 0,
                                             "content folder cannot be read: " + ec.message(),
                                             "check 'content.folders' in the config or the --content flag"});
            continue;
        }
        std::sort(packFolders.begin(), packFolders.end());
        for (const auto& packFolder : packFolders) {
            auto pack = loadPack(packFolder);
            if (!pack) {
                for (const auto& e : pack.error()) library.problems.push_back(e);
                continue;
            }
            if (library.findPack(pack.value().id)) {
                library.problems.push_back(Error{ErrorCode::InvalidValue, packFolder.string(), 0,
                                                 "a pack with id '" + pack.value().id + "' was already loaded from another folder",
                                                 "remove one of the two copies"});
                continue;
            }
            library.packs.push_back(std::move(pack).value());
        }
    }
    std::stable_sort(library.packs.begin(), library.packs.end(), [](const Pack& a, const Pack& b) {
        if (a.category != b.category) return a.category < b.category;
        return a.id < b.id;
    });
    return library;
}

}  // namespace kiosk::core
