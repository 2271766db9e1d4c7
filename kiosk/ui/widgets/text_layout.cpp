// Text goes through ImGui's own wrapping so it measures and draws the same way everywhere.
#include "ui/widgets/text_layout.hpp"

#include "ui/imgui_scoped.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

void drawWrapped(ImFont* font, ImU32 color, std::string_view text, float width) {
    scoped::Font useFont(font);
    scoped::StyleColor useColor(ImGuiCol_Text, color);
    scoped::TextWrapPos wrap(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void drawParagraphs(const Theme& theme, ImFont* font, ImU32 color, std::string_view text, float width) {
    // ImGui starts each new line at the window's left edge; every paragraph must return to the column.
    const float startX = ImGui::GetCursorPosX();
    bool first = true;
    while (!text.empty()) {
        std::size_t end = text.find("\n\n");
        std::string_view paragraph = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 2);
        while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' ')) paragraph.remove_prefix(1);
        while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == ' ')) paragraph.remove_suffix(1);
        if (paragraph.empty()) continue;
        if (!first) ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
        first = false;
        ImGui::SetCursorPosX(startX);
        drawWrapped(font, color, paragraph, width);
    }
}

}  // namespace kiosk::ui
