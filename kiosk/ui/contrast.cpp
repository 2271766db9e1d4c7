// Formulas from WCAG 2.x, "relative luminance" and "contrast ratio" (its 0.03928 threshold, not
// sRGB's 0.04045: the results differ below the fourth decimal, and WCAG is what is asked).
#include "ui/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

double channelLuminance(unsigned value) {
    const double c = static_cast<double>(value) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

unsigned channel(ImU32 color, int shift) { return (color >> shift) & 0xFFu; }

}  // namespace

double relativeLuminance(ImU32 color) {
    return 0.2126 * channelLuminance(channel(color, IM_COL32_R_SHIFT)) +
           0.7152 * channelLuminance(channel(color, IM_COL32_G_SHIFT)) +
           0.0722 * channelLuminance(channel(color, IM_COL32_B_SHIFT));
}

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImU32 blendOver(ImU32 top, ImU32 bottom) {
    const unsigned alpha = channel(top, IM_COL32_A_SHIFT);
    auto mix = [&](int shift) {
        const unsigned t = channel(top, shift);
        const unsigned b = channel(bottom, shift);
        return (t * alpha + b * (255u - alpha) + 127u) / 255u;
    };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), 255);
}

bool isLargeText(float fontPixels, bool bold, float bodyPixels) {
    const float cssPixels = fontPixels * 16.0f / bodyPixels;
    return cssPixels >= 24.0f || (bold && cssPixels >= 18.66f);
}

double requiredContrast(bool large, ContrastLevel level) {
    if (level == ContrastLevel::AAA) return large ? 4.5 : 7.0;
    return large ? 3.0 : 4.5;
}

}  // namespace kiosk::ui
