// Touch buttons: large, pressed feedback while held, fire on release, registered by item id.
#pragma once

#include <string>
#include <string_view>

#include "ui/frame_context.hpp"
#include "ui/widgets/icons.hpp"

namespace kiosk::ui {

enum class ButtonStyle {
    Primary,    // filled: the way on
    Secondary,  // outlined: back, home
    Chip,       // small rounded: language choice; `selected` fills it
};

struct ButtonSpec {
    std::string itemId;  // stable, from content ids: also the ImGui id
    std::string_view label;
    ButtonStyle style = ButtonStyle::Primary;
    Icon icon = Icon::None;  // drawn before the label (Forward: after it)
    bool selected = false;
};

// The width the button needs for its label and icon at the current font.
float buttonWidth(const FrameContext& ctx, const ButtonSpec& spec);

// Draws at the cursor with the given size; true on the frame the finger lifts inside it.
bool touchButton(FrameContext& ctx, const ButtonSpec& spec, ImVec2 size);

}  // namespace kiosk::ui
