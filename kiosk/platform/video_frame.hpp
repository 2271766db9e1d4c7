// One decoded video picture, in the layout of an SDL streaming texture of SDL_PIXELFORMAT_IYUV.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk::platform {

// IYUV (planar 4:2:0: Y, then U, then V) rather than RGBA: 1.5 instead of 4 bytes a pixel, so four
// buffered 1080p frames take 12 MiB, not 32, and the decoders' own output (yuv420p for H.264 and VP9)
// needs no colour conversion; SDL's renderers, the software one included, draw it directly.
struct VideoFrame {
    double time = 0.0;  // presentation time in seconds from the stream's first frame
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // the three planes one after another, rows without padding

    int chromaWidth() const { return (width + 1) / 2; }
    int chromaHeight() const { return (height + 1) / 2; }
    std::size_t lumaBytes() const { return static_cast<std::size_t>(width) * static_cast<std::size_t>(height); }
    std::size_t chromaBytes() const {
        return static_cast<std::size_t>(chromaWidth()) * static_cast<std::size_t>(chromaHeight());
    }
    std::uint8_t* plane(int index) {
        return pixels.data() + (index == 0 ? 0 : lumaBytes() + (index == 2 ? chromaBytes() : 0));
    }
    const std::uint8_t* plane(int index) const { return const_cast<VideoFrame*>(this)->plane(index); }
    int pitch(int index) const { return index == 0 ? width : chromaWidth(); }
    void allocate(int w, int h) {
        width = w;
        height = h;
        pixels.resize(lumaBytes() + 2 * chromaBytes());
    }
};

}  // namespace kiosk::platform
