// SDL start-up: the hints decide how the kiosk reacts to the window manager and to signals.
#include "platform/sdl_runtime.hpp"

#include <cstdlib>

#include <string_view>

#include <SDL.h>
#include <SDL_image.h>

namespace kiosk::platform {
namespace {

std::string noDisplayAdvice() {
    const bool noX = std::getenv("DISPLAY") == nullptr;
    const bool noWayland = std::getenv("WAYLAND_DISPLAY") == nullptr;
    std::string advice;
    if (noX && noWayland) advice = "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). ";
    return advice +
           "To see the kiosk on a machine without a screen, run it under a virtual display: "
           "xvfb-run -a -s '-screen 0 1920x1080x24' kiosk --windowed, "
           "or render a picture of it: kiosk screenshot --size 1920x1080 --out home.png";
}

}  // namespace

SdlRuntime::SdlRuntime(VideoTarget target) {
    if (target == VideoTarget::Headless) SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    // Closing the window (Alt+F4, a window manager's close button) must not quit by itself: only
    // the loop decides, and in fullscreen it refuses. SIGTERM and SIGINT still arrive as SDL_QUIT.
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    // A fullscreen kiosk that minimises when focus moves would leave a visitor at the desktop.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // The first tap on an unfocused window is a tap, not just a focus change.
    SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "linear");
    // Only video: joystick and sensor subsystems make SDL poll for events instead of sleeping.
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        m_error = std::string("cannot start SDL video: ") + SDL_GetError() + ". ";
        if (target == VideoTarget::Display) m_error += noDisplayAdvice();
        return;
    }
    // On X11, SDL's software renderer (SDL_RENDER_DRIVER=software, or the fallback without a GPU)
    // draws straight into the window's shared memory. Otherwise SDL shows each of its frames
    // through an OpenGL texture, loading Mesa just for that: 70 ms of start-up and about 50 MiB
    // under Xvfb (tests/bench/RESULTS.md, "Start-up"). Only on X11: Wayland and KMS give SDL no
    // window memory of their own, so there the texture is the only way (and the GPU renderer
    // never asks). SDL reads the hint at the first window surface, after this.
    if (std::string_view(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "") == "x11") {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    const int formats = IMG_INIT_PNG | IMG_INIT_JPG;
    if ((IMG_Init(formats) & formats) != formats) {
        m_error = std::string("cannot start SDL_image for PNG and JPEG: ") + IMG_GetError() +
                  ". Install libsdl2-image-2.0-0 (deploy/install-deps.sh).";
    }
}

SdlRuntime::~SdlRuntime() {
    IMG_Quit();
    SDL_Quit();
}

}  // namespace kiosk::platform

