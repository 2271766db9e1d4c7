// Rich text on screen: paragraphs, headings, bulleted and numbered lists with hanging indents,
// bold and italic, and links to pages that a visitor can tap.
#pragma once

#include <string_view>

#include "core/pack/rich_text.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// Draws `text` at the cursor, `width` wide, and moves the cursor below it. Each link is a tap
// target registered as "<idPrefix>/link/<page>" (e.g. "page/start/link/steps") that pushes
// core::OpenPage. Push an ImGui id for the block first if a page can hold several rich texts.
// Returns the height drawn.
float drawRichText(FrameContext& ctx, const core::RichText& text, float width, std::string_view idPrefix);

}  // namespace kiosk::ui
