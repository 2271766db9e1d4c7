// Cards and small pictograms for blocks, drawn from filled shapes and thick strokes: crisp at every
// size, cheap in the software renderer, no font glyphs needed.
#pragma once

#include <imgui.h>

#include "ui/theme.hpp"

namespace kiosk::ui {

// A rounded card with a border drawn as a second filled shape, never as a thin line.
void drawCard(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border,
              float borderWidth);

enum class Pictogram {
    Check,    // ✓ right answers
    Cross,    // ✗ wrong answers
    Pin,      // a place
    Clock,    // a time
    Phone,    // a telephone number
    Mail,     // an e-mail address
    Globe,    // a web address
    Camera,   // "scan with your phone camera"
    ArrowRight,
    ArrowDown,
    ChevronLeft,
    ChevronRight,
};

// Draws `pictogram` centred on `center`, `size` pixels across, in `color`. `background` is the
// colour behind it, for shapes with holes (the pin's eye).
void drawPictogram(ImDrawList& draw, Pictogram pictogram, ImVec2 center, float size, ImU32 color, ImU32 background);

// A round badge with a pictogram inside: the ✓ or ✗ beside quiz feedback.
void drawBadge(ImDrawList& draw, Pictogram pictogram, ImVec2 center, float diameter, ImU32 fill, ImU32 ink);

}  // namespace kiosk::ui
