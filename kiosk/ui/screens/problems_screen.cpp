// Authors read this next to their editor, so it is in the language of the validator (English),
// shows file:line:col first and the hint under each message.
#include "ui/screens/problems_screen.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

std::string location(const core::Error& e) {
    std::string out = e.file;
    if (e.line > 0) out += ":" + std::to_string(e.line);
    if (e.line > 0 && e.column > 0) out += ":" + std::to_string(e.column);
    return out;
}

void drawProblem(const FrameContext& ctx, const core::Error& problem, float width) {
    const Theme& theme = ctx.theme;
    const float x = ImGui::GetCursorPosX();
    drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, location(problem), width);
    ImGui::SetCursorPosX(x);
    drawWrapped(ctx, theme.fonts().bodyBold, theme.colors().text,
                std::string(problem.isWarning() ? "Warning: " : "Error: ") + problem.message, width, kLabelLineHeight);
    if (!problem.hint.empty()) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().body, theme.colors().text, "→ " + problem.hint, width);
    }
    ImGui::Dummy(ImVec2(0, theme.em(0.8f)));
}

}  // namespace

bool drawAuthorProblems(FrameContext& ctx, const core::Diagnostics& problems) {
    if (problems.empty()) return false;
    const Theme& theme = ctx.theme;
    const auto errors = std::count_if(problems.begin(), problems.end(), [](const core::Error& e) { return !e.isWarning(); });
    if (errors == 0) {
        // A strip over the bottom of the screen: the pack itself stays usable above it.
        ImDrawList& draw = *ImGui::GetForegroundDrawList();
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float height = theme.em(2.4f);
        draw.AddRectFilled(ImVec2(0, size.y - height), size, theme.colors().chip);
        const std::string text = std::to_string(problems.size()) + (problems.size() == 1 ? " warning: " : " warnings, first: ") +
                                 location(problems.front()) + ": " + problems.front().message;
        {
            const scoped::DrawClip clip(draw, ImVec2(0, size.y - height), size);
            draw.AddText(theme.fonts().small, theme.fonts().small->FontSize, ImVec2(theme.em(1.0f), size.y - height + theme.em(0.6f)),
                         theme.colors().text, text.c_str());
        }
        return false;
    }
    const ImVec2 area = ImGui::GetContentRegionAvail();
    scoped::Child scroll("author-problems", area, 0);
    const float width = std::min(area.x - theme.em(4.0f), theme.em(48.0f));
    const float x = (area.x - width) * 0.5f;
    ImGui::SetCursorPos(ImVec2(x, theme.em(2.0f)));
    drawWrapped(ctx, theme.fonts().display, theme.colors().text,
                "This pack cannot be shown: " + std::to_string(errors) + (errors == 1 ? " error" : " errors"), width,
                kLabelLineHeight);
    ImGui::SetCursorPosX(x);
    drawWrapped(ctx, theme.fonts().body, theme.colors().textMuted,
                "Fix them and save; the preview reloads by itself. The same list: kiosk pack validate", width);
    ImGui::Dummy(ImVec2(0, theme.em(1.0f)));
    for (const core::Error& problem : problems) {
        ImGui::SetCursorPosX(x);
        drawProblem(ctx, problem, width);
    }
    touchScroll(ctx);
    return true;
}

}  // namespace kiosk::ui
