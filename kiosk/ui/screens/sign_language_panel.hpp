// A page in German Sign Language: the button that opens it (with the sign-language icon, under
// the page title) and the panel beside the text that plays the page's DGS clip. Beside, not over:
// a deaf visitor follows the signer and the written page together.
#pragma once

#include "core/pack/pack.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/frame_context.hpp"

namespace kiosk::ui {

// At the cursor, `width` wide at most; opens (or closes) the panel. Nothing for a page without a clip.
void drawSignLanguageButton(FrameContext& ctx, const core::Page& page, float x, float width, PageScreenMemory& memory);

// Where the page and the panel go in `area` (the page screen below the top bar): landscape
// screens put the panel at the right, portrait ones above the page.
struct SignLanguageSplit {
    ImVec2 pageSize;
    ImVec2 panelSize;
    bool panelFirst = false;  // portrait: the panel is drawn above the page
};
SignLanguageSplit splitForSignLanguage(const FrameContext& ctx, ImVec2 area);

// The panel, in a child window of `size` at the cursor: its title, a close button, the clip.
void drawSignLanguagePanel(FrameContext& ctx, const core::Pack& pack, const core::Page& page, ImVec2 size,
                           PageScreenMemory& memory);

}  // namespace kiosk::ui
