// Uploads decoded video frames into an SDL streaming texture.
#include "platform/video_texture.hpp"

namespace kiosk::platform {

VideoTexture::~VideoTexture() {
    if (m_texture) SDL_DestroyTexture(m_texture);
}

bool VideoTexture::show(const std::shared_ptr<const VideoFrame>& frame) {
    if (!frame || frame == m_shown) return true;
    if (!m_texture || frame->width != m_width || frame->height != m_height) {
        if (m_texture) SDL_DestroyTexture(m_texture);
        m_texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_IYUV, SDL_TEXTUREACCESS_STREAMING, frame->width,
                                      frame->height);
        if (!m_texture) {
            m_lastError = std::string("cannot make a video texture: ") + SDL_GetError();
            return false;
        }
        m_width = frame->width;
        m_height = frame->height;
    }
    if (SDL_UpdateYUVTexture(m_texture, nullptr, frame->plane(0), frame->pitch(0), frame->plane(1), frame->pitch(1),
                             frame->plane(2), frame->pitch(2)) != 0) {
        m_lastError = std::string("cannot upload a video frame: ") + SDL_GetError();
        return false;
    }
    m_shown = frame;
    ++m_uploads;
    return true;
}

}  // namespace kiosk::platform
