// Turns the Markdown subset into RichText with md4c, refusing what the kiosk cannot show.
#include "core/pack/markdown.hpp"

#include <algorithm>

#include <md4c.h>

#include "core/pack/pack_limits.hpp"

namespace kiosk::core {
namespace {

struct ListLevel {
    bool numbered = false;
    int nextNumber = 1;
};

class RichTextBuilder {
public:
    explicit RichTextBuilder(std::string_view source) : m_source(source) {}

    ParsedMarkdown finish() && { return std::move(m_out); }

    int enterBlock(MD_BLOCKTYPE type, void* detail) {
        m_columnOfSpan = 0;  // md4c gives no position for blocks: their problems name the line only
        switch (type) {
            case MD_BLOCK_DOC: break;
            case MD_BLOCK_UL:
            case MD_BLOCK_OL: {
                ListLevel level;
                level.numbered = type == MD_BLOCK_OL;
                if (level.numbered) level.nextNumber = static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start);
                m_lists.push_back(level);
                if (static_cast<int>(m_lists.size()) == limits::kListNesting + 1) {
                    problem("a list is nested more than " + std::to_string(limits::kListNesting) + " levels deep",
                            "move the inner items out, or make them a separate list");
                }
                break;
            }
            case MD_BLOCK_LI: {
                RichParagraph item;
                ListLevel& list = m_lists.back();
                item.kind = list.numbered ? RichParagraph::Kind::Numbered : RichParagraph::Kind::Bullet;
                item.level = static_cast<int>(std::min<std::size_t>(m_lists.size(), limits::kListNesting));
                item.number = list.nextNumber++;
                m_out.text.push_back(std::move(item));
                m_itemOpen = true;
                break;
            }
            case MD_BLOCK_H: {
                RichParagraph heading;
                heading.kind = RichParagraph::Kind::Heading;
                heading.level = static_cast<int>(std::min(3u, static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
                m_out.text.push_back(std::move(heading));
                break;
            }
            case MD_BLOCK_P:
                // The first paragraph of a list item is the item itself; later ones continue it, indented.
                if (m_itemOpen && !m_out.text.empty() && m_out.text.back().spans.empty()) break;
                m_out.text.push_back(RichParagraph{RichParagraph::Kind::Paragraph, static_cast<int>(m_lists.size()), 0, {}});
                break;
            case MD_BLOCK_QUOTE: refuse("a quote ('>')", "write it as a normal paragraph"); break;
            case MD_BLOCK_HR: refuse("a line ('---' or '***')", "use a heading block to separate parts of a page"); break;
            case MD_BLOCK_CODE: refuse("a code block", "write it as a normal paragraph"); break;
            case MD_BLOCK_HTML: refuse("HTML", "use Markdown: **bold**, *italic*, lists"); break;
            case MD_BLOCK_TABLE: refuse("a table", "use a facts or steps block, or a list"); break;
            default: break;
        }
        return 0;
    }

    int leaveBlock(MD_BLOCKTYPE type) {
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL) m_lists.pop_back();
        if (type == MD_BLOCK_LI) m_itemOpen = false;
        return 0;
    }

    int enterSpan(MD_SPANTYPE type, void* detail) {
        m_columnOfSpan = 0;  // until a span with a position in the source sets it
        switch (type) {
            case MD_SPAN_EM: ++m_italic; break;
            case MD_SPAN_STRONG: ++m_bold; break;
            case MD_SPAN_A: {
                const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
                m_link.assign(href.text, href.size);
                markPosition(href.text);
                if (m_link.find(':') != std::string::npos || m_link.find('.') != std::string::npos) {
                    problem("'" + m_link + "' is a link to a website, which visitors cannot open on the kiosk",
                            "link to a page of this pack, like [the steps](steps), and use a qr block for websites");
                    m_link.clear();
                } else {
                    m_out.linkTargets.push_back(m_link);
                }
                break;
            }
            case MD_SPAN_IMG:
                markPosition(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src.text);
                ++m_suppressed;
                refuse("a picture in text", "use an image block");
                break;
            case MD_SPAN_CODE: refuse("code (text in `backticks`)", "remove the backticks"); break;
            default: break;
        }
        return 0;
    }

    int leaveSpan(MD_SPANTYPE type) {
        if (type == MD_SPAN_EM) --m_italic;
        if (type == MD_SPAN_STRONG) --m_bold;
        if (type == MD_SPAN_A) m_link.clear();
        if (type == MD_SPAN_IMG) --m_suppressed;
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        if (m_suppressed > 0) return 0;
        switch (type) {
            case MD_TEXT_NORMAL: append(std::string_view(text, size)); break;
            case MD_TEXT_SOFTBR: append(" "); break;
            case MD_TEXT_BR: append("\n"); break;
            case MD_TEXT_NULLCHAR: break;
            case MD_TEXT_ENTITY:
                markPosition(text);
                appendEntity(std::string_view(text, size));
                break;
            case MD_TEXT_HTML:
                markPosition(text);
                refuse("HTML ('" + std::string(text, size) + "')", "use Markdown: **bold**, *italic*, lists");
                break;
            default: break;  // code text is refused where its span or block starts
        }
        return 0;
    }

private:
    // Remembers where in the source the construct about to be reported starts. md4c hands out
    // pointers into the source for most text, but not for all (an href with entities is copied).
    // Counted on from the position marked before, which md4c's pointers mostly pass in order:
    // counted from the start each time, the 35,000 pictures of a 250 KB text took 11 s (found by
    // tests/fuzz, harness markdown; regression in tests/fuzz/regressions/markdown).
    void markPosition(const MD_CHAR* p) {
        if (p < m_source.data() || p > m_source.data() + m_source.size()) {
            m_columnOfSpan = 0;
            return;
        }
        const auto offset = static_cast<std::size_t>(p - m_source.data());
        if (offset < m_countedTo) {
            m_countedTo = 0;
            m_countedLine = 0;
            m_countedColumn = 0;
        }
        for (; m_countedTo < offset; ++m_countedTo) {
            const auto c = static_cast<unsigned char>(m_source[m_countedTo]);
            if (c == '\n') {
                ++m_countedLine;
                m_countedColumn = 0;
            } else if ((c & 0xC0) != 0x80) {
                ++m_countedColumn;  // a character as countCharacters counts them: UTF-8 lead bytes
            }
        }
        m_lineOfSpan = m_countedLine;
        m_columnOfSpan = m_countedColumn + 1;
    }

    void problem(std::string message, std::string hint) {
        m_out.problems.push_back(MarkdownProblem{m_lineOfSpan, m_columnOfSpan, std::move(message), std::move(hint)});
    }
    void refuse(const std::string& what, std::string hint) {
        problem("rich text cannot contain " + what, std::move(hint));
    }

    void append(std::string_view piece) {
        if (m_out.text.empty()) m_out.text.push_back(RichParagraph{});
        auto& spans = m_out.text.back().spans;
        const bool bold = m_bold > 0, italic = m_italic > 0;
        if (spans.empty() || spans.back().bold != bold || spans.back().italic != italic || spans.back().linkPage != m_link) {
            spans.push_back(TextSpan{"", bold, italic, m_link});
        }
        spans.back().text += piece;
    }

    void appendEntity(std::string_view entity) {
        if (entity == "&amp;") return append("&");
        if (entity == "&lt;") return append("<");
        if (entity == "&gt;") return append(">");
        if (entity == "&quot;") return append("\"");
        if (entity == "&nbsp;") return append("\u00A0");
        refuse("the HTML entity '" + std::string(entity) + "'", "write the character itself");
    }

    std::string_view m_source;
    ParsedMarkdown m_out;
    std::vector<ListLevel> m_lists;
    bool m_itemOpen = false;
    int m_bold = 0;
    int m_italic = 0;
    int m_suppressed = 0;
    std::string m_link;
    int m_lineOfSpan = 0;
    int m_columnOfSpan = 0;
    std::size_t m_countedTo = 0;  // markPosition's line and column are those of this offset
    int m_countedLine = 0;
    int m_countedColumn = 0;
};

RichTextBuilder& builder(void* userdata) { return *static_cast<RichTextBuilder*>(userdata); }

}  // namespace

ParsedMarkdown parseMarkdown(std::string_view source) {
    // md4c 0.4.8 reads one byte past the end of a text that ends in an unclosed link ("[a](b" as
    // the last characters; found by tests/fuzz, harness markdown, and valgrind): it parses a copy,
    // whose std::string keeps a NUL there, not whatever follows the caller's view.
    const std::string text(source);
    RichTextBuilder out(text);
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Authors indent for readability; indented text must not turn into a code block.
    parser.flags = MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return builder(u).enterBlock(t, d); };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return builder(u).leaveBlock(t); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return builder(u).enterSpan(t, d); };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return builder(u).leaveSpan(t); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return builder(u).text(t, s, n); };
    md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &out);
    ParsedMarkdown parsed = std::move(out).finish();
    // Blocks that held only refused content leave empty paragraphs behind.
    std::erase_if(parsed.text, [](const RichParagraph& p) { return p.spans.empty(); });
    return parsed;
}

std::string plainText(const RichText& text) {
    std::string out;
    for (const RichParagraph& paragraph : text) {
        if (!out.empty()) out += "\n";
        for (const TextSpan& span : paragraph.spans) out += span.text;
    }
    return out;
}

}  // namespace kiosk::core
