// The video player's icons and the sign-language pictogram, in units of the icon's size (-0.5 … 0.5).
//
// Everything stays inside ±0.46 of the size with a stroke of up to 0.12 of it (a button's),
// so the anti-aliased edge never leaves the icon's box (tests/ui/test_icons.cpp checks the
// pixels). Shapes are opaque filled convex polygons and thick lines: what SDL's software
// renderer draws fast. Filled polygons go clockwise on screen, or ImGui's anti-aliased fringe
// lands inside the shape instead of around it.
#include "ui/widgets/media_icons.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

constexpr float kPi = 3.14159265f;

// Maps icon units to pixels around the icon's centre.
struct IconFrame {
    ImVec2 center;
    float size;
    ImVec2 at(float x, float y) const { return ImVec2(center.x + x * size, center.y + y * size); }
    float px(float units) const { return units * size; }
};

void arc(ImDrawList& draw, ImVec2 center, float radius, float from, float to, float thickness, ImU32 color) {
    draw.PathArcTo(center, radius, from, to);
    draw.PathStroke(color, 0, thickness);
}

// A loudspeaker facing right, its cone's mouth on the icon's middle line: waves or a cross
// fill the right half.
void speaker(ImDrawList& draw, const IconFrame& f, ImU32 color) {
    draw.AddRectFilled(f.at(-0.4f, -0.12f), f.at(-0.24f, 0.12f), color);
    draw.AddQuadFilled(f.at(-0.24f, -0.12f), f.at(0.0f, -0.32f), f.at(0.0f, 0.32f), f.at(-0.24f, 0.12f), color);
}

// Two waves spreading from `origin` to the right: sound.
void soundWaves(ImDrawList& draw, const IconFrame& f, ImVec2 origin, float thickness, ImU32 color) {
    arc(draw, origin, f.px(0.13f), -0.85f, 0.85f, thickness, color);
    arc(draw, origin, f.px(0.3f), -0.85f, 0.85f, thickness, color);
}

void cross(ImDrawList& draw, const IconFrame& f, float x, float y, float half, float thickness, ImU32 color) {
    draw.AddLine(f.at(x - half, y - half), f.at(x + half, y + half), color, thickness);
    draw.AddLine(f.at(x - half, y + half), f.at(x + half, y - half), color, thickness);
}

// A screen with two rows of text dashes, as captions sit at the bottom of a picture.
void subtitles(ImDrawList& draw, const IconFrame& f, float thickness, ImU32 color) {
    draw.AddRect(f.at(-0.4f, -0.31f), f.at(0.4f, 0.31f), color, f.px(0.1f), 0, thickness);
    // At most 0.08 of the size, even under a thicker frame: two rows and the gap between them
    // must fit in the lower half.
    const float line = std::min(thickness, f.px(0.08f));
    draw.AddLine(f.at(-0.24f, -0.02f), f.at(0.04f, -0.02f), color, line);
    draw.AddLine(f.at(0.13f, -0.02f), f.at(0.24f, -0.02f), color, line);
    draw.AddLine(f.at(-0.24f, 0.15f), f.at(-0.1f, 0.15f), color, line);
    draw.AddLine(f.at(-0.01f, 0.15f), f.at(0.24f, 0.15f), color, line);
}

// An eye: a lens of two arcs with a round pupil. The lids are stroked apart: joined into one
// path, their sharp corners would grow long mitre spikes.
void eye(ImDrawList& draw, const IconFrame& f, float x, float halfWidth, float halfHeight, float thickness, ImU32 color) {
    // Each lid is an arc of the circle through both corners and the lid's middle.
    const float radius = (halfWidth * halfWidth + halfHeight * halfHeight) / (2.0f * halfHeight);
    const float drop = radius - halfHeight;
    // Stopped short of the corners, which round caps close: squared ends would stick out there.
    const float half = std::asin(halfWidth / radius) * 0.92f;
    arc(draw, f.at(x, drop), f.px(radius), -kPi * 0.5f - half, -kPi * 0.5f + half, thickness, color);
    arc(draw, f.at(x, -drop), f.px(radius), kPi * 0.5f - half, kPi * 0.5f + half, thickness, color);
    draw.AddCircleFilled(f.at(x - halfWidth, 0.0f), thickness * 0.5f, color, 10);
    draw.AddCircleFilled(f.at(x + halfWidth, 0.0f), thickness * 0.5f, color, 10);
    draw.AddCircleFilled(f.at(x, 0.0f), f.px(halfHeight * 0.55f), color, 16);
}

// One open hand, palm out, fingers up, thumb to the outside: `mirrored` makes a left hand.
// Drawn in hand units around the wrist, turned by `tilt` (radians, clockwise on screen).
struct HandPose {
    float wristX;
    float wristY;
    float scale;  // icon units per hand unit
    float tilt;
    bool mirrored;
};

void hand(ImDrawList& draw, const IconFrame& f, const HandPose& pose, ImU32 color) {
    const float c = std::cos(pose.tilt);
    const float s = std::sin(pose.tilt);
    const float side = pose.mirrored ? -1.0f : 1.0f;
    auto at = [&](float x, float y) {
        const float mx = x * side;
        return f.at(pose.wristX + (mx * c - y * s) * pose.scale, pose.wristY + (mx * s + y * c) * pose.scale);
    };
    const float unit = f.px(pose.scale);
    // Clockwise on screen for a right hand; a mirror reverses the turn, so the list is reversed.
    auto fill = [&](const ImVec2* points, int count) {
        ImVec2 ordered[8];
        for (int i = 0; i < count; ++i) ordered[i] = points[pose.mirrored ? count - 1 - i : i];
        draw.AddConvexPolyFilled(ordered, count, color);
    };
    // The wrist, narrower than the palm: without it a palm and fingers read as a paw.
    const ImVec2 wrist[] = {at(-0.15f, 0.34f), at(-0.16f, 0.0f), at(0.16f, 0.0f), at(0.15f, 0.34f)};
    fill(wrist, IM_ARRAYSIZE(wrist));
    const ImVec2 palm[] = {at(-0.19f, 0.04f), at(-0.25f, -0.2f), at(-0.24f, -0.42f), at(0.24f, -0.42f), at(0.26f, -0.2f), at(0.19f, 0.04f)};
    fill(palm, IM_ARRAYSIZE(palm));
    // Fingers fanned so that their gaps still show at 30 px; round tips read as fingers.
    struct Finger {
        float baseX;
        float angle;  // from straight up, towards the thumb
        float length;
    };
    const Finger fingers[] = {{-0.18f, -0.26f, 0.32f}, {-0.06f, -0.09f, 0.43f}, {0.06f, 0.08f, 0.45f}, {0.18f, 0.25f, 0.38f}};
    const float width = 0.11f;
    const float baseY = -0.36f;
    for (const Finger& finger : fingers) {
        const ImVec2 tip = at(finger.baseX + std::sin(finger.angle) * finger.length, baseY - std::cos(finger.angle) * finger.length);
        draw.AddLine(at(finger.baseX, baseY), tip, color, unit * width);
        draw.AddCircleFilled(tip, unit * width * 0.5f, color, 10);
    }
    // The thumb, spread out to the side.
    draw.AddLine(at(0.17f, -0.12f), at(0.42f, -0.32f), color, unit * 0.13f);
    draw.AddCircleFilled(at(0.42f, -0.32f), unit * 0.065f, color, 10);
}

void signLanguage(ImDrawList& draw, const IconFrame& f, float thickness, ImU32 color) {
    // The left hand higher than the right, as in the middle of a sign; arcs beside the
    // fingertips show that the hands move, which tells signing from a wave or "stop".
    hand(draw, f, HandPose{-0.17f, 0.06f, 0.42f, -0.24f, true}, color);
    hand(draw, f, HandPose{0.19f, 0.3f, 0.42f, 0.16f, false}, color);
    const float stroke = std::min(thickness, f.px(0.07f));
    arc(draw, f.at(-0.21f, -0.18f), f.px(0.24f), kPi * 1.17f, kPi * 1.4f, stroke, color);
    arc(draw, f.at(0.22f, 0.06f), f.px(0.24f), -kPi * 0.4f, -kPi * 0.17f, stroke, color);
}

}  // namespace

void drawMediaIcon(ImDrawList& draw, Icon icon, ImVec2 center, float size, float thickness, ImU32 color) {
    const IconFrame f{center, size};
    switch (icon) {
        case Icon::Play:
            // A triangle's centre of mass is the mean of its corners: (-0.21 - 0.21 + 0.42) / 3 = 0,
            // so it looks centred in a round button, not pushed left.
            draw.AddTriangleFilled(f.at(-0.21f, -0.37f), f.at(0.42f, 0.0f), f.at(-0.21f, 0.37f), color);
            return;
        case Icon::Pause:
            draw.AddRectFilled(f.at(-0.3f, -0.36f), f.at(-0.1f, 0.36f), color, f.px(0.04f));
            draw.AddRectFilled(f.at(0.1f, -0.36f), f.at(0.3f, 0.36f), color, f.px(0.04f));
            return;
        case Icon::Replay: {
            // Three quarters and more of a circle from the top clockwise round to the upper left;
            // the head at the top points left, back towards the start.
            const ImVec2 middle = f.at(0.0f, 0.03f);
            const float radius = f.px(0.31f);
            arc(draw, middle, radius, -kPi * 0.5f, kPi * 7.0f / 6.0f, thickness, color);
            const float top = 0.03f - 0.31f;
            draw.AddTriangleFilled(f.at(-0.16f, top), f.at(0.04f, top - 0.15f), f.at(0.04f, top + 0.15f), color);
            return;
        }
        case Icon::SoundOn:
            speaker(draw, f, color);
            soundWaves(draw, f, f.at(0.0f, 0.0f), thickness, color);
            return;
        case Icon::SoundOff:
            speaker(draw, f, color);
            cross(draw, f, 0.26f, 0.0f, 0.12f, thickness, color);
            return;
        case Icon::Subtitles:
            subtitles(draw, f, thickness, color);
            return;
        case Icon::SubtitlesOff:
            subtitles(draw, f, thickness, color);
            draw.AddLine(f.at(-0.4f, -0.4f), f.at(0.4f, 0.4f), color, thickness);
            return;
        case Icon::Close:
            cross(draw, f, 0.0f, 0.0f, 0.3f, thickness, color);
            return;
        case Icon::AudioDescription:
            eye(draw, f, -0.18f, 0.21f, 0.15f, thickness, color);
            arc(draw, f.at(0.08f, 0.0f), f.px(0.19f), -0.75f, 0.75f, thickness, color);
            arc(draw, f.at(0.08f, 0.0f), f.px(0.32f), -0.75f, 0.75f, thickness, color);
            return;
        case Icon::SignLanguage:
            signLanguage(draw, f, thickness, color);
            return;
        default:
            return;  // the other icons are drawn by drawIcon itself
    }
}

}  // namespace kiosk::ui
