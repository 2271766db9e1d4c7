#include "soak_catalog.hpp"

#include <chrono>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "core/sync/catalog_publisher.hpp"
#include "core/util/clock.hpp"

namespace kiosk::soak {
namespace {

void writeText(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// nginx's ETag is the file's mtime in seconds and its size: a catalog rewritten within the same
// second at the same size would look unchanged to the kiosk. Each publication moves it a second on.
void markChanged(const std::filesystem::path& file, int publication) {
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() + std::chrono::seconds(publication));
}

}  // namespace

SoakCatalog::SoakCatalog(const std::vector<std::filesystem::path>& packs, const std::filesystem::path& folder)
    : m_server("location /kiosk/ { }"), m_folder(folder) {
    if (packs.empty()) throw std::invalid_argument("the soak catalog needs a pack");
    std::filesystem::create_directories(m_folder / "publisher");
    for (const auto& pack : packs) {
        const auto copy = m_folder / "publisher" / pack.filename();
        std::filesystem::copy(pack, copy, std::filesystem::copy_options::recursive);
        m_packFolders.push_back(copy);
    }
    m_originalTile = test::readFile(m_packFolders.front() / "images" / "tile.svg");
    if (m_originalTile.find("</svg>") == std::string::npos) throw std::runtime_error(packs.front().string() + " has no images/tile.svg");

    m_source.name = "hub";
    m_source.url = m_server.url("/kiosk/");
    m_source.initialRoot = m_folder / "root.json";
    writeText(m_source.initialRoot, m_keys.rootBytes);
}

std::string SoakCatalog::republish() {
    ++m_published;
    const auto& pack = m_packFolders.front();
    const auto manifest = pack / "pack.toml";
    const std::string text = test::readFile(manifest);
    static const std::regex version(R"(\nversion = "[^"]*")");
    if (!std::regex_search(text, version)) return manifest.string() + " has no version line";
    writeText(manifest, std::regex_replace(text, version, "\nversion = \"1.0." + std::to_string(m_published) + "\"",
                                           std::regex_constants::format_first_only));
    // The two looks: the sample's tile, and the same with a white ring drawn over it.
    std::string tile = m_originalTile;
    if (m_published % 2 == 0) {
        tile.insert(tile.rfind("</svg>"), "<circle cx=\"128\" cy=\"128\" r=\"100\" fill=\"none\" stroke=\"#fff\" stroke-width=\"6\"/>");
    }
    writeText(pack / "images" / "tile.svg", tile);

    core::PublishRequest request;
    request.packFolders = m_packFolders;
    request.key = &m_keys.catalogKey;
    request.rootBytes = m_keys.rootBytes;
    request.root = m_keys.root;
    request.out = m_server.root() / "kiosk";
    request.now = core::SystemWallClock().now();
    auto catalog = core::publishCatalog(request);
    if (!catalog.ok()) return catalog.error().describe();
    markChanged(request.out / "index.json", m_published);
    return {};
}

}  // namespace kiosk::soak
