// Pictogram geometry in units of the pictogram's size (-0.5 … 0.5), scaled at draw time.
#include "ui/blocks/block_shapes.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

void drawCard(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border,
              float borderWidth) {
    const float radius = theme.cornerRadius();
    if (border == fill || borderWidth <= 0) {
        draw.AddRectFilled(min, max, fill, radius);
        return;
    }
    draw.AddRectFilled(min, max, border, radius);
    draw.AddRectFilled(ImVec2(min.x + borderWidth, min.y + borderWidth), ImVec2(max.x - borderWidth, max.y - borderWidth),
                       fill, std::max(0.0f, radius - borderWidth));
}

void drawPictogram(ImDrawList& draw, Pictogram pictogram, ImVec2 center, float size, ImU32 color, ImU32 background) {
    auto at = [&](float x, float y) { return ImVec2(center.x + x * size, center.y + y * size); };
    const float stroke = std::max(2.0f, size * 0.12f);
    auto line = [&](std::initializer_list<ImVec2> points, float thickness) {
        for (const ImVec2& p : points) draw.PathLineTo(p);
        draw.PathStroke(color, 0, thickness);
    };
    switch (pictogram) {
        case Pictogram::Check:
            line({at(-0.32f, 0.02f), at(-0.1f, 0.25f), at(0.34f, -0.24f)}, size * 0.16f);
            return;
        case Pictogram::Cross:
            line({at(-0.26f, -0.26f), at(0.26f, 0.26f)}, size * 0.16f);
            line({at(0.26f, -0.26f), at(-0.26f, 0.26f)}, size * 0.16f);
            return;
        case Pictogram::Pin:
            draw.AddCircleFilled(at(0.0f, -0.12f), size * 0.3f, color, 20);
            draw.AddTriangleFilled(at(-0.26f, -0.0f), at(0.26f, -0.0f), at(0.0f, 0.46f), color);
            draw.AddCircleFilled(at(0.0f, -0.12f), size * 0.11f, background, 12);
            return;
        case Pictogram::Clock:
            draw.AddCircle(center, size * 0.4f, color, 24, stroke);
            line({at(0.0f, -0.24f), at(0.0f, 0.0f), at(0.17f, 0.1f)}, stroke);
            return;
        case Pictogram::Phone:
            draw.AddRectFilled(at(-0.22f, -0.44f), at(0.22f, 0.44f), color, size * 0.08f);
            draw.AddRectFilled(at(-0.15f, -0.33f), at(0.15f, 0.24f), background);
            draw.AddCircleFilled(at(0.0f, 0.34f), size * 0.05f, background, 8);
            return;
        case Pictogram::Mail:
            draw.AddRectFilled(at(-0.44f, -0.3f), at(0.44f, 0.3f), color, size * 0.05f);
            draw.AddRectFilled(ImVec2(at(-0.44f, 0).x + stroke, at(0, -0.3f).y + stroke),
                               ImVec2(at(0.44f, 0).x - stroke, at(0, 0.3f).y - stroke), background);
            line({at(-0.38f, -0.24f), at(0.0f, 0.06f), at(0.38f, -0.24f)}, stroke);
            return;
        case Pictogram::Globe: {
            const float radius = size * 0.42f;
            draw.AddCircle(center, radius, color, 24, stroke);
            // The meridian: an ellipse as a polyline (ImGui 1.86 has no ellipse).
            constexpr int kSegments = 16;
            for (int i = 0; i <= kSegments; ++i) {
                const float angle = static_cast<float>(i) / kSegments * 6.2831853f;
                draw.PathLineTo(ImVec2(center.x + std::sin(angle) * radius * 0.42f, center.y + std::cos(angle) * radius));
            }
            draw.PathStroke(color, 0, stroke);
            draw.AddRectFilled(ImVec2(center.x - radius, center.y - stroke * 0.5f), ImVec2(center.x + radius, center.y + stroke * 0.5f),
                               color);
            return;
        }
        case Pictogram::Camera:
            draw.AddRectFilled(at(-0.44f, -0.24f), at(0.44f, 0.34f), color, size * 0.08f);
            draw.AddRectFilled(at(-0.16f, -0.36f), at(0.16f, -0.2f), color, size * 0.04f);
            draw.AddCircleFilled(at(0.0f, 0.05f), size * 0.19f, background, 16);
            draw.AddCircleFilled(at(0.0f, 0.05f), size * 0.1f, color, 12);
            return;
        case Pictogram::ArrowRight:
            draw.AddRectFilled(at(-0.4f, -0.07f), at(0.08f, 0.07f), color);
            draw.AddTriangleFilled(at(0.02f, -0.28f), at(0.42f, 0.0f), at(0.02f, 0.28f), color);
            return;
        case Pictogram::ArrowDown:
            draw.AddRectFilled(at(-0.07f, -0.4f), at(0.07f, 0.08f), color);
            draw.AddTriangleFilled(at(0.28f, 0.02f), at(0.0f, 0.42f), at(-0.28f, 0.02f), color);
            return;
        case Pictogram::ChevronLeft:
            line({at(0.14f, -0.32f), at(-0.18f, 0.0f), at(0.14f, 0.32f)}, size * 0.13f);
            return;
        case Pictogram::ChevronRight:
            line({at(-0.14f, -0.32f), at(0.18f, 0.0f), at(-0.14f, 0.32f)}, size * 0.13f);
            return;
    }
}

void drawBadge(ImDrawList& draw, Pictogram pictogram, ImVec2 center, float diameter, ImU32 fill, ImU32 ink) {
    draw.AddCircleFilled(center, diameter * 0.5f, fill, 24);
    drawPictogram(draw, pictogram, center, diameter * 0.62f, ink, fill);
}

}  // namespace kiosk::ui
