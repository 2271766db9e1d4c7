// A tap shorter than a frame still registers: the press is latched until ImGui has seen it.
#include "platform/pointer_input.hpp"

#include <SDL.h>

#include "platform/rotation.hpp"

namespace kiosk::platform {

void PointerInput::handle(const SDL_Event& event, const RotatedCanvas& canvas) {
    switch (event.type) {
        case SDL_MOUSEMOTION:
            if (m_down && !m_cancelled) m_position = canvas.toLogical(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (event.button.button != SDL_BUTTON_LEFT) break;
            m_position = canvas.toLogical(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            m_down = true;
            m_pressLatched = true;
            m_cancelled = false;
            break;
        case SDL_MOUSEBUTTONUP:
            if (event.button.button != SDL_BUTTON_LEFT || m_cancelled) break;
            m_position = canvas.toLogical(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
            m_down = false;
            m_releasePending = true;
            break;
        default:
            break;
    }
}

void PointerInput::tapAt(ImVec2 position) {
    m_position = position;
    m_down = false;
    m_pressLatched = true;
    m_releasePending = true;
    m_cancelled = false;
}

void PointerInput::cancel() {
    // Released where no widget is: ImGui ends the press without a click.
    m_position = ImVec2(-FLT_MAX, -FLT_MAX);
    m_down = false;
    m_pressLatched = false;
    m_releasePending = true;
    m_cancelled = true;
}

void PointerInput::feed(ImGuiIO& io) {
    const bool visible = m_down || m_pressLatched || m_releasePending;
    io.MousePos = visible ? m_position : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = m_down || m_pressLatched;
    if (m_pressLatched) {
        m_pressLatched = false;  // the release (if any) is shown on the next frame
    } else if (!m_down) {
        m_releasePending = false;
    }
}

}  // namespace kiosk::platform
