// Rich text is laid out paragraph by paragraph with text_layout, then the links become tap targets
// over exactly the words they cover (one per line when a link wraps).
#include "ui/widgets/rich_text.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

using Kind = core::RichParagraph::Kind;

struct PlacedParagraph {
    const core::RichParagraph* source;
    TextLayout layout;
    ImVec2 offset;  // of the text, from the top-left of the whole rich text
};

ImFont* spanFont(const Fonts& fonts, const core::RichParagraph& paragraph, const core::TextSpan& span) {
    if (paragraph.kind == Kind::Heading) {
        // A heading is bold already; italic inside it would be a style no reader needs.
        if (paragraph.level <= 1) return fonts.heading;
        if (paragraph.level == 2) return fonts.subheading;
        return fonts.bodyBold;
    }
    if (span.bold && span.italic) return fonts.boldItalic;
    if (span.bold) return fonts.bodyBold;
    if (span.italic) return fonts.italic;
    return fonts.body;
}

bool isListItem(const core::RichParagraph& p) { return p.kind == Kind::Bullet || p.kind == Kind::Numbered; }

// The air above a paragraph, by what it follows: headings belong to the text under them, list
// items to each other.
float spaceBefore(const Theme& theme, const core::RichParagraph& p, const core::RichParagraph* previous) {
    if (!previous) return 0.0f;
    if (p.kind == Kind::Heading) return theme.em(p.level <= 1 ? 1.1f : 0.9f);
    if (previous->kind == Kind::Heading) return theme.em(0.35f);
    if (isListItem(p) && (isListItem(*previous) || previous->level > 0)) return theme.em(0.3f);
    if (p.kind == Kind::Paragraph && p.level > 0) return theme.em(0.3f);  // continues a list item
    return theme.em(0.7f);
}

// Markers sit in a column to the left of the item's text, so wrapped lines align under the text
// (a hanging indent) and numbers line up on their right edge.
float listIndent(const Theme& theme) { return theme.em(1.6f); }

void drawMarker(FrameContext& ctx, ImDrawList& draw, const PlacedParagraph& p, ImVec2 origin) {
    const Theme& theme = ctx.theme;
    const core::RichParagraph& paragraph = *p.source;
    if (!isListItem(paragraph) || p.layout.pieces.empty()) return;
    const PlacedText& first = p.layout.pieces.front();
    const float textLeft = origin.x + p.offset.x;
    const float lineMiddle = origin.y + p.offset.y + first.lineTop + first.lineHeight * 0.5f;
    const ImU32 color = theme.colors().text;
    if (paragraph.kind == Kind::Bullet) {
        // Shapes, not "•" glyphs: crisp at every size and told apart by level without a font.
        const ImVec2 center(textLeft - theme.em(0.8f), lineMiddle);
        if (paragraph.level <= 1) {
            draw.AddCircleFilled(center, theme.em(0.16f), color, 12);
        } else {
            const float half = theme.em(0.13f);
            draw.AddRectFilled(ImVec2(center.x - half, center.y - half), ImVec2(center.x + half, center.y + half),
                               theme.colors().textMuted);
        }
        return;
    }
    const std::string number = std::to_string(paragraph.number) + ".";
    ImFont* font = first.font;
    const float width = textWidth(font, number);
    draw.AddText(font, font->FontSize, ImVec2(textLeft - theme.em(0.45f) - width, origin.y + p.offset.y + first.offset.y),
                 color, number.c_str());
}

}  // namespace

float drawRichText(FrameContext& ctx, const core::RichText& text, float width, std::string_view idPrefix) {
    const Theme& theme = ctx.theme;
    const Fonts& fonts = theme.fonts();

    // Links are numbered in order of appearance; `targets` maps the number back to the page.
    std::vector<std::string_view> targets;
    std::vector<PlacedParagraph> placed;
    float y = 0;
    const core::RichParagraph* previous = nullptr;
    for (const core::RichParagraph& paragraph : text) {
        std::vector<TextRun> runs;
        runs.reserve(paragraph.spans.size());
        for (const core::TextSpan& span : paragraph.spans) {
            int link = -1;
            if (!span.linkPage.empty()) {
                link = static_cast<int>(targets.size());
                targets.push_back(span.linkPage);
            }
            runs.push_back(TextRun{spanFont(fonts, paragraph, span), link >= 0 ? theme.colors().link : theme.colors().text,
                                   span.text, link});
        }
        const float indent = listIndent(theme) * static_cast<float>(std::max(paragraph.level, 0));
        const float lineHeight = paragraph.kind == Kind::Heading ? kLabelLineHeight : kReadingLineHeight;
        y += spaceBefore(theme, paragraph, previous);
        TextLayout layout = layoutText(runs, std::max(width - indent, theme.em(4.0f)), lineHeight, ctx.audit);
        const float height = layout.size.y;
        placed.push_back(PlacedParagraph{&paragraph, std::move(layout), ImVec2(paragraph.kind == Kind::Heading ? 0.0f : indent, y)});
        y += height;
        previous = &paragraph;
    }

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();

    // Tap targets first, so a pressed link can be drawn pressed in the same frame.
    std::vector<bool> linkPressed(targets.size(), false);
    std::map<std::string_view, int> piecesPerTarget;
    for (const PlacedParagraph& p : placed) {
        for (const PlacedText& piece : p.layout.pieces) {
            if (piece.link < 0 || piece.inkWidth <= 0) continue;
            const std::string_view target = targets[static_cast<std::size_t>(piece.link)];
            const std::string itemId = std::string(idPrefix) + "/link/" + std::string(target);
            // One ImGui id per piece: a link may wrap onto two lines or appear twice in a text.
            const std::string imguiId = itemId + "#" + std::to_string(piecesPerTarget[target]++);
            const ImVec2 min(origin.x + p.offset.x + piece.offset.x, origin.y + p.offset.y + piece.lineTop);
            const ImVec2 size(piece.inkWidth, piece.lineHeight);
            ImGui::SetCursorScreenPos(min);
            if (ImGui::InvisibleButton(imguiId.c_str(), size)) ctx.emit<core::OpenPage>(std::string(target));
            if (ImGui::IsItemActive()) linkPressed[static_cast<std::size_t>(piece.link)] = true;
            ctx.items.record(itemId, min, ImVec2(min.x + size.x, min.y + size.y));
            ctx.items.describeLast(std::string(piece.text), ItemRole::Link);
        }
    }

    const float underline = std::max(theme.hairline() * 2.0f, theme.em(0.07f));
    for (const PlacedParagraph& p : placed) {
        const ImVec2 at(origin.x + p.offset.x, origin.y + p.offset.y);
        for (const PlacedText& piece : p.layout.pieces) {
            if (piece.link < 0 || piece.inkWidth <= 0) continue;
            const float left = at.x + piece.offset.x;
            if (linkPressed[static_cast<std::size_t>(piece.link)]) {
                // Immediate feedback under the finger, as with every other tap target.
                const float pad = theme.em(0.15f);
                draw.AddRectFilled(ImVec2(left - pad, at.y + piece.lineTop), ImVec2(left + piece.inkWidth + pad, at.y + piece.lineTop + piece.lineHeight),
                                   theme.colors().surfacePressed, theme.em(0.2f));
            }
            // A filled rectangle, not a line: thin anti-aliased lines fade in the software renderer.
            const float baseline = at.y + piece.offset.y + piece.font->Ascent + theme.em(0.1f);
            draw.AddRectFilled(ImVec2(left, baseline), ImVec2(left + piece.inkWidth, baseline + underline), piece.color);
        }
        drawTextLayout(draw, at, p.layout);
        drawMarker(ctx, draw, p, origin);
    }

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, std::max(y, 1.0f)));
    return y;
}

}  // namespace kiosk::ui
