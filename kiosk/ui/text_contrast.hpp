// The contrast of every text in a rendered frame, read from ImGui's draw data: each glyph quad's
// colour against what was drawn under it before (shapes, translucent layers, images), so any text
// on screen is measured, whoever drew it and however.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

struct Fonts;

// Which fonts of the atlas are bold: WCAG's "large" depends on it.
struct FontStyle {
    const ImFont* font;
    bool bold;
};
std::vector<FontStyle> fontStyles(const Fonts& fonts);

// One stretch of text in one font and colour on one background (a line or a paragraph).
struct TextContrast {
    std::string text;      // its characters as drawn; spaces guessed from the gaps between glyphs
    ImU32 color;           // as drawn, with its alpha
    ImU32 background;      // what is under it, opaque (over an image: the worse of black and white)
    double ratio;          // of `color` blended over `background` against `background`
    float fontPixels;
    bool bold;
    bool large;            // WCAG's large text (isLargeText at `bodyPixels`)
    bool overImage;        // an image lies under it with nothing opaque in between
    ImVec2 min;            // its glyphs' bounding box, screen coordinates
    ImVec2 max;
};

struct FrameContrast {
    std::vector<TextContrast> texts;
    int glyphs = 0;        // glyphs measured
    int hiddenGlyphs = 0;  // outside their clip rectangle, or under a shape drawn later (a modal's scrim)
};

// Measures every glyph drawn with `atlas`'s fonts. Built once per atlas, after the atlas is built
// (the first frame builds it): it indexes the glyphs' places in it. Then asked once per frame.
// `bodyPixels` is the body text's size (one em): WCAG's large text is counted from it. Glyphs
// over an image are measured against both black and white, so a picture can never make unreadable
// text pass: text over a picture needs an opaque plate of its own.
class TextContrastMeter {
public:
    TextContrastMeter(const ImFontAtlas& atlas, std::span<const FontStyle> styles, float bodyPixels);

    // `clearColor` is what the frame starts from, under everything drawn.
    FrameContrast measure(const ImDrawData& drawData, ImU32 clearColor) const;

    struct Glyph {
        const ImFont* font;
        const ImFontGlyph* glyph;
        bool bold;
    };

private:
    const ImFontAtlas& m_atlas;
    float m_bodyPixels;
    std::unordered_map<std::uint64_t, Glyph> m_glyphsByUv;  // by the atlas position of a glyph's corner
};

}  // namespace kiosk::ui
