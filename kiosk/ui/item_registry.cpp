// A flat list is enough: a screen has tens of interactive elements, not thousands.
#include "ui/item_registry.hpp"

namespace kiosk::ui {

void ItemRegistry::record(std::string id, ImVec2 min, ImVec2 max) {
    m_items.push_back(ItemRect{std::move(id), min, max});
}

void ItemRegistry::recordTarget(std::string id, ImVec2 min, ImVec2 max) {
    m_items.push_back(ItemRect{std::move(id), min, max, true});
}

std::optional<ItemRect> ItemRegistry::find(std::string_view id) const {
    for (const auto& item : m_items) {
        if (item.id == id) return item;
    }
    return std::nullopt;
}

}  // namespace kiosk::ui
