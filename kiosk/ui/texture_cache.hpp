// Pack images as SDL textures: decoded on first use at the size they are shown (SVGs rasterised,
// PNG and JPEG shrunk, never enlarged), evicted when unused. Main thread only: SDL textures belong to the renderer's thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk::ui {

struct Texture {
    SDL_Texture* handle = nullptr;
    int width = 0;
    int height = 0;
};

class TextureCache {
public:
    // Frames are drawn only when something changes, so the 600 frames after which an unused
    // picture goes can be many minutes of browsing: over this many bytes, the pictures used
    // longest ago go first (never one of the frame just drawn). A 1080p page's pictures take 2 to
    // 8 MiB; this keeps the last few pages' worth, and a page visited again after them costs a
    // few milliseconds of rasterising. 32 MiB held 20 pictures after every sample page once
    // (tests/bench/RESULTS.md, "Memory over visits").
    static constexpr std::size_t kBudgetBytes = 16u * 1024 * 1024;

    explicit TextureCache(SDL_Renderer* renderer);
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    // The image at `file`, for display at about `widthPx` wide; null when it cannot be decoded
    // (logged once, then remembered, so a broken file costs nothing on later frames).
    const Texture* get(const std::filesystem::path& file, int widthPx);

    // Call between frames: frees textures no frame has used for a while, and the ones used longest
    // ago while more than a budget is held (never one the last frame used).
    void collectGarbage();

    // Between frames: drops every texture, so changed files are decoded again (preview reloads).
    void clear();

    std::size_t size() const { return m_entries.size(); }
    // What the pictures held now take in the renderer, counted as 4 bytes a pixel (SDL's textures
    // here are ARGB8888): the memory benchmark's "texture memory".
    std::size_t bytes() const {
        std::size_t total = 0;
        for (const auto& [key, entry] : m_entries) total += textureBytes(entry.texture);
        return total;
    }
    static std::size_t textureBytes(const Texture& texture) {
        return static_cast<std::size_t>(texture.width) * static_cast<std::size_t>(texture.height) * 4;
    }

private:
    struct Entry {
        Texture texture;
        std::uint64_t lastUsedFrame = 0;
    };
    using Key = std::pair<std::filesystem::path, int>;

    Texture load(const std::filesystem::path& file, int widthPx) const;
    std::map<Key, Entry>::iterator evict(std::map<Key, Entry>::iterator entry);

    SDL_Renderer* m_renderer;
    std::map<Key, Entry> m_entries;
    std::uint64_t m_frame = 0;
};

}  // namespace kiosk::ui
