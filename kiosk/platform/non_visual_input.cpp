// SDL reports a touch twice, as a finger and as a made-up mouse: the mode takes the finger, and a
// mouse only when it is a real one (SDL_TOUCH_MOUSEID marks the made-up ones).
#include "platform/non_visual_input.hpp"

#include <optional>

#include <SDL.h>

#include "platform/rotation.hpp"
#include "ui/non_visual_mode.hpp"

namespace kiosk::platform {
namespace {

core::FingerEvent::Kind fingerKind(Uint32 type) {
    if (type == SDL_FINGERDOWN || type == SDL_MOUSEBUTTONDOWN) return core::FingerEvent::Kind::Down;
    if (type == SDL_FINGERUP || type == SDL_MOUSEBUTTONUP) return core::FingerEvent::Kind::Up;
    return core::FingerEvent::Kind::Move;
}

// The key's meaning for the mode, if it has one now.
std::optional<ui::NonVisualCommand> commandOf(const SDL_KeyboardEvent& key, bool active, bool typing) {
    const SDL_Keycode code = key.keysym.sym;
    if (code == SDLK_F1) return ui::NonVisualCommand::Toggle;
    if (!active) return std::nullopt;
    if (code == SDLK_TAB) return (key.keysym.mod & KMOD_SHIFT) != 0 ? ui::NonVisualCommand::Previous : ui::NonVisualCommand::Next;
    if (typing) return std::nullopt;
    switch (code) {
        case SDLK_RIGHT: case SDLK_DOWN: case SDLK_KP_6: case SDLK_KP_2: return ui::NonVisualCommand::Next;
        case SDLK_LEFT: case SDLK_UP: case SDLK_KP_4: case SDLK_KP_8: return ui::NonVisualCommand::Previous;
        case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: case SDLK_KP_5: return ui::NonVisualCommand::Activate;
        default: return std::nullopt;
    }
}

}  // namespace

bool routeToNonVisualMode(const SDL_Event& event, ui::NonVisualMode& mode, const RotatedCanvas& canvas, int windowWidth,
                          int windowHeight, bool typing, core::TimePoint now) {
    const bool active = mode.active();
    switch (event.type) {
        case SDL_FINGERDOWN: case SDL_FINGERMOTION: case SDL_FINGERUP: {
            const ImVec2 at = canvas.toLogical(event.tfinger.x * static_cast<float>(windowWidth),
                                               event.tfinger.y * static_cast<float>(windowHeight));
            mode.fingerEvent(core::FingerEvent{fingerKind(event.type), static_cast<std::int64_t>(event.tfinger.fingerId) + 1,
                                               at.x, at.y, now});
            return active;
        }
        case SDL_MOUSEMOTION:
            if (event.motion.which == SDL_TOUCH_MOUSEID) return active;
            if ((event.motion.state & SDL_BUTTON_LMASK) != 0) {
                const ImVec2 at = canvas.toLogical(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
                mode.fingerEvent(core::FingerEvent{core::FingerEvent::Kind::Move, 0, at.x, at.y, now});
            }
            return active;
        case SDL_MOUSEBUTTONDOWN: case SDL_MOUSEBUTTONUP: {
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return active;
            const ImVec2 at = canvas.toLogical(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            mode.fingerEvent(core::FingerEvent{fingerKind(event.type), 0, at.x, at.y, now});
            return active;
        }
        case SDL_KEYDOWN: {
            const auto command = commandOf(event.key, active, typing);
            if (!command) return false;
            if (event.key.repeat == 0) mode.command(*command);
            return true;
        }
        case SDL_KEYUP: {
            const auto command = commandOf(event.key, active, typing);
            return command.has_value();
        }
        default:
            return false;
    }
}

}  // namespace kiosk::platform
