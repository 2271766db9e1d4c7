// Where each named element was drawn this frame, and what it is for a listener: for tests that tap
// by name, and for the non-visual mode (ui/non_visual_mode.hpp), which needs the same map of the
// screen to say what is under a finger and to move through it in reading order.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace kiosk::ui {

// What kind of thing an element is, as speech names it after its label ("Weiter, Schaltfläche").
enum class ItemRole {
    None,       // not spoken: frames, backdrops, measuring marks
    Heading,    // a screen's or section's title: where the non-visual mode starts on a new screen
    Text,       // read, not pressed
    Picture,
    Button,
    Link,
    TextField,
    Option,     // one of several choices (a language, a quiz answer, a radio option)
    Key,        // of the on-screen keyboard
    Problem,    // what is wrong with a form field: said first when "next" was refused
};

struct ItemRect {
    std::string id;  // "home/pack/address-change", "bar/back", "page/start/button/to-steps"
    ImVec2 min;
    ImVec2 max;
    bool touchTarget = false;  // something a finger presses (not a text, a frame or a panel)
    // For speech: the words on or for it, its kind and state. Empty label and ItemRole::None:
    // the non-visual mode passes over it.
    std::string label;
    ItemRole role = ItemRole::None;
    bool selected = false;
    std::string value;  // what a text field holds, a date field shows
    // Its centre was inside the clipping area it was drawn in (not scrolled out of view, not
    // under the top bar): a tap there reaches it.
    bool visible = true;

    bool spoken() const { return role != ItemRole::None && !label.empty(); }

    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

class ItemRegistry {
public:
    void beginFrame() {
        m_items.clear();
        m_layerStart = 0;
    }
    // A modal layer (the idle prompt, the accessibility menu) begins: what was recorded before
    // lies under it, out of reach, and the non-visual mode moves only through what follows.
    void beginLayer() { m_layerStart = m_items.size(); }
    // The elements of the topmost layer, in the order they were drawn.
    std::span<const ItemRect> topLayer() const { return std::span<const ItemRect>(m_items).subspan(m_layerStart); }
    void record(std::string id, ImVec2 min, ImVec2 max);
    // The same for what a finger presses: tests hold these to the minimum touch target size.
    void recordTarget(std::string id, ImVec2 min, ImVec2 max);
    // Gives the element recorded last its words for speech (a widget right after drawing it).
    void describeLast(std::string label, ItemRole role, bool selected = false, std::string value = {});
    // An element that can only be measured after what it contains was drawn (a block of a page),
    // placed in reading order before its contents: `position` is size() before they were drawn.
    void recordAt(std::size_t position, std::string id, ImVec2 min, ImVec2 max, std::string label, ItemRole role);
    std::size_t size() const { return m_items.size(); }
    // Texts and headings recorded from `position` on are no longer spoken: something that
    // contains them says it all in one (a block of a page, read as "read aloud" reads it).
    void silenceTextsFrom(std::size_t position);
    std::optional<ItemRect> find(std::string_view id) const;
    const std::vector<ItemRect>& items() const { return m_items; }

private:
    std::vector<ItemRect> m_items;
    std::size_t m_layerStart = 0;
};

}  // namespace kiosk::ui
