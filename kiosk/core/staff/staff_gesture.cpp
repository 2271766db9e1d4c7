// Counting taps: a tap elsewhere, or one too late, starts the count again.
#include "core/staff/staff_gesture.hpp"

#include <algorithm>

namespace kiosk::core {

std::optional<ScreenCorner> parseScreenCorner(std::string_view text) {
    if (text == "top-left") return ScreenCorner::TopLeft;
    if (text == "top-right") return ScreenCorner::TopRight;
    if (text == "bottom-left") return ScreenCorner::BottomLeft;
    if (text == "bottom-right") return ScreenCorner::BottomRight;
    return std::nullopt;
}

bool StaffGesture::inCorner(float x, float y, float width, float height) const {
    const float side = std::min(width, height) * m_config.cornerShare;
    const bool left = x <= side;
    const bool right = x >= width - side;
    const bool top = y <= side;
    const bool bottom = y >= height - side;
    switch (m_config.corner) {
        case ScreenCorner::TopLeft: return top && left;
        case ScreenCorner::TopRight: return top && right;
        case ScreenCorner::BottomLeft: return bottom && left;
        case ScreenCorner::BottomRight: return bottom && right;
    }
    return false;
}

bool StaffGesture::noteTap(float x, float y, float width, float height, double seconds) {
    if (!inCorner(x, y, width, height)) {
        m_count = 0;
        return false;
    }
    if (m_count == 0 || seconds - m_firstTap > m_config.withinSeconds) {
        m_count = 0;
        m_firstTap = seconds;
    }
    if (++m_count < m_config.taps) return false;
    m_count = 0;
    return true;
}

}  // namespace kiosk::core
