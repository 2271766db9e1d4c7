// The only file with colour values and pixel numbers; everything else asks the theme.
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>

#include <imgui_freetype.h>

namespace kiosk::ui {
namespace {

constexpr ImU32 rgb(unsigned value) {
    return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 0xFF);
}

// Latin with umlauts, ß and most European names, Cyrillic (uk, ru, bg, sr), typographic
// punctuation, €. Each range costs atlas space and start-up time in five sizes, so rarely used
// blocks (most of Latin Extended-B, Cyrillic Supplement) are left out.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1, Latin Extended-A (Polish, Czech, Turkish …)
    0x0218, 0x021B,  // Romanian ș ț
    0x0400, 0x045F,  // Cyrillic
    0x0490, 0x0491,  // Ukrainian Ґ ґ
    0x2010, 0x205E,  // dashes, quotes „“ ‚‘, bullet, ellipsis
    0x2190, 0x2193,  // arrows: facts like "3 → 0"
    0x20AC, 0x20AC,  // €
    0,
};
}  // namespace

Theme::Theme(float em, float minTouchTarget) : m_displayEm(em), m_em(em), m_minTouchTarget(minTouchTarget) {
    // Calm public-service palette. Every text meets WCAG AA (4.5:1, measured over all sample
    // screens by tests/ui/test_contrast.cpp: lowest 5.97:1); body text on background and surface
    // is over 7:1, muted, success and failure text are not (a high-contrast theme must be).
    m_palette = Palette{
        .background = rgb(0xF3F6FA),
        .surface = rgb(0xFFFFFF),
        .surfacePressed = rgb(0xDCE7F5),
        .border = rgb(0xD5DEE8),
        .text = rgb(0x1B2330),
        .textMuted = rgb(0x4A5566),
        .primary = rgb(0x0B4F8A),
        .primaryPressed = rgb(0x073763),
        .onPrimary = rgb(0xFFFFFF),
        .chip = rgb(0xD6E6F7),
        .link = rgb(0x0B5CAD),
        .surfaceMuted = rgb(0xE7ECF2),
        .highlight = rgb(0xE8F1FB),
        .success = rgb(0x17683A),
        .successSurface = rgb(0xE3F4E8),
        .failure = rgb(0xA3262A),
        .failureSurface = rgb(0xFBE9E9),
        .qrDark = rgb(0x000000),
        .qrLight = rgb(0xFFFFFF),
        .categoryHub = rgb(0xF2B630),
        .categoryEgov = rgb(0x1F6FC5),
        .categoryHealth = rgb(0x0F8B7E),
        .scrim = IM_COL32(0x10, 0x18, 0x28, 150),  // the text colour's hue, 59 % opaque
    };
    // High contrast (issue 5): light on black, as low-vision readers usually prefer it, every
    // text at 7:1 or more against whatever it is drawn on (WCAG AAA, measured over all sample
    // screens by tests/ui/test_content_walk.cpp: lowest 9.66:1, the wrong answer's words on its
    // card; body text on background and surface 19:1 and more), and white borders so every card
    // and control has an edge, not only a shade. Yellow marks what is chosen and what leads on.
    m_highContrastPalette = Palette{
        .background = rgb(0x000000),
        .surface = rgb(0x0A0A0A),
        .surfacePressed = rgb(0x3A3A3A),
        .border = rgb(0xFFFFFF),
        .text = rgb(0xFFFFFF),
        .textMuted = rgb(0xE6E6E6),
        .primary = rgb(0xFFE14D),  // yellow: the brightest hue, told apart from white text by its black label
        .primaryPressed = rgb(0xD9B800),
        .onPrimary = rgb(0x000000),
        .chip = rgb(0x00315C),
        .link = rgb(0x9CD3FF),
        .surfaceMuted = rgb(0x1A1A1A),
        .highlight = rgb(0x002B52),
        .success = rgb(0x7CF0A0),
        .successSurface = rgb(0x00240F),
        .failure = rgb(0xFFA3A3),
        .failureSurface = rgb(0x330000),
        .qrDark = rgb(0x000000),  // QR codes stay black on white: scanners expect that
        .qrLight = rgb(0xFFFFFF),
        .categoryHub = rgb(0xFFC940),
        .categoryEgov = rgb(0x6FB2FF),
        .categoryHealth = rgb(0x3FE0CC),
        .scrim = IM_COL32(0x00, 0x00, 0x00, 200),
    };
}

bool Theme::setTextScale(float scale) {
    m_textScale = scale;
    // Capped where ImGui 1.86's FreeType builder still copes with the largest font (it crashes
    // from about 250 px glyphs; the display font is 1.9 em): 200 % of 4K's em is just inside.
    const float em = std::min(m_displayEm * scale, 120.0f);
    if (em == m_em) return false;
    m_em = em;
    return true;
}

Theme Theme::forDisplay(int width, int height, float diagonalInches) {
    const float shorter = static_cast<float>(std::min(width, height));
    // Pixels per millimetre from the diagonal in pixels over the diagonal in millimetres.
    const float diagonalPixels = std::hypot(static_cast<float>(width), static_cast<float>(height));
    const float minTouchTarget = diagonalInches > 0.0f ? 9.0f * diagonalPixels / (diagonalInches * 25.4f) : 0.0f;
    // Capped at 4K's em: larger glyphs overflow the FreeType atlas builder of ImGui 1.86 (it
    // crashes from about 250 px), and nobody reads a kiosk from further away than a 4K one.
    return Theme(std::clamp(shorter / 36.0f, 14.0f, 60.0f), minTouchTarget);
}

std::string Theme::loadFonts(ImFontAtlas& atlas, const FontFiles& files) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    std::error_code ec;
    for (const auto& file : {files.regular, files.bold}) {
        if (!std::filesystem::is_regular_file(file, ec)) {
            ImFont* fallback = atlas.AddFontDefault();
            m_fonts = Fonts{fallback, fallback, fallback, fallback, fallback, fallback, fallback, fallback};
            return "font file " + file.string() + " not found; using ImGui's small built-in font. "
                   "Install fonts-noto-core (deploy/install-deps.sh).";
        }
    }
    auto add = [&](const std::filesystem::path& file, float sizeEm) {
        ImFontConfig config;
        config.OversampleH = 1;  // FreeType hints at the exact size; oversampling only costs atlas space
        config.PixelSnapH = true;
        return atlas.AddFontFromFileTTF(file.c_str(), em(sizeEm), &config, kGlyphRanges);
    };
    auto orUpright = [&ec](const std::filesystem::path& wanted, const std::filesystem::path& upright) {
        return !wanted.empty() && std::filesystem::is_regular_file(wanted, ec) ? wanted : upright;
    };
    m_fonts.body = add(files.regular, 1.0f);
    m_fonts.bodyBold = add(files.bold, 1.0f);
    m_fonts.italic = add(orUpright(files.italic, files.regular), 1.0f);
    m_fonts.boldItalic = add(orUpright(files.boldItalic, files.bold), 1.0f);
    m_fonts.subheading = add(files.bold, 1.15f);
    m_fonts.small = add(files.regular, 0.8f);
    m_fonts.heading = add(files.bold, 1.35f);
    m_fonts.display = add(files.bold, 1.9f);
    return {};
}

void Theme::applyTo(ImGuiStyle& style) const {
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameRounding = cornerRadius();
    style.ItemSpacing = em2(0.6f, 0.3f);
    style.ScrollbarSize = em(0.5f);
    style.ScrollbarRounding = em(0.25f);
    style.TouchExtraPadding = em2(0.2f, 0.2f);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;

    const Palette& p = colors();  // the high-contrast one too: the window background is ImGui's
    auto set = [&style](ImGuiCol which, ImU32 color) { style.Colors[which] = ImGui::ColorConvertU32ToFloat4(color); };
    set(ImGuiCol_Text, p.text);
    set(ImGuiCol_TextDisabled, p.textMuted);
    set(ImGuiCol_WindowBg, p.background);
    set(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    set(ImGuiCol_ScrollbarBg, IM_COL32(0, 0, 0, 0));
    set(ImGuiCol_ScrollbarGrab, p.border);
    set(ImGuiCol_ScrollbarGrabHovered, p.border);
    set(ImGuiCol_ScrollbarGrabActive, p.textMuted);
    set(ImGuiCol_Button, p.primary);
    set(ImGuiCol_ButtonHovered, p.primary);
    set(ImGuiCol_ButtonActive, p.primaryPressed);
}

}  // namespace kiosk::ui
