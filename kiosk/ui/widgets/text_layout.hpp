// Text layout for the kiosk: runs of styled text wrapped word by word (at spaces, after hyphens and
// dashes), measured once and then drawn, so boxes can be sized to their text before it is drawn.
// Every text laid out here is checked by the frame's RenderAudit (missing glyphs, raw markup, words
// too wide for their box).
#pragma once

#include <concepts>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

class RenderAudit;
struct FrameContext;

// A stretch of text in one style. Runs follow each other without a gap: a word may start in one
// run and end in the next ("**Online**-Ausweis").
struct TextRun {
    ImFont* font;
    ImU32 color;
    std::string_view text;
    int link = -1;  // the caller's number for the link this run belongs to; -1: not a link
};

// A piece of one run on one line, at its place relative to the layout's top-left corner.
struct PlacedText {
    ImFont* font;
    ImU32 color;
    std::string_view text;
    ImVec2 offset;
    float inkWidth;  // without trailing spaces: what an underline or a pressed link covers
    float lineTop;
    float lineHeight;
    int link;
};

struct TextLayout {
    std::vector<PlacedText> pieces;
    ImVec2 size{0, 0};  // the widest line's width, the height of all lines
    int lines = 0;
};

// Line heights as a multiple of the largest font on the line: airy for reading, tight for labels.
inline constexpr float kReadingLineHeight = 1.4f;
inline constexpr float kLabelLineHeight = 1.2f;

// Wraps `runs` to `width`. A word wider than `width` is broken after its slashes and before its
// dots if it has them and every piece then fits (a web address); otherwise between characters so
// it stays in its box, and reported to `audit` (may be null) as an overflow.
TextLayout layoutText(std::span<const TextRun> runs, float width, float lineHeight, RenderAudit* audit);
TextLayout layoutText(ImFont* font, ImU32 color, std::string_view text, float width, float lineHeight,
                      RenderAudit* audit);
// A layout points into its text: a temporary string would leave it pointing at freed memory.
template <class S>
    requires std::same_as<S, std::string>
TextLayout layoutText(ImFont* font, ImU32 color, S&& text, float width, float lineHeight, RenderAudit* audit) = delete;

// Draws a layout with its top-left corner at `origin` (screen coordinates).
void drawTextLayout(ImDrawList& draw, ImVec2 origin, const TextLayout& layout);
// Each line centred on `centerX`, the first line's top at `top`.
void drawTextLayoutCentered(ImDrawList& draw, float centerX, float top, const TextLayout& layout);

// The width of `text` on one line.
float textWidth(const ImFont* font, std::string_view text);

// `text` if it fits `width` on one line, else as much of it as fits followed by "…" (cut at a
// character boundary, trailing spaces dropped).
std::string ellipsized(const ImFont* font, std::string_view text, float width);

// One line of text that must fit `available` (a label in a tile or badge): audited for glyphs and
// markup, and reported as an overflow when wider. Returns its width.
float checkLabel(const FrameContext& ctx, const ImFont* font, std::string_view text, float available);

// Wrapped, audited text at the cursor; the cursor moves below it (x back to the window's left).
// Returns the height drawn.
float drawWrapped(const FrameContext& ctx, ImFont* font, ImU32 color, std::string_view text, float width,
                  float lineHeight = kReadingLineHeight);

}  // namespace kiosk::ui
