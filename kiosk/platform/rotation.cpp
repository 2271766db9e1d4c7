// Rotation by SDL_RenderCopyEx: one full-screen copy per frame, only for rotated screens.
#include "platform/rotation.hpp"

#include <string>

#include <SDL.h>

#include "core/util/log.hpp"

namespace kiosk::platform {

ImVec2 windowToLogical(int degrees, float w, float h, ImVec2 p) {
    switch (degrees) {
        case 90: return ImVec2(p.y, w - p.x);  // the UI's top edge runs down the window's right side
        case 180: return ImVec2(w - p.x, h - p.y);
        case 270: return ImVec2(h - p.y, p.x);
        default: return p;
    }
}

RotatedCanvas::RotatedCanvas(SDL_Renderer* renderer, int degrees, int windowWidth, int windowHeight)
    : m_renderer(renderer), m_degrees(degrees), m_windowWidth(windowWidth), m_windowHeight(windowHeight) {
    if (m_degrees == 0) return;
    const ImVec2 size = logicalSize();
    m_target = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                 static_cast<int>(size.x), static_cast<int>(size.y));
    if (!m_target) {
        core::logError("display", std::string("cannot rotate the screen (") + SDL_GetError() +
                                      "); drawing unrotated. Set window.rotation = 0 or use the display's own rotation.");
        m_degrees = 0;
    }
}

RotatedCanvas::~RotatedCanvas() {
    if (m_target) SDL_DestroyTexture(m_target);
}

ImVec2 RotatedCanvas::logicalSize() const {
    const auto w = static_cast<float>(m_windowWidth);
    const auto h = static_cast<float>(m_windowHeight);
    return (m_degrees == 90 || m_degrees == 270) ? ImVec2(h, w) : ImVec2(w, h);
}

ImVec2 RotatedCanvas::toLogical(float x, float y) const {
    return windowToLogical(m_degrees, static_cast<float>(m_windowWidth), static_cast<float>(m_windowHeight), ImVec2(x, y));
}

void RotatedCanvas::beginFrame() {
    if (m_target) SDL_SetRenderTarget(m_renderer, m_target);
}

void RotatedCanvas::present() {
    if (m_target) {
        SDL_SetRenderTarget(m_renderer, nullptr);
        SDL_SetRenderDrawColor(m_renderer, 0, 0, 0, 255);
        SDL_RenderClear(m_renderer);
        const ImVec2 size = logicalSize();
        const SDL_Rect destination{(m_windowWidth - static_cast<int>(size.x)) / 2,
                                   (m_windowHeight - static_cast<int>(size.y)) / 2, static_cast<int>(size.x),
                                   static_cast<int>(size.y)};
        SDL_RenderCopyEx(m_renderer, m_target, nullptr, &destination, m_degrees, nullptr, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(m_renderer);
}

}  // namespace kiosk::platform
