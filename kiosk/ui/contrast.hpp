// WCAG 2.x contrast: relative luminance, contrast ratio, what a translucent colour looks like over
// another, and when text counts as large. Pure arithmetic on ImGui's packed colours.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

// WCAG 2.x relative luminance of an sRGB colour (its alpha is ignored): 0 for black, 1 for white.
double relativeLuminance(ImU32 color);

// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 for equal colours, 21 for black on white.
// Alphas are ignored: blend a translucent colour over its background first.
double contrastRatio(ImU32 a, ImU32 b);

// `top` with its alpha drawn over an opaque `bottom`, as the renderer blends it: opaque.
ImU32 blendOver(ImU32 top, ImU32 bottom);

// WCAG's large text is 18 pt (24 CSS px), or 14 pt (18.66 CSS px) when bold. A CSS pixel is the
// size a browser's 16 px body text is built on; the kiosk's body text is one em (30 px at 1080p),
// so its sizes count in ems: large from 1.5 em, or 1.167 em bold. Reading the pixels literally
// would make every text of a 1080p kiosk "large" and let it pass at 3:1.
bool isLargeText(float fontPixels, bool bold, float bodyPixels);

// What text must reach: WCAG AA (4.5:1, large 3:1) for the normal theme, AAA (7:1, large 4.5:1)
// for a high-contrast one.
enum class ContrastLevel { AA, AAA };
double requiredContrast(bool large, ContrastLevel level = ContrastLevel::AA);

}  // namespace kiosk::ui
