#include "platform/sdl_audio.hpp"

#include <mutex>

#include <SDL.h>

namespace kiosk::platform {
namespace {

std::mutex& audioStarts() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace

std::string startSdlAudio() {
    const std::lock_guard lock(audioStarts());
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return SDL_GetError();
    return {};
}

void stopSdlAudio() {
    const std::lock_guard lock(audioStarts());
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

}  // namespace kiosk::platform
