// Decoding through SDL2_image: SVG rasterised by nanosvg at display size, PNG and JPEG shrunk to it.
#include "ui/texture_cache.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include "core/util/log.hpp"
#include "ui/picture_scaling.hpp"

namespace kiosk::ui {
namespace {

// Frames an image may go unused before its texture is freed. Pages come back often while a
// visitor browses; a few seconds of frames keeps them without holding every image forever.
constexpr std::uint64_t kUnusedFramesBeforeEviction = 600;

// Widths are rounded up so a window resize does not rasterise an SVG again for every pixel.
int bucketWidth(int widthPx) { return ((std::max(widthPx, 1) + 127) / 128) * 128; }

bool isSvg(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".svg";
}

}  // namespace

TextureCache::TextureCache(SDL_Renderer* renderer) : m_renderer(renderer) {}

TextureCache::~TextureCache() {
    for (auto& [key, entry] : m_entries) {
        if (entry.texture.handle) SDL_DestroyTexture(entry.texture.handle);
    }
}

Texture TextureCache::load(const std::filesystem::path& file, int widthPx) const {
    SDL_Surface* surface = nullptr;
    if (isSvg(file)) {
        if (SDL_RWops* rw = SDL_RWFromFile(file.c_str(), "rb")) {
            surface = IMG_LoadSizedSVG_RW(rw, widthPx, 0);  // height follows the aspect ratio
            SDL_RWclose(rw);
        }
    } else if (SDL_Surface* decoded = IMG_Load(file.c_str())) {
        surface = shrinkToWidth(decoded, widthPx);
        if (surface != decoded) SDL_FreeSurface(decoded);
    }
    if (!surface) {
        core::logError("textures", "cannot decode image " + file.string() + ": " + IMG_GetError() +
                                       " (re-save it as PNG, JPEG or plain SVG)");
        return {};
    }
    Texture texture{SDL_CreateTextureFromSurface(m_renderer, surface), surface->w, surface->h};
    SDL_FreeSurface(surface);
    if (!texture.handle) {
        core::logError("textures", "cannot create texture for " + file.string() + ": " + SDL_GetError());
        return {};
    }
    return texture;
}

const Texture* TextureCache::get(const std::filesystem::path& file, int widthPx) {
    const Key key{file, bucketWidth(widthPx)};
    auto it = m_entries.find(key);
    if (it == m_entries.end()) it = m_entries.emplace(key, Entry{load(file, key.second), 0}).first;
    it->second.lastUsedFrame = m_frame;
    return it->second.texture.handle ? &it->second.texture : nullptr;
}

void TextureCache::collectGarbage() {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (m_frame - it->second.lastUsedFrame > kUnusedFramesBeforeEviction) {
            it = evict(it);
        } else {
            ++it;
        }
    }
    for (std::size_t held = bytes(); held > kBudgetBytes;) {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->second.lastUsedFrame == m_frame) continue;  // on screen now
            if (oldest == m_entries.end() || it->second.lastUsedFrame < oldest->second.lastUsedFrame) oldest = it;
        }
        if (oldest == m_entries.end()) break;  // all on screen: nothing may go
        held -= textureBytes(oldest->second.texture);
        evict(oldest);
    }
    ++m_frame;
}

std::map<TextureCache::Key, TextureCache::Entry>::iterator TextureCache::evict(std::map<Key, Entry>::iterator entry) {
    if (entry->second.texture.handle) SDL_DestroyTexture(entry->second.texture.handle);
    return m_entries.erase(entry);
}

void TextureCache::clear() {
    for (auto& [key, entry] : m_entries) {
        if (entry.texture.handle) SDL_DestroyTexture(entry.texture.handle);
    }
    m_entries.clear();
}

}  // namespace kiosk::ui
