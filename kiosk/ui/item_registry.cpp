// A flat list is enough: a screen has tens of interactive elements, not thousands.
#include "ui/item_registry.hpp"

#include <algorithm>
#include <cstddef>

#include <imgui_internal.h>  // WithinFrameScope: IsRectVisible needs a current window

namespace kiosk::ui {
namespace {

// Asked of ImGui while the element's window is the current one (outside a frame: visible).
bool centreVisible(ImVec2 min, ImVec2 max) {
    if (ImGui::GetCurrentContext() == nullptr || !ImGui::GetCurrentContext()->WithinFrameScope) return true;
    const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    return ImGui::IsRectVisible(centre, ImVec2(centre.x + 1.0f, centre.y + 1.0f));
}

}  // namespace

void ItemRegistry::record(std::string id, ImVec2 min, ImVec2 max) {
    ItemRect item;
    item.id = std::move(id);
    item.min = min;
    item.max = max;
    item.visible = centreVisible(min, max);
    m_items.push_back(std::move(item));
}

void ItemRegistry::recordTarget(std::string id, ImVec2 min, ImVec2 max) {
    record(std::move(id), min, max);
    m_items.back().touchTarget = true;
}

void ItemRegistry::describeLast(std::string label, ItemRole role, bool selected, std::string value) {
    if (m_items.empty()) return;
    ItemRect& item = m_items.back();
    item.label = std::move(label);
    item.role = role;
    item.selected = selected;
    item.value = std::move(value);
}

void ItemRegistry::recordAt(std::size_t position, std::string id, ImVec2 min, ImVec2 max, std::string label, ItemRole role) {
    ItemRect item;
    item.id = std::move(id);
    item.min = min;
    item.max = max;
    item.label = std::move(label);
    item.role = role;
    item.visible = centreVisible(min, max);
    m_items.insert(m_items.begin() + static_cast<std::ptrdiff_t>(std::min(position, m_items.size())), std::move(item));
}

void ItemRegistry::silenceTextsFrom(std::size_t position) {
    for (std::size_t i = position; i < m_items.size(); ++i) {
        if (m_items[i].role == ItemRole::Text || m_items[i].role == ItemRole::Heading) m_items[i].role = ItemRole::None;
    }
}

std::optional<ItemRect> ItemRegistry::find(std::string_view id) const {
    for (const auto& item : m_items) {
        if (item.id == id) return item;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
