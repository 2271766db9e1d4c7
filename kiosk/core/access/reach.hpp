// Where "low mode" (issue 5) puts the controls: below the highest point a seated visitor or a
// short person reaches, from how high the panel is mounted. EN 301 549 (§8.3.2, after ISO 21542)
// puts the high forward reach at 1220 mm above the floor.
#pragma once

#include <string>

namespace kiosk::core {

inline constexpr float kHighForwardReachMm = 1220.0f;

struct LowModeArea {
    float top = 0;        // pixels from the top of the display; everything pressed lies below
    bool withinReach = true;  // false: the panel hangs too high, `top` is only as low as is usable
    std::string note;     // for the log: how `top` was found
};

// `bottomEdgeMm`: the height of the picture's lower edge above the floor; `diagonalInches`: the
// panel's size. Either 0 (unknown): the lower half. The area keeps at least 40 % of the display,
// under which no screen is usable.
LowModeArea lowModeArea(int widthPx, int heightPx, float diagonalInches, float bottomEdgeMm);

}  // namespace kiosk::core
