// Millimetres from the panel's size and aspect; pixels are spread evenly over its height.
#include "core/access/reach.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::core {

LowModeArea lowModeArea(int widthPx, int heightPx, float diagonalInches, float bottomEdgeMm) {
    const float height = static_cast<float>(heightPx);
    constexpr float kSmallestShare = 0.4f;
    const float lowestTop = height * (1.0f - kSmallestShare);
    if (diagonalInches <= 0 || bottomEdgeMm <= 0 || widthPx <= 0 || heightPx <= 0) {
        return LowModeArea{height * 0.5f, true, "the lower half (set window.diagonal_inches and window.bottom_edge_mm to aim at the reach limit)"};
    }
    const float diagonalMm = diagonalInches * 25.4f;
    const float heightMm = diagonalMm * height / std::hypot(static_cast<float>(widthPx), height);
    const float reachableMm = kHighForwardReachMm - bottomEdgeMm;  // of the panel's height, from its lower edge
    if (reachableMm >= heightMm) return LowModeArea{0.0f, true, "the whole screen: it is all below 1220 mm"};
    const float top = height * (1.0f - std::max(reachableMm, 0.0f) / heightMm);
    if (top > lowestTop) {
        return LowModeArea{lowestTop, false,
                           "the lower 40 %: the panel is mounted too high for everything to be below 1220 mm; lower it"};
    }
    return LowModeArea{top, true, "below 1220 mm above the floor"};
}

}  // namespace kiosk::core
