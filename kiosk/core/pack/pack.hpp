// The content pack model: what a pack on disk means, with no knowledge of how it is drawn.
#pragma once

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "core/pack/localized_text.hpp"

namespace kiosk::core {

struct HeadingBlock {
    LocalizedText text;
};

// Plain paragraphs, separated by blank lines in the source.
struct TextBlock {
    LocalizedText text;
};

struct ImageBlock {
    std::filesystem::path file;  // absolute
    LocalizedText alt;           // required: read aloud and shown when the image cannot be drawn
    LocalizedText caption;
};

// A link to another page of the same pack.
struct ButtonBlock {
    std::string id;
    std::string targetPage;
    LocalizedText label;
    int line = 0;  // of `to` in the page file, for errors about the link
};

using Block = std::variant<HeadingBlock, TextBlock, ImageBlock, ButtonBlock>;

struct Page {
    std::string id;  // the file name without ".toml"
    LocalizedText title;
    std::vector<Block> blocks;
};

enum class PackCategory { Hub, Egov, Health };

struct Pack {
    std::string id;
    std::string version;
    PackCategory category = PackCategory::Hub;
    LocalizedText title;
    LocalizedText description;
    std::string startPage;
    int startPageLine = 0;  // in pack.toml, for errors about the start page
    std::filesystem::path folder;    // absolute
    std::filesystem::path tileIcon;  // absolute
    std::vector<Page> pages;

    const Page* findPage(std::string_view pageId) const;
};

}  // namespace kiosk::core
