#include "platform/kiosk_window.hpp"

#include "core/util/log.hpp"

namespace kiosk::platform {

std::optional<KioskWindow> openKioskWindow(const core::WindowConfig& config, std::string& error) {
    KioskWindow kiosk;
    kiosk.fullscreen = config.mode == core::WindowMode::Fullscreen;
    // Borderless too: SDL 2.26 on Wayland then never switches to drawing its own decorations
    // (libdecor), which unmaps the window and leaves a compositor that asks for them black.
    const Uint32 windowFlags = kiosk.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS : SDL_WINDOW_RESIZABLE;
    // Fullscreen starts out covering the first display exactly: on X without a window manager
    // (a bare xinit kiosk) nobody else moves it there, and a centred window would hang off-screen.
    SDL_Rect bounds{static_cast<int>(SDL_WINDOWPOS_CENTERED), static_cast<int>(SDL_WINDOWPOS_CENTERED), config.width, config.height};
    if (kiosk.fullscreen && SDL_GetDisplayBounds(0, &bounds) != 0) {
        core::logWarning("display", std::string("cannot read the display's size: ") + SDL_GetError());
    }
    kiosk.window.reset(SDL_CreateWindow("Showroom Kiosk", bounds.x, bounds.y, bounds.w, bounds.h, windowFlags));
    if (!kiosk.window) {
        const std::string why = SDL_GetError();
        error = "cannot open a window: " + why;
        // On Wayland SDL draws only through EGL, even with its software renderer.
        if (why.find("EGL") != std::string::npos) error += " (install Mesa's drivers: apt-get install libegl1 libgl1-mesa-dri)";
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
