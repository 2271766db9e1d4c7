// The small shapes of form fields: radio dots, check boxes, ticks, plus and minus, the problem mark.
// Each tells its state by shape, so nothing depends on telling colours apart.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

class Theme;

// A tick inside a box of `size` centred on `center`.
void drawTick(ImDrawList& draw, ImVec2 center, float size, float thickness, ImU32 color);

// "+" or "−" as two or one filled bars: crisp in the software renderer, unlike thin lines.
void drawPlusMinus(ImDrawList& draw, ImVec2 center, float size, float thickness, ImU32 color, bool plus);

// A radio circle `size` across: a ring when not chosen, a ring with a dot when chosen.
void drawRadio(const Theme& theme, ImDrawList& draw, ImVec2 center, float size, bool chosen);

// A check box `size` square with its top-left at `min`: empty with a thick border, or filled with a tick.
void drawCheckBox(const Theme& theme, ImDrawList& draw, ImVec2 min, float size, bool ticked);

// A filled circle with "!": marks a validation message next to its words.
void drawProblemMark(const Theme& theme, ImDrawList& draw, ImVec2 center, float size);

}  // namespace kiosk::ui
