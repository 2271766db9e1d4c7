// Draws ImGui's draw lists with SDL_Render*: solid shapes as filled spans on the software renderer.
#include "platform/draw_data_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

namespace kiosk::platform {
namespace {

// A vertex where SDL's software rasteriser puts it: it truncates float positions to whole pixels
// (SW_QueueGeometry), so spans computed from the same points cover the pixels its triangles did.
struct PixelPoint {
    int x;
    int y;
};

PixelPoint toPixel(const ImVec2& position) { return PixelPoint{static_cast<int>(position.x), static_cast<int>(position.y)}; }

long long cross(PixelPoint origin, PixelPoint a, PixelPoint b) {
    return static_cast<long long>(a.x - origin.x) * (b.y - origin.y) - static_cast<long long>(a.y - origin.y) * (b.x - origin.x);
}

int sign(long long value) { return (value > 0) - (value < 0); }

// True for a simple convex polygon: it turns one way only and goes right-then-left (and down-then-up)
// once. A fan of a concave or self-crossing outline is not the area between its leftmost and
// rightmost edge on a row, so those are filled triangle by triangle instead.
bool isConvex(const std::vector<PixelPoint>& polygon) {
    const std::size_t count = polygon.size();
    int turn = 0;
    int xFlips = 0;
    int yFlips = 0;
    int lastDx = 0;
    int lastDy = 0;
    int firstDx = 0;
    int firstDy = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const PixelPoint a = polygon[i];
        const PixelPoint b = polygon[(i + 1) % count];
        const PixelPoint c = polygon[(i + 2) % count];
        const int thisTurn = sign(cross(a, b, c));
        if (thisTurn != 0) {
            if (turn != 0 && thisTurn != turn) return false;
            turn = thisTurn;
        }
        const int dx = sign(b.x - a.x);
        const int dy = sign(b.y - a.y);
        if (dx != 0) {
            if (lastDx != 0 && dx != lastDx) ++xFlips;
            if (firstDx == 0) firstDx = dx;
            lastDx = dx;
        }
        if (dy != 0) {
            if (lastDy != 0 && dy != lastDy) ++yFlips;
            if (firstDy == 0) firstDy = dy;
            lastDy = dy;
        }
    }
    // Closing the loop: the last direction back to the first one.
    if (lastDx != 0 && firstDx != 0 && lastDx != firstDx) ++xFlips;
    if (lastDy != 0 && firstDy != 0 && lastDy != firstDy) ++yFlips;
    return xFlips <= 2 && yFlips <= 2;
}

// Appends the rows of pixels whose centres lie inside the convex polygon, within `clip`, merging
// rows of equal extent into one rectangle (a plain rectangle becomes one fill). Left edges are
// inclusive and right edges exclusive, the top-left rule SDL's triangles follow, so neighbouring
// shapes neither overlap nor leave gaps.
void appendConvexSpans(const std::vector<PixelPoint>& polygon, const SDL_Rect& clip, std::vector<SDL_Rect>& rects) {
    int top = polygon.front().y;
    int bottom = top;
    for (const PixelPoint& point : polygon) {
        top = std::min(top, point.y);
        bottom = std::max(bottom, point.y);
    }
    top = std::max(top, clip.y);
    bottom = std::min(bottom, clip.y + clip.h);
    const int clipRight = clip.x + clip.w;
    const std::size_t firstOfShape = rects.size();
    for (int row = top; row < bottom; ++row) {
        const double centreY = row + 0.5;
        double left = HUGE_VAL;
        double right = -HUGE_VAL;
        for (std::size_t i = 0; i < polygon.size(); ++i) {
            const PixelPoint a = polygon[i];
            const PixelPoint b = polygon[(i + 1) % polygon.size()];
            if ((a.y <= centreY) == (b.y <= centreY)) continue;
            const double x = a.x + (centreY - a.y) * (b.x - a.x) / static_cast<double>(b.y - a.y);
            left = std::min(left, x);
            right = std::max(right, x);
        }
        if (!(left < right)) continue;
        const int first = std::max(clip.x, static_cast<int>(std::ceil(left - 0.5)));
        const int end = std::min(clipRight, static_cast<int>(std::ceil(right - 0.5)));
        if (end <= first) continue;
        if (rects.size() > firstOfShape) {
            SDL_Rect& previous = rects.back();
            if (previous.x == first && previous.w == end - first && previous.y + previous.h == row) {
                ++previous.h;
                continue;
            }
        }
        rects.push_back(SDL_Rect{first, row, end - first, 1});
    }
}

// Paints one ImDrawCmd: solid triangles as spans, the rest as geometry, in their original order.
// Only one kind is pending at a time, so flushing one before adding the other keeps that order.
class CommandPainter {
public:
    CommandPainter(SDL_Renderer* renderer, const ImDrawList& list, const ImDrawCmd& command, const SDL_Rect& clip,
                   std::vector<SDL_Rect>& rects, std::vector<int>& indices, std::vector<PixelPoint>& polygon)
        : m_renderer(renderer), m_vertices(list.VtxBuffer.Data + command.VtxOffset),
          m_indices(list.IdxBuffer.Data + command.IdxOffset), m_elementCount(command.ElemCount),
          m_texture(static_cast<SDL_Texture*>(command.GetTexID())), m_clip(clip), m_rects(rects),
          m_geometry(indices), m_polygon(polygon) {
        const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        m_texturedWithAtlas = command.GetTexID() == atlas.TexID;
        m_whitePixel = atlas.TexUvWhitePixel;
        m_rects.clear();
        m_geometry.clear();
    }

    void paint() {
        unsigned int at = 0;
        while (at + 3 <= m_elementCount) {
            if (!isSolid(at)) {
                addGeometry(at);
                at += 3;
                continue;
            }
            at = addSolidFan(at);
        }
        flushFill();
        flushGeometry();
    }

private:
    const ImDrawVert& vertex(unsigned int element) const { return m_vertices[m_indices[element]]; }

    // One colour and the atlas' white pixel at all three corners: the triangle is that colour
    // everywhere, whatever SDL would interpolate.
    bool isSolid(unsigned int first) const {
        if (!m_texturedWithAtlas) return false;
        const ImU32 color = vertex(first).col;
        for (unsigned int corner = 0; corner < 3; ++corner) {
            const ImDrawVert& v = vertex(first + corner);
            if (v.col != color || v.uv.x != m_whitePixel.x || v.uv.y != m_whitePixel.y) return false;
        }
        return true;
    }

    // ImGui fills convex shapes (rectangles, rounded rectangles, circles) as triangle fans around
    // their first point: (a, b, c), (a, c, d) … Collects the whole fan of one colour as a polygon
    // and returns the element after it.
    unsigned int addSolidFan(unsigned int first) {
        const ImU32 color = vertex(first).col;
        const ImDrawIdx pivot = m_indices[first];
        ImDrawIdx last = m_indices[first + 2];
        m_polygon.clear();
        for (unsigned int corner = 0; corner < 3; ++corner) m_polygon.push_back(toPixel(vertex(first + corner).pos));
        unsigned int next = first + 3;
        while (next + 3 <= m_elementCount && m_indices[next] == pivot && m_indices[next + 1] == last &&
               vertex(next).col == color && isSolid(next)) {
            last = m_indices[next + 2];
            m_polygon.push_back(toPixel(vertex(next + 2).pos));
            next += 3;
        }
        flushGeometry();
        if (color != m_fillColor) flushFill();
        m_fillColor = color;
        const bool rectangle = next - first == 6 && appendRectangle(first);
        if (rectangle) return next;
        if (isConvex(m_polygon)) {
            appendConvexSpans(m_polygon, m_clip, m_rects);
        } else {
            const PixelPoint centre = m_polygon.front();
            for (std::size_t i = 1; i + 1 < m_polygon.size(); ++i) {
                const std::vector<PixelPoint> triangle{centre, m_polygon[i], m_polygon[i + 1]};
                appendConvexSpans(triangle, m_clip, m_rects);
            }
        }
        return next;
    }

    // Two triangles (a, b, c), (a, c, d) on an axis-aligned rectangle. SDL's software renderer
    // already turns such a pair into SDL_RenderFillRectF, which truncates the corner and the size
    // each on its own (SW_QueueFillRects); doing the same keeps thin bars (an exclamation mark, a
    // separator line) exactly as wide as they were.
    bool appendRectangle(unsigned int first) {
        const ImVec2 corners[4] = {vertex(first).pos, vertex(first + 1).pos, vertex(first + 2).pos, vertex(first + 5).pos};
        ImVec2 low = corners[0];
        ImVec2 high = corners[0];
        for (const ImVec2& corner : corners) {
            low = ImVec2(std::min(low.x, corner.x), std::min(low.y, corner.y));
            high = ImVec2(std::max(high.x, corner.x), std::max(high.y, corner.y));
        }
        for (const ImVec2& corner : corners) {
            if ((corner.x != low.x && corner.x != high.x) || (corner.y != low.y && corner.y != high.y)) return false;
        }
        const bool distinctCorners = (corners[0].x != corners[2].x || corners[0].y != corners[2].y) &&
                                     (corners[1].x != corners[3].x || corners[1].y != corners[3].y);
        if (!distinctCorners || high.x == low.x || high.y == low.y) return false;
        m_rects.push_back(SDL_Rect{static_cast<int>(low.x), static_cast<int>(low.y), std::max(static_cast<int>(high.x - low.x), 1),
                                   std::max(static_cast<int>(high.y - low.y), 1)});
        return true;
    }

    void addGeometry(unsigned int first) {
        flushFill();
        for (unsigned int corner = 0; corner < 3; ++corner) m_geometry.push_back(m_indices[first + corner]);
    }

    void flushFill() {
        if (m_rects.empty()) return;
        auto channel = [this](int shift) { return static_cast<Uint8>((m_fillColor >> shift) & 0xFF); };
        const Uint8 alpha = channel(IM_COL32_A_SHIFT);
        // Opaque spans need no blending: SDL then fills them with its SIMD fill instead of
        // reading back and mixing every pixel, and the result is the same colour.
        SDL_SetRenderDrawBlendMode(m_renderer, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(m_renderer, channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT),
                               alpha);
        SDL_RenderFillRects(m_renderer, m_rects.data(), static_cast<int>(m_rects.size()));
        m_rects.clear();
    }

    // SDL checks every vertex it is given on each call, so it gets only the range the pending
    // triangles use, not the whole draw list from the command on.
    void flushGeometry() {
        if (m_geometry.empty()) return;
        const auto [lowest, highest] = std::minmax_element(m_geometry.begin(), m_geometry.end());
        const int base = *lowest;
        const int vertexCount = *highest - base + 1;
        for (int& index : m_geometry) index -= base;
        const ImDrawVert* vertices = m_vertices + base;
        SDL_RenderGeometryRaw(m_renderer, m_texture, &vertices->pos.x, static_cast<int>(sizeof(ImDrawVert)),
                              reinterpret_cast<const SDL_Color*>(&vertices->col), static_cast<int>(sizeof(ImDrawVert)),
                              &vertices->uv.x, static_cast<int>(sizeof(ImDrawVert)), vertexCount, m_geometry.data(),
                              static_cast<int>(m_geometry.size()), static_cast<int>(sizeof(int)));
        m_geometry.clear();
    }

    SDL_Renderer* m_renderer;
    const ImDrawVert* m_vertices;
    const ImDrawIdx* m_indices;
    unsigned int m_elementCount;
    SDL_Texture* m_texture;
    SDL_Rect m_clip;
    bool m_texturedWithAtlas = false;
    ImVec2 m_whitePixel;
    ImU32 m_fillColor = 0;
    std::vector<SDL_Rect>& m_rects;
    std::vector<int>& m_geometry;
    std::vector<PixelPoint>& m_polygon;
};

bool isSoftwareRenderer(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    return SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

// The spans assume one ImGui unit is one pixel, as on the kiosk's renderers; anything scaled is
// left to the backend, which handles it.
bool isUnscaled(SDL_Renderer* renderer, const ImDrawData& drawData) {
    float scaleX = 1.0f;
    float scaleY = 1.0f;
    SDL_RenderGetScale(renderer, &scaleX, &scaleY);
    return scaleX == 1.0f && scaleY == 1.0f && drawData.FramebufferScale.x == 1.0f && drawData.FramebufferScale.y == 1.0f;
}

void resetRenderState(SDL_Renderer* renderer) {
    SDL_RenderSetViewport(renderer, nullptr);
    SDL_RenderSetClipRect(renderer, nullptr);
}

// The command's clip rectangle in pixels, cut to the target; empty when nothing of it is visible.
SDL_Rect pixelClip(const ImDrawCmd& command, const ImDrawData& drawData) {
    const ImVec2 offset = drawData.DisplayPos;
    const float minX = std::max(0.0f, command.ClipRect.x - offset.x);
    const float minY = std::max(0.0f, command.ClipRect.y - offset.y);
    const float maxX = std::min(drawData.DisplaySize.x, command.ClipRect.z - offset.x);
    const float maxY = std::min(drawData.DisplaySize.y, command.ClipRect.w - offset.y);
    if (maxX <= minX || maxY <= minY) return SDL_Rect{0, 0, 0, 0};
    // Truncated exactly as ImGui's backend does, so clipping matches it to the pixel.
    return SDL_Rect{static_cast<int>(minX), static_cast<int>(minY), static_cast<int>(maxX - minX), static_cast<int>(maxY - minY)};
}

}  // namespace

void renderDrawData(SDL_Renderer* renderer, ImDrawData* drawData) {
    if (!isSoftwareRenderer(renderer) || !isUnscaled(renderer, *drawData)) {
        ImGui_ImplSDLRenderer_RenderDrawData(drawData);
        return;
    }
    if (drawData->DisplaySize.x <= 0 || drawData->DisplaySize.y <= 0) return;

    SDL_Rect oldViewport{};
    SDL_Rect oldClip{};
    const bool oldClipEnabled = SDL_RenderIsClipEnabled(renderer) == SDL_TRUE;
    SDL_RenderGetViewport(renderer, &oldViewport);
    SDL_RenderGetClipRect(renderer, &oldClip);
    SDL_BlendMode oldBlendMode = SDL_BLENDMODE_NONE;
    Uint8 oldColor[4] = {};
    SDL_GetRenderDrawBlendMode(renderer, &oldBlendMode);
    SDL_GetRenderDrawColor(renderer, &oldColor[0], &oldColor[1], &oldColor[2], &oldColor[3]);

    std::vector<SDL_Rect> rects;
    std::vector<int> indices;
    std::vector<PixelPoint> polygon;
    resetRenderState(renderer);
    for (int n = 0; n < drawData->CmdListsCount; ++n) {
        const ImDrawList& list = *drawData->CmdLists[n];
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback) {
                if (command.UserCallback == ImDrawCallback_ResetRenderState) {
                    resetRenderState(renderer);
                } else {
                    command.UserCallback(&list, &command);
                }
                continue;
            }
            const SDL_Rect clip = pixelClip(command, *drawData);
            if (clip.w <= 0 || clip.h <= 0) continue;
            SDL_RenderSetClipRect(renderer, &clip);
            CommandPainter(renderer, list, command, clip, rects, indices, polygon).paint();
        }
    }

    SDL_RenderSetViewport(renderer, &oldViewport);
    SDL_RenderSetClipRect(renderer, oldClipEnabled ? &oldClip : nullptr);
    SDL_SetRenderDrawBlendMode(renderer, oldBlendMode);
    SDL_SetRenderDrawColor(renderer, oldColor[0], oldColor[1], oldColor[2], oldColor[3]);
}

}  // namespace kiosk::platform
