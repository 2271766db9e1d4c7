#include "ui/out_of_service_view.hpp"

#include <array>

namespace kiosk::ui {
namespace {

struct Line {
    const char* text;
    ImFont* font;
    ImU32 color;
};

}  // namespace

void drawOutOfService(const Theme& theme, ImVec2 screen) {
    const auto& fonts = theme.fonts();
    const auto& colors = theme.colors();
    // German first, as everywhere on the kiosk; English beneath it for visitors who read that.
    const std::array lines{
        Line{"Dieser Bildschirm ist gerade außer Betrieb.", fonts.display, colors.text},
        Line{"Bitte wenden Sie sich an das Personal.", fonts.heading, colors.textMuted},
        Line{"", fonts.heading, colors.text},
        Line{"This screen is temporarily out of service.", fonts.display, colors.text},
        Line{"Please ask a member of staff.", fonts.heading, colors.textMuted},
    };
    float total = 0;
    for (const Line& line : lines) total += line.font->FontSize * 1.4f;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddRectFilled(ImVec2(0, 0), screen, colors.background);
    float y = (screen.y - total) / 2;
    for (const Line& line : lines) {
        const ImVec2 size = line.font->CalcTextSizeA(line.font->FontSize, screen.x, 0.0f, line.text);
        draw->AddText(line.font, line.font->FontSize, ImVec2((screen.x - size.x) / 2, y), line.color, line.text);
        y += line.font->FontSize * 1.4f;
    }
}

}  // namespace kiosk::ui
