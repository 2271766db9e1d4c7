// Shows a VideoDecoder's frames: one SDL streaming texture in IYUV, owned and updated on the main
// thread between frames, uploaded only when a new frame came (a 1080p upload is 3 MiB of copying).
#pragma once

#include <memory>
#include <string>

#include <SDL.h>

#include "platform/video_frame.hpp"

namespace kiosk::platform {

class VideoTexture {
public:
    explicit VideoTexture(SDL_Renderer* renderer) : m_renderer(renderer) {}
    ~VideoTexture();
    VideoTexture(const VideoTexture&) = delete;
    VideoTexture& operator=(const VideoTexture&) = delete;

    // Uploads `frame` unless it is null or the frame shown already; makes the texture anew when
    // the picture's size changes. False (with SDL's message in lastError()) when SDL refuses.
    bool show(const std::shared_ptr<const VideoFrame>& frame);
    // The last frame uploaded, for drawing; null before the first.
    SDL_Texture* texture() const { return m_texture; }
    int uploads() const { return m_uploads; }
    const std::string& lastError() const { return m_lastError; }

private:
    SDL_Renderer* m_renderer;
    SDL_Texture* m_texture = nullptr;
    std::shared_ptr<const VideoFrame> m_shown;  // kept: identity tells a new frame from the same one
    int m_width = 0;
    int m_height = 0;
    int m_uploads = 0;
    std::string m_lastError;
};

}  // namespace kiosk::platform
