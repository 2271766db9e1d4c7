// Icon geometry in units of the icon's size (-0.5 … 0.5), scaled at draw time.
#include "ui/widgets/icons.hpp"

#include "ui/widgets/media_icons.hpp"

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
        case Icon::Shift:
        case Icon::ShiftOn: {
            const ImVec2 arrow[] = {at(0.0f, -0.42f), at(0.4f, 0.02f),    at(0.17f, 0.02f), at(0.17f, 0.38f),
                                    at(-0.17f, 0.38f), at(-0.17f, 0.02f), at(-0.4f, 0.02f)};
            if (icon == Icon::ShiftOn) {
                // Not convex as a whole: filled as its head and its shaft.
                draw.AddTriangleFilled(arrow[0], arrow[1], arrow[6], color);
                draw.AddRectFilled(arrow[5], arrow[3], color);
            }
            draw.AddPolyline(arrow, IM_ARRAYSIZE(arrow), color, ImDrawFlags_Closed, thickness);
            return;
        }
        case Icon::Backspace: {
            const ImVec2 cap[] = {at(-0.41f, 0.0f), at(-0.14f, -0.3f), at(0.42f, -0.3f), at(0.42f, 0.3f), at(-0.14f, 0.3f)};
            draw.AddPolyline(cap, IM_ARRAYSIZE(cap), color, ImDrawFlags_Closed, thickness);
            draw.AddLine(at(0.03f, -0.12f), at(0.27f, 0.12f), color, thickness);
            draw.AddLine(at(0.03f, 0.12f), at(0.27f, -0.12f), color, thickness);
            return;
        }
        case Icon::HideKeyboard:
            draw.AddRect(at(-0.45f, -0.42f), at(0.45f, 0.12f), color, size * 0.06f, 0, thickness * 0.8f);
            for (float x = -0.27f; x < 0.3f; x += 0.18f) {
                draw.AddLine(at(x - 0.04f, -0.26f), at(x + 0.04f, -0.26f), color, thickness * 0.8f);
            }
            draw.AddLine(at(-0.2f, -0.06f), at(0.2f, -0.06f), color, thickness * 0.8f);
            draw.PathLineTo(at(-0.15f, 0.24f));
            draw.PathLineTo(at(0.0f, 0.4f));
            draw.PathLineTo(at(0.15f, 0.24f));
            draw.PathStroke(color, 0, thickness);
            return;
        case Icon::Accessibility: {
            // Strokes as thick as the figure is small: the sign must still read as a person at
            // a finger's width. Limbs end in round caps so the figure looks drawn, not cut.
            const float limb = size * 0.085f;
            auto stroke = [&](ImVec2 from, ImVec2 to) {
                draw.AddLine(from, to, color, limb);
                draw.AddCircleFilled(from, limb * 0.5f, color, 8);
                draw.AddCircleFilled(to, limb * 0.5f, color, 8);
            };
            draw.AddCircle(center, size * 0.42f, color, 40, thickness);  // inside the box with its stroke
            draw.AddCircleFilled(at(0.0f, -0.245f), size * 0.075f, color, 16);
            stroke(at(-0.25f, -0.115f), at(0.25f, -0.115f));  // the arms, straight out
            stroke(at(0.0f, -0.11f), at(0.0f, 0.06f));         // the body
            stroke(at(-0.01f, 0.06f), at(-0.13f, 0.29f));      // the legs, apart
            stroke(at(0.01f, 0.06f), at(0.13f, 0.29f));
            return;
        }
        case Icon::Minus:
            draw.AddLine(at(-0.32f, 0.0f), at(0.32f, 0.0f), color, thickness);
            return;
        case Icon::Plus:
            draw.AddLine(at(-0.32f, 0.0f), at(0.32f, 0.0f), color, thickness);
            draw.AddLine(at(0.0f, -0.32f), at(0.0f, 0.32f), color, thickness);
            return;
        case Icon::Play:
        case Icon::Pause:
        case Icon::Replay:
        case Icon::SoundOn:
        case Icon::SoundOff:
        case Icon::Subtitles:
        case Icon::SubtitlesOff:
        case Icon::Close:
        case Icon::AudioDescription:
        case Icon::SignLanguage:
            drawMediaIcon(draw, icon, center, size, thickness, color);
            return;
    }
}

}  // namespace kiosk::ui
