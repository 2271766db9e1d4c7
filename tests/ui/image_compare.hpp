// Compares two RGBA images with a tolerance, so golden tests survive tiny rasteriser differences.
#pragma once

#include <string>

struct SDL_Surface;

namespace kiosk::test {

struct ImageDifference {
    bool sameSize = false;
    long differingPixels = 0;  // pixels where any channel differs by more than the tolerance
    long totalPixels = 0;
    double fraction() const { return totalPixels ? static_cast<double>(differingPixels) / static_cast<double>(totalPixels) : 1.0; }
};

// `channelTolerance`: how far (0-255) one channel may drift before the pixel counts as different.
// `diffOut` (optional) receives a picture of the differences: red where they differ.
ImageDifference compareImages(SDL_Surface* actual, SDL_Surface* expected, int channelTolerance, SDL_Surface** diffOut);

}  // namespace kiosk::test
