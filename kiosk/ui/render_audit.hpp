// What went wrong while drawing text this frame: glyphs the font lacks, text that does not fit its box,
// Markdown or HTML left in text. Filled by the text drawing functions, read by tests and by the
// content walk, so a content mistake is found before a visitor sees a box or a "**".
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace kiosk::ui {

struct RenderProblem {
    enum class Kind {
        MissingGlyph,  // a character the font has no glyph for: drawn as "?" or a box
        Overflow,      // text larger than the box it must fit in: cut, or broken mid-word
        RawMarkup,     // "**", "](", "<b" … shown to the visitor as typed
    };
    Kind kind;
    std::string text;    // the text it was found in
    std::string detail;  // which character, how wide, which markup

    std::string describe() const;  // "missing glyph U+2713 in 'Richtig ✓'"
};

class RenderAudit {
public:
    void beginFrame();

    // Every text about to be drawn in `font`: glyphs and left-over markup. Cheap enough per frame:
    // a table lookup per character.
    void checkText(const ImFont* font, std::string_view text);
    // `what` needed `needed` pixels (wide, or tall) but had `available`.
    void noteOverflow(std::string_view what, float needed, float available);

    const std::vector<RenderProblem>& problems() const { return m_problems; }
    bool clean() const { return m_problems.empty(); }

private:
    void add(RenderProblem::Kind kind, std::string_view text, std::string detail);

    std::vector<RenderProblem> m_problems;
    std::set<std::string, std::less<>> m_seen;  // one report per problem and text, not one per line
};

// The markup fragment `text` still contains ("**", "](", "# " at a line start …); empty if none.
std::string_view findRawMarkup(std::string_view text);

}  // namespace kiosk::ui
