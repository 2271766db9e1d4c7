// Word wrapping of our own rather than ImGui's: ImGui breaks only at spaces, cannot mix fonts on a
// line and breaks a long word anywhere without saying so. German compounds need the break after
// the hyphen ("Kraftfahrzeug-Zulassung"), rich text needs bold and links inside a line, and an
// author needs to hear about a word that does not fit.
#include "ui/widgets/text_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "ui/frame_context.hpp"
#include "ui/render_audit.hpp"

namespace kiosk::ui {
namespace {

// A stretch of one run that ends where a line may break (or where the run ends).
struct Fragment {
    int run;
    std::size_t begin;
    std::size_t end;
    float width;          // including trailing spaces
    float trailingSpace;  // the trailing spaces' share of `width`
    bool breakAfter;      // a line may break after it
    bool newlineAfter;    // a line must break after it
};

float measure(const ImFont* font, const char* begin, const char* end) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, end).x;
}

std::size_t utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

// The hyphen-minus and the en and em dashes: places where German and English break long words
// and ranges. A non-breaking hyphen (U+2011) stays unbroken on purpose.
std::size_t dashLengthAt(std::string_view text, std::size_t i) {
    if (text[i] == '-') return 1;
    if (text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x80\x94") return 3;
    return 0;
}

std::vector<Fragment> splitIntoFragments(std::span<const TextRun> runs) {
    std::vector<Fragment> fragments;
    bool wordHasText = false;  // a dash that starts a word ("-5 °C") is no place to break
    for (int r = 0; r < static_cast<int>(runs.size()); ++r) {
        const TextRun& run = runs[static_cast<std::size_t>(r)];
        const std::string_view text = run.text;
        const char* base = text.data();
        auto emit = [&](std::size_t begin, std::size_t contentEnd, std::size_t end, bool breakAfter, bool newline) {
            if (end == begin && !newline) return;
            const float width = measure(run.font, base + begin, base + end);
            const float trailing = end > contentEnd ? measure(run.font, base + contentEnd, base + end) : 0.0f;
            fragments.push_back(Fragment{r, begin, end, width, trailing, breakAfter, newline});
        };
        std::size_t begin = 0;
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] == '\n') {
                emit(begin, i, i, true, true);
                begin = i + 1;
                i = begin;
                wordHasText = false;
            } else if (text[i] == ' ') {
                std::size_t spacesEnd = i;
                while (spacesEnd < text.size() && text[spacesEnd] == ' ') ++spacesEnd;
                emit(begin, i, spacesEnd, true, false);
                begin = spacesEnd;
                i = spacesEnd;
                wordHasText = false;
            } else if (const std::size_t dash = dashLengthAt(text, i); dash > 0 && wordHasText) {
                i += dash;
                const bool spaceFollows = i < text.size() && text[i] == ' ';
                if (!spaceFollows) {  // before a space the space breaks anyway, and keeps the dash
                    emit(begin, i, i, true, false);
                    begin = i;
                    wordHasText = false;
                }
            } else {
                wordHasText = true;
                i += utf8Length(static_cast<unsigned char>(text[i]));
            }
        }
        emit(begin, text.size(), text.size(), false, false);
    }
    return fragments;
}

class LineBuilder {
public:
    LineBuilder(std::span<const TextRun> runs, float lineHeight) : m_runs(runs), m_lineHeight(lineHeight) {}

    float x() const { return m_x; }
    bool lineEmpty() const { return m_line.empty(); }

    void place(int run, std::size_t begin, std::size_t end, float width, float trailing) {
        const TextRun& r = m_runs[static_cast<std::size_t>(run)];
        m_lastFont = r.font;
        if (!m_line.empty()) {
            PlacedText& last = m_line.back();
            // Contiguous text of the same run is one piece: fewer draw calls, one underline.
            if (last.font == r.font && last.link == r.link && last.color == r.color && last.text.data() + last.text.size() == r.text.data() + begin &&
                m_lineRuns.back() == run) {
                last.text = std::string_view(last.text.data(), last.text.size() + (end - begin));
                last.inkWidth = m_x - last.offset.x + width - trailing;
                m_x += width;
                return;
            }
        }
        m_line.push_back(PlacedText{r.font, r.color, r.text.substr(begin, end - begin), ImVec2(m_x, 0), width - trailing,
                                    0, 0, r.link});
        m_lineRuns.push_back(run);
        m_x += width;
    }

    void endLine(TextLayout& out) {
        float fontSize = 0;
        float ascent = 0;
        for (const PlacedText& piece : m_line) {
            fontSize = std::max(fontSize, piece.font->FontSize);
            ascent = std::max(ascent, piece.font->Ascent);
        }
        if (m_line.empty() && m_lastFont) {
            fontSize = m_lastFont->FontSize;  // an empty line ("\n\n") is as tall as the text around it
        }
        const float height = fontSize * m_lineHeight;
        const float halfLeading = (height - fontSize) * 0.5f;
        float width = 0;
        for (PlacedText& piece : m_line) {
            piece.offset.y = m_top + halfLeading + (ascent - piece.font->Ascent);
            piece.lineTop = m_top;
            piece.lineHeight = height;
            width = std::max(width, piece.offset.x + piece.inkWidth);
            out.pieces.push_back(piece);
        }
        out.size.x = std::max(out.size.x, width);
        m_top += height;
        out.size.y = m_top;
        ++out.lines;
        m_line.clear();
        m_lineRuns.clear();
        m_x = 0;
    }

private:
    std::span<const TextRun> m_runs;
    float m_lineHeight;
    std::vector<PlacedText> m_line;
    std::vector<int> m_lineRuns;
    const ImFont* m_lastFont = nullptr;
    float m_x = 0;
    float m_top = 0;
};

std::string wordText(std::span<const TextRun> runs, std::span<const Fragment> word) {
    std::string text;
    for (const Fragment& f : word) text += runs[static_cast<std::size_t>(f.run)].text.substr(f.begin, f.end - f.begin);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// A word wider than the whole line: character by character, so nothing leaves its box.
void placeByCharacters(std::span<const TextRun> runs, std::span<const Fragment> word, float width, LineBuilder& line,
                       TextLayout& out) {
    for (const Fragment& f : word) {
        const TextRun& run = runs[static_cast<std::size_t>(f.run)];
        std::size_t i = f.begin;
        while (i < f.end) {
            const std::size_t next = std::min(f.end, i + utf8Length(static_cast<unsigned char>(run.text[i])));
            const float w = measure(run.font, run.text.data() + i, run.text.data() + next);
            if (line.x() + w > width && !line.lineEmpty()) line.endLine(out);
            line.place(f.run, i, next, w, run.text[i] == ' ' ? w : 0.0f);
            i = next;
        }
    }
}

// Where an address may break when it is wider than a whole line: after a slash, before a dot,
// with text on both sides ("gematik.de/|anwendungen", "wohnsitzanmeldung|.gov.de"), as in a
// printed URL. A sentence's final dot stays with its word.
bool addressBreakBefore(std::string_view text, std::size_t i, std::size_t begin, std::size_t end) {
    if (i <= begin || i >= end) return false;
    const auto isText = [](char c) { return c != ' ' && c != '/' && c != '.'; };
    if (text[i - 1] == '/' && isText(text[i])) return true;
    return text[i] == '.' && i + 1 < end && isText(text[i - 1]) && isText(text[i + 1]);
}

// A word wider than the whole line that is an address (a web address on a page, in a QR card):
// broken at its slashes and dots, if every piece then fits. A word of several runs (part of it
// bold) stays whole where its runs meet. False: it has no such break, or a piece is still too
// wide, and nothing was placed.
bool placeAtAddressBreaks(std::span<const TextRun> runs, std::span<const Fragment> word, float width, LineBuilder& line,
                          TextLayout& out) {
    struct Part {
        int run;
        std::size_t begin, end;
        float width, trailing;
    };
    struct Piece {  // from one break to the next: what must stay on one line
        std::vector<Part> parts;
        float width = 0, trailing = 0;
    };
    std::vector<Piece> pieces(1);
    for (const Fragment& f : word) {
        const TextRun& run = runs[static_cast<std::size_t>(f.run)];
        std::size_t begin = f.begin;
        for (std::size_t i = f.begin + 1; i <= f.end; ++i) {
            const bool breaks = i < f.end && addressBreakBefore(run.text, i, f.begin, f.end);
            if (i < f.end && !breaks) continue;
            const float w = measure(run.font, run.text.data() + begin, run.text.data() + i);
            const float trailing = i == f.end ? f.trailingSpace : 0.0f;
            Piece& piece = pieces.back();
            piece.parts.push_back(Part{f.run, begin, i, w, trailing});
            piece.width += w;
            piece.trailing = trailing;
            if (breaks) pieces.emplace_back();
            begin = i;
        }
    }
    if (pieces.size() < 2) return false;
    for (const Piece& piece : pieces) {
        if (piece.width - piece.trailing > width) return false;
    }
    for (const Piece& piece : pieces) {
        if (!line.lineEmpty() && line.x() + piece.width - piece.trailing > width) line.endLine(out);
        for (const Part& part : piece.parts) line.place(part.run, part.begin, part.end, part.width, part.trailing);
    }
    return true;
}

}  // namespace

TextLayout layoutText(std::span<const TextRun> runs, float width, float lineHeight, RenderAudit* audit) {
    TextLayout out;
    if (audit) {
        for (const TextRun& run : runs) audit->checkText(run.font, run.text);
    }
    const std::vector<Fragment> fragments = splitIntoFragments(runs);
    if (fragments.empty()) return out;
    LineBuilder line(runs, lineHeight);
    std::size_t wordBegin = 0;
    while (wordBegin < fragments.size()) {
        std::size_t wordEnd = wordBegin;
        while (wordEnd < fragments.size() && !fragments[wordEnd].breakAfter && !fragments[wordEnd].newlineAfter) ++wordEnd;
        wordEnd = std::min(wordEnd + 1, fragments.size());
        const std::span<const Fragment> word(fragments.data() + wordBegin, wordEnd - wordBegin);

        float full = 0;
        for (const Fragment& f : word) full += f.width;
        const float ink = full - word.back().trailingSpace;
        if (!line.lineEmpty() && line.x() + ink > width) line.endLine(out);
        if (ink > width) {
            if (!placeAtAddressBreaks(runs, word, width, line, out)) {
                if (audit) audit->noteOverflow(wordText(runs, word), ink, width);
                placeByCharacters(runs, word, width, line, out);
            }
        } else {
            for (const Fragment& f : word) line.place(f.run, f.begin, f.end, f.width, f.trailingSpace);
        }
        if (word.back().newlineAfter) line.endLine(out);
        wordBegin = wordEnd;
    }
    if (!line.lineEmpty()) line.endLine(out);
    return out;
}

TextLayout layoutText(ImFont* font, ImU32 color, std::string_view text, float width, float lineHeight,
                      RenderAudit* audit) {
    const TextRun run{font, color, text, -1};
    return layoutText(std::span<const TextRun>(&run, 1), width, lineHeight, audit);
}

void drawTextLayout(ImDrawList& draw, ImVec2 origin, const TextLayout& layout) {
    for (const PlacedText& piece : layout.pieces) {
        draw.AddText(piece.font, piece.font->FontSize, ImVec2(origin.x + piece.offset.x, origin.y + piece.offset.y),
                     piece.color, piece.text.data(), piece.text.data() + piece.text.size());
    }
}

void drawTextLayoutCentered(ImDrawList& draw, float centerX, float top, const TextLayout& layout) {
    // Pieces arrive line by line; a line's width is where its last piece ends.
    std::size_t lineBegin = 0;
    while (lineBegin < layout.pieces.size()) {
        std::size_t lineEnd = lineBegin;
        float width = 0;
        while (lineEnd < layout.pieces.size() && layout.pieces[lineEnd].lineTop == layout.pieces[lineBegin].lineTop) {
            width = std::max(width, layout.pieces[lineEnd].offset.x + layout.pieces[lineEnd].inkWidth);
            ++lineEnd;
        }
        const float left = centerX - width * 0.5f;
        for (std::size_t i = lineBegin; i < lineEnd; ++i) {
            const PlacedText& piece = layout.pieces[i];
            draw.AddText(piece.font, piece.font->FontSize, ImVec2(left + piece.offset.x, top + piece.offset.y), piece.color,
                         piece.text.data(), piece.text.data() + piece.text.size());
        }
        lineBegin = lineEnd;
    }
}

float textWidth(const ImFont* font, std::string_view text) {
    return measure(font, text.data(), text.data() + text.size());
}

std::string ellipsized(const ImFont* font, std::string_view text, float width) {
    if (textWidth(font, text) <= width) return std::string(text);
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    const float room = width - textWidth(font, kEllipsis);
    std::size_t end = 0;
    for (std::size_t next = 0; next < text.size(); end = next) {
        next += utf8Length(static_cast<unsigned char>(text[next]));
        if (textWidth(font, text.substr(0, next)) > room) break;
    }
    std::string out(text.substr(0, end));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

float checkLabel(const FrameContext& ctx, const ImFont* font, std::string_view text, float available) {
    const float width = textWidth(font, text);
    if (ctx.audit) {
        ctx.audit->checkText(font, text);
        if (width > available) ctx.audit->noteOverflow(text, width, available);
    }
    return width;
}

float drawWrapped(const FrameContext& ctx, ImFont* font, ImU32 color, std::string_view text, float width,
                  float lineHeight) {
    const TextLayout layout = layoutText(font, color, text, width, lineHeight, ctx.audit);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    drawTextLayout(*ImGui::GetWindowDrawList(), origin, layout);
    ImGui::Dummy(ImVec2(std::max(layout.size.x, 1.0f), layout.size.y));
    // Every wrapped text is something to hear in the non-visual mode, in the order it is drawn;
    // the two largest sizes are headings, where the mode starts on a new screen.
    if (ctx.nav.accessibility().nonVisual && !text.empty()) {
        const Fonts& fonts = ctx.theme.fonts();
        const bool heading = font == fonts.display || font == fonts.heading;
        ctx.items.record("text/" + std::string(text), origin, ImVec2(origin.x + width, origin.y + layout.size.y));
        ctx.items.describeLast(std::string(text), heading ? ItemRole::Heading : ItemRole::Text);
    }
    return layout.size.y;
}

}  // namespace kiosk::ui
