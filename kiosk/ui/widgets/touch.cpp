// ImGui 1.86 scrolls only by wheel and scrollbar; touch screens need the content itself to move.
#include "ui/widgets/touch.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>  // ClearActiveID: the only way to cancel a press in 1.86

namespace kiosk::ui {

TapTarget tapTarget(FrameContext& ctx, const std::string& itemId, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(itemId.c_str(), size);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ctx.items.recordTarget(itemId, min, max);
    return TapTarget{tapped, ImGui::IsItemActive(), min, max};
}

namespace {

// How fast a flung page slows down: its speed falls to 1/e in this time, as on phones.
constexpr float kFlingDecaySeconds = 0.33f;

// Where a window's fling speed lives between frames: ImGui's per-window storage, so each
// scrolling area has its own and a new page starts at rest.
ImGuiID flingKey() { return ImGui::GetID("##fling-speed"); }

bool dragBeganInWindow() {
    const ImVec2 start = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left];
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    return start.x >= min.x && start.y >= min.y && start.x < max.x && start.y < max.y;
}

}  // namespace

bool anyKeyPressed() {
    const ImGuiIO& io = ImGui::GetIO();
    for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); ++key) {
        if (io.KeysDown[key] && io.KeysDownDuration[key] == 0.0f) return true;
    }
    return io.InputQueueCharacters.Size > 0;
}

namespace {

// The element lies across this window (by its horizontal middle) but beyond its top or bottom:
// scrolled by the least that shows it whole, or its top where it is taller than the window.
void revealInWindow(FrameContext& ctx) {
    const ItemRect& item = *ctx.reveal;
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 max(min.x + ImGui::GetWindowWidth(), min.y + ImGui::GetWindowHeight());
    const float middle = item.center().x;
    if (middle < min.x || middle >= max.x) return;
    const float margin = ctx.theme.em(1.0f);
    float by = 0.0f;
    if (item.min.y < min.y + margin || item.max.y - item.min.y > max.y - min.y - 2 * margin) {
        by = item.min.y - (min.y + margin);
    } else if (item.max.y > max.y - margin) {
        by = item.max.y - (max.y - margin);
    }
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + by, 0.0f, ImGui::GetScrollMaxY()));
    ctx.reveal.reset();
}

}  // namespace

void touchScroll(FrameContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ctx.reveal) revealInWindow(ctx);
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID key = flingKey();
    float speed = storage.GetFloat(key, 0.0f);  // pixels per second, positive: content moves up
    const float dt = std::max(io.DeltaTime, 1e-4f);

    if (io.MouseDown[ImGuiMouseButton_Left]) {
        // A finger on the screen holds a flung page where it is, as a hand stops a wheel.
        constexpr ImGuiHoveredFlags kHovered = ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem;
        const bool dragging = ImGui::IsWindowHovered(kHovered) &&
                              ImGui::IsMouseDragging(ImGuiMouseButton_Left, ctx.theme.dragThreshold()) &&
                              // A drag scrolls the area it began in: a finger sliding off the on-screen
                              // keyboard onto the page must neither scroll it nor end the editing.
                              dragBeganInWindow();
        if (!dragging) {
            storage.SetFloat(key, 0.0f);
            return;
        }
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
        // The speed at the moment of lifting decides the fling: a finger that stopped first
        // (a careful reader) lets the page rest; one lifted while moving throws it on.
        const float now = -io.MouseDelta.y / dt;
        storage.SetFloat(key, io.MouseDelta.y == 0.0f ? 0.0f : 0.5f * (speed + now));
        return;
    }
    if (speed == 0.0f) return;
    const float before = ImGui::GetScrollY();
    ImGui::SetScrollY(before + speed * dt);
    speed *= std::exp(-dt / kFlingDecaySeconds);
    // Slower than an em a second, or at either end of the page: at rest.
    const bool atEnd = (speed < 0 && before <= 0.0f) || (speed > 0 && before >= ImGui::GetScrollMaxY());
    if (std::fabs(speed) < ctx.theme.em(1.0f) || atEnd) speed = 0.0f;
    storage.SetFloat(key, speed);
    if (speed != 0.0f) ctx.animating = true;
}

}  // namespace kiosk::ui
