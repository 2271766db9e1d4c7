// Real SDL events for tests of the real window loop (SDL's dummy video driver): finding the
// kiosk's window and queueing input as a touch screen sends it.
#pragma once

#include <string>

#include <SDL.h>
#include <doctest/doctest.h>

namespace kiosk::test {

// The loop owns its window; a test finds it by title to address its events and read its flags.
// Window ids start at 1 for each SDL_Init, so a short search is enough.
inline SDL_Window* findKioskWindow() {
    for (Uint32 id = 1; id < 64; ++id) {
        SDL_Window* window = SDL_GetWindowFromID(id);
        if (window != nullptr && std::string(SDL_GetWindowTitle(window)) == "Showroom Kiosk") return window;
    }
    return nullptr;
}

inline void push(SDL_Event event) {
    // 1: queued. 0 would mean an event filter dropped it, which would make the test prove nothing.
    REQUIRE(SDL_PushEvent(&event) == 1);
}

inline SDL_Event finger(Uint32 type, SDL_FingerID id, float x, float y, Uint32 windowId) {
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = id;
    event.tfinger.x = x;  // normalised to the touch surface, 0..1
    event.tfinger.y = y;
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    event.tfinger.windowID = windowId;
    return event;
}

}  // namespace kiosk::test
