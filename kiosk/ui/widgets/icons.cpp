// Icon geometry in units of the icon's size (-0.5 … 0.5), scaled at draw time.
#include "ui/widgets/icons.hpp"

namespace kiosk::ui {

void drawIcon(ImDrawList& draw, Icon icon, ImVec2 center, float size, float thickness, ImU32 color) {
    auto at = [&](float x, float y) { return ImVec2(center.x + x * size, center.y + y * size); };
    switch (icon) {
        case Icon::None:
            return;
        case Icon::Back:
            draw.PathLineTo(at(0.15f, -0.35f));
            draw.PathLineTo(at(-0.2f, 0.0f));
            draw.PathLineTo(at(0.15f, 0.35f));
            draw.PathStroke(color, 0, thickness);
            return;
        case Icon::Forward:
            draw.PathLineTo(at(-0.15f, -0.35f));
            draw.PathLineTo(at(0.2f, 0.0f));
            draw.PathLineTo(at(-0.15f, 0.35f));
            draw.PathStroke(color, 0, thickness);
            return;
        case Icon::Home:
            // A roof and a house body with a door gap, like the pictogram on most apps' home buttons.
            draw.PathLineTo(at(-0.42f, -0.02f));
            draw.PathLineTo(at(0.0f, -0.4f));
            draw.PathLineTo(at(0.42f, -0.02f));
            draw.PathStroke(color, 0, thickness);
            draw.PathLineTo(at(-0.1f, 0.38f));
            draw.PathLineTo(at(-0.3f, 0.38f));
            draw.PathLineTo(at(-0.3f, 0.08f));
            draw.PathStroke(color, 0, thickness);
            draw.PathLineTo(at(0.1f, 0.38f));
            draw.PathLineTo(at(0.3f, 0.38f));
            draw.PathLineTo(at(0.3f, 0.08f));
            draw.PathStroke(color, 0, thickness);
            return;
    }
}

}  // namespace kiosk::ui
