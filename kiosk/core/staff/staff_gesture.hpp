// The hidden way in for staff: a number of quick taps in one corner of the screen. Visitors
// never find it by chance (five taps within three seconds where nothing is drawn), staff
// remember it, and it needs no button that would invite the curious.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk::core {

enum class ScreenCorner { TopLeft, TopRight, BottomLeft, BottomRight };

// "bottom-left" → BottomLeft; nullopt for anything else.
std::optional<ScreenCorner> parseScreenCorner(std::string_view text);

struct StaffGestureConfig {
    ScreenCorner corner = ScreenCorner::BottomLeft;  // below every layout's buttons and bars
    int taps = 5;
    double withinSeconds = 3.0;
    // The corner square's side as a share of the screen's shorter side.
    float cornerShare = 0.08f;
};

class StaffGesture {
public:
    explicit StaffGesture(StaffGestureConfig config = {}) : m_config(config) {}

    // A finger went down at (x, y) on a `width` × `height` screen at `seconds` (any steady
    // time). True on the tap that completes the gesture; the count then starts again.
    bool noteTap(float x, float y, float width, float height, double seconds);

private:
    bool inCorner(float x, float y, float width, float height) const;

    StaffGestureConfig m_config;
    int m_count = 0;
    double m_firstTap = 0;
};

}  // namespace kiosk::core
