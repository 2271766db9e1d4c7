#include "platform/kiosk_window.hpp"

#include "core/util/log.hpp"

namespace kiosk::platform {

std::optional<KioskWindow> openKioskWindow(const core::WindowConfig& config, std::string& error) {
    KioskWindow kiosk;
    kiosk.fullscreen = config.mode == core::WindowMode::Fullscreen;
    const Uint32 windowFlags = kiosk.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    // Fullscreen starts out covering the first display exactly: on X without a window manager
    // (a bare xinit kiosk) nobody else moves it there, and a centred window would hang off-screen.
    SDL_Rect bounds{static_cast<int>(SDL_WINDOWPOS_CENTERED), static_cast<int>(SDL_WINDOWPOS_CENTERED), config.width, config.height};
    if (kiosk.fullscreen && SDL_GetDisplayBounds(0, &bounds) != 0) {
        core::logWarning("display", std::string("cannot read the display's size: ") + SDL_GetError());
    }
    kiosk.window.reset(SDL_CreateWindow("Showroom Kiosk", bounds.x, bounds.y, bounds.w, bounds.h, windowFlags));
    if (!kiosk.window) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return std::nullopt;
    }
    // A GPU renderer where there is one; SDL's software renderer where the driver fails.
    kiosk.renderer.reset(SDL_CreateRenderer(kiosk.window.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
    if (!kiosk.renderer) kiosk.renderer.reset(SDL_CreateRenderer(kiosk.window.get(), -1, SDL_RENDERER_SOFTWARE));
    if (!kiosk.renderer) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return std::nullopt;
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(kiosk.renderer.get(), &info);
    kiosk.rendererName = info.name != nullptr ? info.name : "?";
    if (kiosk.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    return kiosk;
}

}  // namespace kiosk::platform
