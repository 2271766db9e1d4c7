// The content pack model: what a pack on disk means, with no knowledge of how it is drawn.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/pack/blocks.hpp"
#include "core/pack/flow.hpp"
#include "core/pack/localized_text.hpp"

namespace kiosk::core {

struct Page {
    std::string id;  // the file name without ".toml"
    LocalizedText title;
    std::vector<Block> blocks;
    std::optional<SignLanguageClip> signLanguage;  // [sign_language]: the page in DGS
};

enum class PackCategory { Hub, Egov, Health };

struct Pack {
    std::string id;
    std::string version;
    std::string minKioskVersion;  // empty: any
    PackCategory category = PackCategory::Hub;
    std::vector<std::string> languages;  // the languages the authors wrote it in
    LocalizedText title;
    LocalizedText description;
    std::string startPage;
    std::filesystem::path folder;    // absolute
    std::filesystem::path tileIcon;  // absolute
    std::vector<Page> pages;
    std::vector<Flow> flows;

    const Page* findPage(std::string_view pageId) const;
    const Flow* findFlow(std::string_view flowId) const;
};

}  // namespace kiosk::core
