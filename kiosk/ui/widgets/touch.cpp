// ImGui 1.86 scrolls only by wheel and scrollbar; touch screens need the content itself to move.
#include "ui/widgets/touch.hpp"

#include <imgui_internal.h>  // ClearActiveID: the only way to cancel a press in 1.86

namespace kiosk::ui {

TapTarget tapTarget(FrameContext& ctx, const std::string& itemId, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(itemId.c_str(), size);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ctx.items.record(itemId, min, max);
    return TapTarget{tapped, ImGui::IsItemActive(), min, max};
}

void touchScroll(const Theme& theme) {
    constexpr ImGuiHoveredFlags kHovered = ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem;
    if (!ImGui::IsWindowHovered(kHovered) || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme.dragThreshold())) return;
    // A drag scrolls the area it began in: a finger sliding off the on-screen keyboard onto the
    // page must neither scroll it nor, by the release below, end the editing it types into.
    const ImVec2 start = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left];
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    if (start.x < min.x || start.y < min.y || start.x >= max.x || start.y >= max.y) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}

}  // namespace kiosk::ui
