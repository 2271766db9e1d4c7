// Golden images: a screen rendered headless must match its reference within a small tolerance.
// To accept an intended change: KIOSK_UPDATE_GOLDEN=1 ctest -R golden, then look at the new PNGs.
#pragma once

#include <string>

#include "platform/headless_renderer.hpp"

namespace kiosk::test {

// Anti-aliasing may differ by a few levels between FreeType or SDL patch releases; layout changes
// move whole glyphs and shapes and exceed both limits at once.
inline constexpr int kChannelTolerance = 16;
inline constexpr double kMaxDifferingFraction = 0.002;

// Compares the renderer's last frame with tests/ui/golden/<name>.png; on a mismatch writes the
// actual and a diff image into the build's test output folder and fails the check, naming both.
void checkGolden(const platform::HeadlessRenderer& renderer, const std::string& name);

}  // namespace kiosk::test
