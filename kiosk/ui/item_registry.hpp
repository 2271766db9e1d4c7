// Where each named interactive element was drawn this frame: for tests that tap by name, and later
// for speech output and the non-visual mode, which need the same map of the screen.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

struct ItemRect {
    std::string id;  // "home/pack/address-change", "bar/back", "page/start/button/to-steps"
    ImVec2 min;
    ImVec2 max;
    bool touchTarget = false;  // something a finger presses (not a text, a frame or a panel)

    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

class ItemRegistry {
public:
    void beginFrame() { m_items.clear(); }
    void record(std::string id, ImVec2 min, ImVec2 max);
    // The same for what a finger presses: tests hold these to the minimum touch target size.
    void recordTarget(std::string id, ImVec2 min, ImVec2 max);
    std::optional<ItemRect> find(std::string_view id) const;
    const std::vector<ItemRect>& items() const { return m_items; }

private:
    std::vector<ItemRect> m_items;
};

}  // namespace kiosk::ui
