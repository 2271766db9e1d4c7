// The visual design system: colours, type scale, spacing, all sizes derived from one em per display.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>

#include <imgui.h>

namespace kiosk::ui {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
    // Optional: *emphasis* in rich text. Missing files fall back to upright, so emphasis is lost
    // but no text is.
    std::filesystem::path italic;
    std::filesystem::path boldItalic;
};

struct Palette {
    ImU32 background;
    ImU32 surface;        // cards and bars
    ImU32 surfacePressed;
    ImU32 border;
    ImU32 text;
    ImU32 textMuted;
    ImU32 primary;        // buttons that lead on
    ImU32 primaryPressed;
    ImU32 onPrimary;
    ImU32 chip;           // selected language, category labels
    ImU32 link;           // links inside text: also underlined, never told by colour alone
    ImU32 surfaceMuted;   // quieter cards: "before" in a comparison, date tiles
    ImU32 highlight;      // tinted cards that stand out: "after" in a comparison
    ImU32 success;        // a right quiz answer (always with a ✓ icon and words)
    ImU32 successSurface;
    ImU32 failure;        // a wrong quiz answer (always with a ✗ icon and words)
    ImU32 failureSurface;
    ImU32 qrDark;         // QR modules and their quiet zone: black on white scans everywhere
    ImU32 qrLight;
    ImU32 categoryHub;
    ImU32 categoryEgov;
    ImU32 categoryHealth;
    ImU32 scrim;  // over a page behind a modal prompt: the page stays visible, dimmed
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bodyBold = nullptr;
    ImFont* small = nullptr;
    ImFont* italic = nullptr;
    ImFont* boldItalic = nullptr;
    ImFont* subheading = nullptr;  // "## " inside rich text, step titles
    ImFont* heading = nullptr;  // headings inside a page
    ImFont* display = nullptr;  // page titles and the home headline
};

class Theme {
public:
    // One em for the whole UI from the display's shorter side, so 1080p, 4K, landscape and
    // portrait keep the same proportions: 30 px on a 1080-pixel side. `diagonalInches` (0:
    // unknown) is the panel's physical size: touch targets never get smaller than 9 mm on it.
    static Theme forDisplay(int width, int height, float diagonalInches = 0.0f);

    float em(float n = 1.0f) const { return m_em * n; }
    ImVec2 em2(float x, float y) const { return ImVec2(m_em * x, m_em * y); }
    float cornerRadius() const { return em(0.6f); }
    // 78 px at 1080p: 21 mm on a 24" panel, 9 mm on a 10" one; at least 9 mm wherever the
    // config gives the panel's size (EN 301 549 and platform guidelines ask for about that).
    float touchTarget() const { return std::max(em(2.6f), m_minTouchTarget); }
    // How far a finger moves before a press becomes a scroll: about 2.5 mm, more than a tap wobbles.
    float dragThreshold() const { return em(0.3f); }
    float hairline() const { return std::max(1.0f, em(1.0f / 30.0f)); }  // borders: 1 px at 1080p

    // The high-contrast palette while the visitor asked for it (issue 5), else the normal one.
    const Palette& colors() const { return m_highContrast ? m_highContrastPalette : m_palette; }
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on) { m_highContrast = on; }
    // The visitor's text size: 1, 1.5 or 2. Everything measured in em grows with it, so the
    // layout reflows as on a smaller screen instead of clipping bigger text in the same boxes.
    // True when the em changed: the owner of the font atlas must then load the fonts again.
    bool setTextScale(float scale);
    float textScale() const { return m_textScale; }
    const Fonts& fonts() const { return m_fonts; }

    // Loads the type scale into the atlas with FreeType. If a font file is missing the kiosk still
    // starts, with ImGui's built-in font, and the returned message says what to install.
    std::string loadFonts(ImFontAtlas& atlas, const FontFiles& files);

    // Touch has no hover: hovered colours equal normal ones, so nothing stays lit after a finger lifts.
    void applyTo(ImGuiStyle& style) const;

private:
    Theme(float em, float minTouchTarget);

    float m_displayEm;  // the em of the display at 100 % text
    float m_textScale = 1.0f;
    bool m_highContrast = false;
    float m_em;
    float m_minTouchTarget;  // 9 mm in pixels on the configured panel; 0 when its size is unknown
    Palette m_palette;
    Palette m_highContrastPalette;
    Fonts m_fonts;
};

}  // namespace kiosk::ui
