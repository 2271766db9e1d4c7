// The kiosk's window and renderer on a real screen, shared by the kiosk and its out-of-service screen.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <SDL.h>

#include "core/config/kiosk_config.hpp"

namespace kiosk::platform {

struct WindowDeleter {
    void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};

struct KioskWindow {
    std::unique_ptr<SDL_Window, WindowDeleter> window;
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer;
    std::string rendererName;
    bool fullscreen = false;
};

// Opens it (SDL's video must be initialised); nullopt and `error` saying why not.
std::optional<KioskWindow> openKioskWindow(const core::WindowConfig& config, std::string& error);

}  // namespace kiosk::platform
