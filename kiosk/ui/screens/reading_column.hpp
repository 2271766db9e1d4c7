// The width of the one column that pages and flows are read in: about 65 characters at most, with
// air on both sides.
#pragma once

#include <algorithm>

#include "ui/theme.hpp"

namespace kiosk::ui {

// 2 em of air each side; 1 em on a screen under 30 em wide (200 % text in portrait leaves 18 em,
// a phone's width), where a long German word needs every em of the line more than the margin.
inline float readingColumnWidth(const Theme& theme, float available) {
    const float margin = available < theme.em(30.0f) ? theme.em(1.0f) : theme.em(2.0f);
    return std::min(available - 2 * margin, theme.em(34.0f));
}

}  // namespace kiosk::ui
