// All packs the kiosk shows, loaded from its content folders; broken packs are reported and left out.
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "core/pack/pack.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

struct PackLibrary {
    std::vector<Pack> packs;  // in home-screen order: hub, e-government, health; then by id
    Diagnostics problems;     // every pack that was left out, and why; warnings about the others

    const Pack* findPack(std::string_view packId) const;
};

// Every sub-folder of a content folder with a pack.toml is a pack, and so is each of
// `installedPacks` (synced, in packs/<id>/<version>/). A broken pack never hides the good ones.
PackLibrary loadPackLibrary(std::span<const std::filesystem::path> contentFolders,
                            std::span<const std::filesystem::path> installedPacks = {});

}  // namespace kiosk::core
