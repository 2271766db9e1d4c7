// The checks are deliberately literal: they name what a visitor would see, not what an author meant.
#include "ui/render_audit.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8: ImGui's own UTF-8 decoder, the one its text drawing uses

namespace kiosk::ui {
namespace {

std::string codePointName(unsigned codePoint) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "U+%04X", codePoint);
    return buffer.data();
}

std::string quoted(std::string_view text) {
    constexpr std::size_t kLongest = 60;
    if (text.size() <= kLongest) return "'" + std::string(text) + "'";
    // Cut at a character boundary, never inside a UTF-8 sequence.
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "'" + std::string(text.substr(0, cut)) + "…'";
}

}  // namespace

std::string RenderProblem::describe() const {
    switch (kind) {
        case Kind::MissingGlyph: return "missing glyph " + detail + " in " + quoted(text);
        case Kind::Overflow: return "does not fit its box (" + detail + "): " + quoted(text);
        case Kind::RawMarkup: return "raw markup '" + detail + "' in " + quoted(text);
    }
    return detail;
}

std::string_view findRawMarkup(std::string_view text) {
    static constexpr std::array<std::string_view, 7> kAnywhere{"**", "__", "](", "`", "<b", "</", "<i>"};
    for (std::string_view markup : kAnywhere) {
        if (text.find(markup) != std::string_view::npos) return markup;
    }
    // A Markdown heading that was not parsed: "#" marks at the start of a line.
    for (std::size_t lineStart = 0; lineStart < text.size();) {
        std::size_t hashes = lineStart;
        while (hashes < text.size() && text[hashes] == '#') ++hashes;
        if (hashes > lineStart && hashes - lineStart <= 3 && hashes < text.size() && text[hashes] == ' ') {
            return text.substr(lineStart, hashes - lineStart + 1);
        }
        const std::size_t newline = text.find('\n', lineStart);
        if (newline == std::string_view::npos) break;
        lineStart = newline + 1;
    }
    return {};
}

void RenderAudit::beginFrame() {
    m_problems.clear();
    m_seen.clear();
}

void RenderAudit::add(RenderProblem::Kind kind, std::string_view text, std::string detail) {
    std::string key = std::to_string(static_cast<int>(kind)) + detail + '\x1F' + std::string(text);
    if (!m_seen.insert(std::move(key)).second) return;
    m_problems.push_back(RenderProblem{kind, std::string(text), std::move(detail)});
}

void RenderAudit::checkText(const ImFont* font, std::string_view text) {
    if (!font || text.empty()) return;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        unsigned int codePoint = 0;
        const int length = ImTextCharFromUtf8(&codePoint, p, end);
        p += length > 0 ? length : 1;
        // Line breaks and tabs are layout, not glyphs.
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') continue;
        if (codePoint > IM_UNICODE_CODEPOINT_MAX || !font->FindGlyphNoFallback(static_cast<ImWchar>(codePoint))) {
            add(RenderProblem::Kind::MissingGlyph, text, codePointName(codePoint));
        }
    }
    if (const std::string_view markup = findRawMarkup(text); !markup.empty()) {
        add(RenderProblem::Kind::RawMarkup, text, std::string(markup));
    }
}

void RenderAudit::noteOverflow(std::string_view what, float needed, float available) {
    add(RenderProblem::Kind::Overflow, what,
        std::to_string(static_cast<int>(std::ceil(needed))) + " px in " + std::to_string(static_cast<int>(available)) +
            " px");
}

}  // namespace kiosk::ui
