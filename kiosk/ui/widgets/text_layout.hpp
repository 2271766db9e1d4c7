// Wrapped text in the theme's fonts, and paragraphs separated by blank lines.
#pragma once

#include <string_view>

#include <imgui.h>

namespace kiosk::ui {

class Theme;

// Draws `text` at the cursor, wrapped to `width`, and moves the cursor below it.
void drawWrapped(ImFont* font, ImU32 color, std::string_view text, float width);

// Each blank-line separated paragraph as wrapped text, with paragraph spacing between them.
void drawParagraphs(const Theme& theme, ImFont* font, ImU32 color, std::string_view text, float width);

}  // namespace kiosk::ui
