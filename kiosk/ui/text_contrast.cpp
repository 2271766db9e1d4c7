// Why draw data and not pixels: every text reaches ImGui's draw lists as glyph quads with their
// declared colour, whoever drew it (our layout, ImGui's own widgets, a staff screen), and every
// shape under it is there in drawing order with its colour and clip rectangle. Anti-aliased glyph
// edges and image content make the pixels ambiguous; the draw data is not. What it cannot know,
// an image's colours, is taken at its worst: black and white both.
#include "ui/text_contrast.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>

#include "ui/contrast.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {
namespace {

std::uint64_t uvKey(ImVec2 uv) {
    return (static_cast<std::uint64_t>(std::bit_cast<std::uint32_t>(uv.x)) << 32) | std::bit_cast<std::uint32_t>(uv.y);
}

bool sameUv(ImVec2 a, float u, float v) { return a.x == u && a.y == v; }

// Something drawn that may lie under (or over) a glyph: a triangle of one colour, or of an image.
struct Cover {
    ImVec2 a, b, c;
    ImVec4 clip;
    ImU32 color;
    bool image;

    bool covers(ImVec2 p) const {
        if (p.x < clip.x || p.y < clip.y || p.x >= clip.z || p.y >= clip.w) return false;
        auto side = [&](ImVec2 from, ImVec2 to) { return (to.x - from.x) * (p.y - from.y) - (to.y - from.y) * (p.x - from.x); };
        const float ab = side(a, b);
        const float bc = side(b, c);
        const float ca = side(c, a);
        return (ab >= 0 && bc >= 0 && ca >= 0) || (ab <= 0 && bc <= 0 && ca <= 0);
    }
};

struct PlacedGlyph {
    TextContrastMeter::Glyph glyph;
    ImVec2 min, max;
    ImU32 color;
    ImVec4 clip;
    std::size_t coversBefore;  // how many covers were drawn before it
    int list;
};

// Covers by screen cell, each cell's list in drawing order: a glyph looks only at its own cell.
class CoverGrid {
public:
    CoverGrid(const std::vector<Cover>& covers, ImVec2 origin, ImVec2 size) : m_covers(covers), m_origin(origin) {
        m_columns = std::max(1, static_cast<int>(std::ceil(size.x / kCell)));
        m_rows = std::max(1, static_cast<int>(std::ceil(size.y / kCell)));
        m_cells.resize(static_cast<std::size_t>(m_columns * m_rows));
        for (std::size_t i = 0; i < covers.size(); ++i) {
            const Cover& c = covers[i];
            const float minX = std::max({std::min({c.a.x, c.b.x, c.c.x}), c.clip.x});
            const float maxX = std::min({std::max({c.a.x, c.b.x, c.c.x}), c.clip.z});
            const float minY = std::max({std::min({c.a.y, c.b.y, c.c.y}), c.clip.y});
            const float maxY = std::min({std::max({c.a.y, c.b.y, c.c.y}), c.clip.w});
            if (minX >= maxX || minY >= maxY) continue;
            const int x0 = column(minX), x1 = column(maxX), y0 = row(minY), y1 = row(maxY);
            for (int y = y0; y <= y1; ++y) {
                for (int x = x0; x <= x1; ++x) m_cells[static_cast<std::size_t>(y * m_columns + x)].push_back(i);
            }
        }
    }

    // The covers under `p`, in drawing order.
    const std::vector<std::size_t>& at(ImVec2 p) const {
        return m_cells[static_cast<std::size_t>(row(p.y) * m_columns + column(p.x))];
    }
    const Cover& operator[](std::size_t i) const { return m_covers[i]; }

private:
    static constexpr float kCell = 64.0f;
    int column(float x) const { return std::clamp(static_cast<int>((x - m_origin.x) / kCell), 0, m_columns - 1); }
    int row(float y) const { return std::clamp(static_cast<int>((y - m_origin.y) / kCell), 0, m_rows - 1); }

    const std::vector<Cover>& m_covers;
    ImVec2 m_origin;
    int m_columns = 1;
    int m_rows = 1;
    std::vector<std::vector<std::size_t>> m_cells;
};

struct Measured {
    ImU32 background;
    double ratio;
    bool overImage;
};

// The colour under `p` from the covers drawn before the glyph: translucent layers over the
// topmost opaque one (or the clear colour). Nullopt if something drawn later covers it.
std::optional<Measured> measureAt(const CoverGrid& grid, ImVec2 p, std::size_t coversBefore, ImU32 text, ImU32 clearColor) {
    const std::vector<std::size_t>& cell = grid.at(p);
    const auto split = std::lower_bound(cell.begin(), cell.end(), coversBefore);
    for (auto later = split; later != cell.end(); ++later) {
        if (grid[*later].covers(p)) return std::nullopt;
    }
    std::vector<ImU32> layers;  // top first
    bool overImage = false;
    std::optional<ImU32> base;
    for (auto it = split; it != cell.begin();) {
        const Cover& cover = grid[*--it];
        if (!cover.covers(p)) continue;
        if (cover.image) {
            overImage = true;
            break;
        }
        if (((cover.color >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF) {
            base = cover.color;
            break;
        }
        layers.push_back(cover.color);
    }
    auto over = [&](ImU32 bottom) {
        for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) bottom = blendOver(*layer, bottom);
        return Measured{bottom, contrastRatio(blendOver(text, bottom), bottom), overImage};
    };
    if (!overImage) return over(base.value_or(blendOver(clearColor, IM_COL32_BLACK)));
    const Measured onBlack = over(IM_COL32_BLACK);
    const Measured onWhite = over(IM_COL32_WHITE);
    return onBlack.ratio < onWhite.ratio ? onBlack : onWhite;
}

void appendUtf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::vector<FontStyle> fontStyles(const Fonts& fonts) {
    return {{fonts.body, false},     {fonts.small, false},     {fonts.italic, false},  {fonts.bodyBold, true},
            {fonts.boldItalic, true}, {fonts.subheading, true}, {fonts.heading, true}, {fonts.display, true}};
}

TextContrastMeter::TextContrastMeter(const ImFontAtlas& atlas, std::span<const FontStyle> styles, float bodyPixels)
    : m_atlas(atlas), m_bodyPixels(bodyPixels) {
    for (const ImFont* font : atlas.Fonts) {
        // One font in several roles (ImGui's built-in font when the files are missing) counts as
        // bold only if every role is bold: "large" must never be granted by mistake.
        bool anyBold = false;
        bool anyRegular = false;
        for (const FontStyle& style : styles) {
            if (style.font != font) continue;
            anyBold = anyBold || style.bold;
            anyRegular = anyRegular || !style.bold;
        }
        const bool bold = anyBold && !anyRegular;
        for (const ImFontGlyph& glyph : font->Glyphs) {
            if (glyph.Visible) m_glyphsByUv.emplace(uvKey(ImVec2(glyph.U0, glyph.V0)), Glyph{font, &glyph, bold});
        }
    }
}

FrameContrast TextContrastMeter::measure(const ImDrawData& drawData, ImU32 clearColor) const {
    std::vector<Cover> covers;
    std::vector<PlacedGlyph> glyphs;
    const ImVec2 white = m_atlas.TexUvWhitePixel;
    for (int l = 0; l < drawData.CmdListsCount; ++l) {
        const ImDrawList& list = *drawData.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) continue;
            const bool atlasTexture = cmd.TextureId == m_atlas.TexID;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + i;
                const ImDrawVert& v0 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[0])];
                const ImDrawVert& v1 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[1])];
                const ImDrawVert& v2 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + idx[2])];
                if (!atlasTexture) {
                    covers.push_back(Cover{v0.pos, v1.pos, v2.pos, cmd.ClipRect, v0.col, true});
                    continue;
                }
                if (sameUv(v0.uv, white.x, white.y) && sameUv(v1.uv, white.x, white.y) && sameUv(v2.uv, white.x, white.y)) {
                    // An anti-aliased fringe fades to transparent: not a background, only an edge.
                    if (v0.col == v1.col && v1.col == v2.col && (v0.col & IM_COL32_A_MASK) != 0) {
                        covers.push_back(Cover{v0.pos, v1.pos, v2.pos, cmd.ClipRect, v0.col, false});
                    }
                    continue;
                }
                // A glyph quad's first triangle: top-left, top-right, bottom-right corners.
                const auto found = m_glyphsByUv.find(uvKey(v0.uv));
                if (found == m_glyphsByUv.end()) continue;
                const ImFontGlyph& g = *found->second.glyph;
                if (!sameUv(v1.uv, g.U1, g.V0) || !sameUv(v2.uv, g.U1, g.V1)) continue;
                glyphs.push_back(PlacedGlyph{found->second, v0.pos, v2.pos, v0.col, cmd.ClipRect, covers.size(), l});
            }
        }
    }

    const CoverGrid grid(covers, drawData.DisplayPos, drawData.DisplaySize);
    FrameContrast out;
    TextContrast* run = nullptr;
    const PlacedGlyph* previous = nullptr;
    float previousPenX = 0, previousPenY = 0, previousScale = 1;
    for (const PlacedGlyph& placed : glyphs) {
        const ImVec2 center((placed.min.x + placed.max.x) * 0.5f, (placed.min.y + placed.max.y) * 0.5f);
        const ImVec4& clip = placed.clip;
        const bool inClip = center.x >= clip.x && center.y >= clip.y && center.x < clip.z && center.y < clip.w;
        const std::optional<Measured> measured =
            inClip ? measureAt(grid, center, placed.coversBefore, placed.color, clearColor) : std::nullopt;
        if (!measured) {
            ++out.hiddenGlyphs;
            continue;
        }
        ++out.glyphs;
        const ImFontGlyph& g = *placed.glyph.glyph;
        const float scale = g.Y1 > g.Y0 ? (placed.max.y - placed.min.y) / (g.Y1 - g.Y0) : 1.0f;
        const float fontPixels = placed.glyph.font->FontSize * scale;
        const float penX = placed.min.x - g.X0 * scale;
        const float penY = placed.min.y - g.Y0 * scale;

        // The same run goes on along its line, or onto the next line of the same paragraph.
        bool continues = run && previous && previous->list == placed.list && previous->glyph.font == placed.glyph.font &&
                         previous->color == placed.color && run->background == measured->background &&
                         run->overImage == measured->overImage;
        bool space = false;
        if (continues) {
            const float dy = penY - previousPenY;
            if (std::abs(dy) < 0.5f) {
                const float expected = previousPenX + previous->glyph.glyph->AdvanceX * previousScale;
                continues = penX >= expected - 0.5f * fontPixels;
                space = penX > expected + std::max(1.5f, 0.12f * fontPixels);  // a space is about 0.25 em; snapping moves 1 px
            } else {
                continues = dy > 0 && dy <= 2.5f * fontPixels;
                space = true;
            }
        }
        if (!continues) {
            out.texts.push_back(TextContrast{{}, placed.color, measured->background, measured->ratio, fontPixels,
                                             placed.glyph.bold, isLargeText(fontPixels, placed.glyph.bold, m_bodyPixels),
                                             measured->overImage, placed.min, placed.max});
            run = &out.texts.back();
        } else {
            if (space) run->text += ' ';
            run->ratio = std::min(run->ratio, measured->ratio);
            run->min = ImVec2(std::min(run->min.x, placed.min.x), std::min(run->min.y, placed.min.y));
            run->max = ImVec2(std::max(run->max.x, placed.max.x), std::max(run->max.y, placed.max.y));
        }
        appendUtf8(run->text, g.Codepoint);
        previous = &placed;
        previousPenX = penX;
        previousPenY = penY;
        previousScale = scale;
    }
    return out;
}

}  // namespace kiosk::ui
