// The on-screen keyboard of a kiosk that has no physical one: docked at the bottom of the screen
// while a text field is being edited, it types into that field through ImGui's own input, as a
// hardware keyboard would, so the field's length limit and SetFieldValue stay the only way in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pack/flow.hpp"
#include "ui/frame_context.hpp"
#include "ui/widgets/keyboard_layouts.hpp"

namespace kiosk::ui {

// What the keyboard keeps between frames: its look and the finger on it, never what was typed.
struct KeyboardMemory {
    bool shown = false;
    KeyboardLayer layer = KeyboardLayer::Latin;
    KeyboardLayer letters = KeyboardLayer::Latin;  // the letter layer "ABC"/"АБВ" returns to
    bool shift = false;                            // for the next letter only, as on a phone
    std::string layerChosenFor;                    // the field whose format chose the layer
    bool fingerOnKeyboard = false;                 // a press began on the keyboard and is not lifted yet
    std::string pressedKey;                        // the item id of the key it began on; empty: between keys
};

// The text field being edited, as the screen saw it in the last frame.
struct KeyboardTarget {
    std::string fieldId;
    core::TextFormat format = core::TextFormat::Any;
    bool hasNextField = false;  // Enter moves on to it; without one Enter ends editing
};

// One per frame, made before anything that reacts to the finger or to typing is drawn (the
// fields): a press on the keyboard is taken from ImGui here, and a tapped key types into the
// field drawn later in the same frame. Then draw() at the end of the screen.
class OnScreenKeyboard {
public:
    OnScreenKeyboard(FrameContext& ctx, KeyboardMemory& memory, std::optional<KeyboardTarget> target);
    ~OnScreenKeyboard();  // ends the key press this frame simulated (backspace)
    OnScreenKeyboard(const OnScreenKeyboard&) = delete;
    OnScreenKeyboard& operator=(const OnScreenKeyboard&) = delete;

    bool shown() const { return m_memory.shown; }
    // Room it takes at the bottom of the current window; 0 while hidden.
    float height() const { return m_memory.shown ? fullHeight(m_ctx.theme, m_windowHeight) : 0.0f; }
    // The window is too short for the keyboard, the field and the way on at full size (200 %
    // text in landscape leaves 18 em): the keys are 2 em tall, and the screen above keeps only
    // what typing needs.
    bool compact() const { return isCompact(m_ctx.theme, m_windowHeight); }
    // Enter was tapped and another text field follows: the screen starts editing it.
    bool nextFieldRequested() const { return m_nextFieldRequested; }

    // At the bottom of the current window, where the constructor laid it out.
    void draw();

    static float fullHeight(const Theme& theme, float windowHeight);
    static bool isCompact(const Theme& theme, float windowHeight);

private:
    struct PlacedKey {
        KeyboardKey key;
        std::string itemId;
        ImVec2 min;
        ImVec2 max;
    };

    void chooseLayer();
    void layOut();
    void takePointer();
    const PlacedKey* keyAt(ImVec2 position) const;
    // What the non-visual mode says for the key: its character, or its function.
    std::string spokenName(const KeyboardKey& key) const;
    void fire(const KeyboardKey& key);
    void pressForThisFrame(ImGuiKey key);
    void endEditing();
    void drawKey(ImDrawList& draw, const PlacedKey& placed, bool pressed);

    FrameContext& m_ctx;
    KeyboardMemory& m_memory;
    std::optional<KeyboardTarget> m_target;
    KeyboardOptions m_options;
    float m_windowHeight;  // of the window it docks in, at the bottom
    ImVec2 m_panelMin{0, 0};
    ImVec2 m_panelMax{0, 0};
    std::vector<PlacedKey> m_keys;
    bool m_nextFieldRequested = false;
    int m_pressedKeyIndex = -1;  // io.KeysDown index whose press this frame simulates
    float m_savedKeyDuration = -1.0f;
};

}  // namespace kiosk::ui
