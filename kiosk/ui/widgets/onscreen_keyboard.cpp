// Keys are hit-tested here, not ImGui buttons: in ImGui 1.86 any click while an InputText is active
// ends its editing (InputTextEx: "Release focus when we click outside"), and a button would take
// the active id from it besides. So a press that lands on the keyboard is hidden from ImGui for
// the rest of the frame (this runs before the field is drawn), and the field never notices it.
#include "ui/widgets/onscreen_keyboard.hpp"

#include <algorithm>
#include <cfloat>
#include <utility>

#include <imgui_internal.h>  // ClearActiveID: ends editing as a tap outside the field would

#include "ui/access_strings.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

float keyGap(const Theme& theme) { return theme.em(0.3f); }
float panelPadding(const Theme& theme) { return theme.em(0.5f); }
constexpr int kRows = 4;

bool inside(ImVec2 point, ImVec2 min, ImVec2 max) {
    return point.x >= min.x && point.y >= min.y && point.x < max.x && point.y < max.y;
}

std::string keyItemId(const KeyboardKey& key) {
    switch (key.kind) {
        case KeyKind::Character: return "keyboard/key/" + std::string(key.text);
        case KeyKind::Space: return "keyboard/key/space";
        case KeyKind::Backspace: return "keyboard/key/backspace";
        case KeyKind::Shift: return "keyboard/key/shift";
        case KeyKind::Enter: return "keyboard/key/enter";
        case KeyKind::Hide: return "keyboard/hide";
        case KeyKind::ToSymbols: return "keyboard/layer/symbols";
        case KeyKind::ToLetters: return "keyboard/layer/letters";
        case KeyKind::ToLatin: return "keyboard/layer/latin";
        case KeyKind::ToCyrillic: return "keyboard/layer/cyrillic";
    }
    return "keyboard/key/unknown";
}

bool isFunctionKey(KeyKind kind) { return kind != KeyKind::Character && kind != KeyKind::Space; }

}  // namespace

// Under 26 em: at 100 % every screen the kiosk runs on is taller (36 em and more), at 150 % and
// 200 % text a landscape one is not (24 and 18 em).
bool OnScreenKeyboard::isCompact(const Theme& theme, float windowHeight) { return windowHeight < theme.em(26.0f); }

namespace {

// A touch target tall; compact, 2 em, the smallest target the kiosk has anywhere (unless the
// panel's 9 mm, which touchTarget() keeps, are more): 4 rows of full-size keys would leave a
// short screen at 200 % text no room for the field and the way on.
float keyHeight(const Theme& theme, float windowHeight) {
    if (!OnScreenKeyboard::isCompact(theme, windowHeight) || theme.touchTarget() > theme.em(2.6f)) return theme.touchTarget();
    return theme.em(2.0f);
}

}  // namespace

float OnScreenKeyboard::fullHeight(const Theme& theme, float windowHeight) {
    return 2 * panelPadding(theme) + kRows * keyHeight(theme, windowHeight) + (kRows - 1) * keyGap(theme);
}

OnScreenKeyboard::OnScreenKeyboard(FrameContext& ctx, KeyboardMemory& memory, std::optional<KeyboardTarget> target)
    : m_ctx(ctx), m_memory(memory), m_target(std::move(target)), m_windowHeight(ImGui::GetWindowSize().y) {
    const ImGuiIO& io = ImGui::GetIO();
    // The keyboard comes and goes only while no finger is on the screen: the layout above it moves
    // when it does, and a tap on "Next" that ends editing must still be on "Next" when it lifts.
    const bool fingerOnScreen = io.MouseDown[0] || io.MouseReleased[0];
    if (!fingerOnScreen) m_memory.shown = m_target.has_value();
    if (!m_memory.shown) {
        m_memory.fingerOnKeyboard = false;
        m_memory.pressedKey.clear();
    }
    chooseLayer();
    if (!m_memory.shown) return;
    layOut();
    takePointer();
}

OnScreenKeyboard::~OnScreenKeyboard() {
    if (m_pressedKeyIndex >= 0) ImGui::GetIO().KeysDownDuration[m_pressedKeyIndex] = m_savedKeyDuration;
}

// Each field opens on the layer its format needs; within a field the visitor's own choice stays.
void OnScreenKeyboard::chooseLayer() {
    const bool ukrainian = !m_ctx.languages.empty() && m_ctx.languages.front() == "uk";
    m_options.cyrillicOffered = ukrainian;
    m_options.email = m_target && m_target->format == core::TextFormat::Email;
    if (!m_target) {
        if (!m_memory.shown) m_memory.layerChosenFor.clear();  // the same field edited again starts afresh
        m_options.lettersLayer = m_memory.letters;
        return;
    }
    if (m_target->fieldId != m_memory.layerChosenFor) {
        m_memory.layerChosenFor = m_target->fieldId;
        m_memory.shift = false;
        // E-mail addresses are Latin whatever the visitor reads.
        m_memory.letters = ukrainian && !m_options.email ? KeyboardLayer::Cyrillic : KeyboardLayer::Latin;
        switch (m_target->format) {
            case core::TextFormat::Number:
            case core::TextFormat::Postcode:
            case core::TextFormat::Phone: m_memory.layer = KeyboardLayer::Symbols; break;
            case core::TextFormat::Email:
            case core::TextFormat::Any: m_memory.layer = m_memory.letters; break;
        }
    }
    m_options.lettersLayer = m_memory.letters;
}

// Keys on a grid of kKeyboardRowUnits per row, rows centred: a wide key spans whole units and the
// gaps between them, so keys line up across rows. Keys grow with the screen up to a size a hand
// spans comfortably; on a wide landscape screen the keyboard stays in the middle.
void OnScreenKeyboard::layOut() {
    const Theme& theme = m_ctx.theme;
    const ImVec2 windowPos = ImGui::GetWindowPos();
    const ImVec2 windowSize = ImGui::GetWindowSize();
    m_panelMin = ImVec2(windowPos.x, windowPos.y + windowSize.y - fullHeight(theme, windowSize.y));
    m_panelMax = ImVec2(windowPos.x + windowSize.x, windowPos.y + windowSize.y);

    const float gap = keyGap(theme);
    const float sides = theme.em(0.5f);
    // The cap never below a touch target: on a small panel touchTarget() grows to 9 mm.
    const float widest = std::max(theme.em(3.4f), theme.touchTarget());
    const float unit = std::min((windowSize.x - 2 * sides - gap * (kKeyboardRowUnits - 1)) / kKeyboardRowUnits, widest);
    auto span = [&](float units) { return units * (unit + gap) - gap; };
    const float fullWidth = span(kKeyboardRowUnits);
    const float rowHeight = keyHeight(theme, windowSize.y);

    m_keys.clear();
    const std::vector<KeyboardRow> rows = keyboardRows(m_memory.layer, m_options);
    float y = m_panelMin.y + panelPadding(theme);
    for (const KeyboardRow& row : rows) {
        float fixed = gap * static_cast<float>(row.size() - 1);
        int flexible = 0;
        for (const KeyboardKey& key : row) {
            if (key.width > 0.0f) {
                fixed += span(key.width);
            } else {
                ++flexible;
            }
        }
        const float flexWidth = flexible > 0 ? std::max(unit, (fullWidth - fixed) / static_cast<float>(flexible)) : 0.0f;
        const float rowWidth = fixed + flexWidth * static_cast<float>(flexible);
        float x = m_panelMin.x + (windowSize.x - rowWidth) * 0.5f;
        for (const KeyboardKey& key : row) {
            const float width = key.width > 0.0f ? span(key.width) : flexWidth;
            m_keys.push_back(PlacedKey{key, keyItemId(key), ImVec2(x, y), ImVec2(x + width, y + rowHeight)});
            x += width + gap;
        }
        y += rowHeight + gap;
    }
}

void OnScreenKeyboard::takePointer() {
    ImGuiIO& io = ImGui::GetIO();
    // Only where nothing lies on top of the keyboard (the idle prompt is a window of its own).
    if (io.MouseClicked[0] && inside(io.MousePos, m_panelMin, m_panelMax) &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        m_memory.fingerOnKeyboard = true;
        const PlacedKey* key = keyAt(io.MousePos);
        m_memory.pressedKey = key ? key->itemId : std::string();
    }
    if (!m_memory.fingerOnKeyboard) return;
    // Hidden from everything drawn after this: the field would end editing on the click, and
    // select text towards a finger that moves while down; the page would scroll under it.
    io.MouseClicked[0] = false;
    io.MouseDoubleClicked[0] = false;
    io.MouseClickedCount[0] = 0;
    io.MouseDelta = ImVec2(0, 0);
    if (io.MouseDown[0]) return;
    // Fires on release, and only on the key the finger went down on: sliding off cancels, as
    // with every other button of the kiosk.
    const PlacedKey* key = keyAt(io.MousePos);
    if (key && key->itemId == m_memory.pressedKey && m_target) fire(key->key);
    m_memory.fingerOnKeyboard = false;
    m_memory.pressedKey.clear();
}

// The gaps belong to the nearest key: a finger between two keys still hits one of them.
const OnScreenKeyboard::PlacedKey* OnScreenKeyboard::keyAt(ImVec2 position) const {
    const float half = keyGap(m_ctx.theme) * 0.5f;
    for (const PlacedKey& placed : m_keys) {
        if (inside(position, ImVec2(placed.min.x - half, placed.min.y - half), ImVec2(placed.max.x + half, placed.max.y + half))) {
            return &placed;
        }
    }
    return nullptr;
}

void OnScreenKeyboard::fire(const KeyboardKey& key) {
    ImGuiIO& io = ImGui::GetIO();
    switch (key.kind) {
        case KeyKind::Character: {
            // Into ImGui's character queue, exactly like SDL_TEXTINPUT from a hardware keyboard:
            // the field, drawn after this in the frame, takes it through its length limit.
            const std::string text(m_memory.shift ? key.shifted : key.text);
            io.AddInputCharactersUTF8(text.c_str());
            m_memory.shift = false;
            break;
        }
        case KeyKind::Space: io.AddInputCharactersUTF8(" "); break;
        case KeyKind::Backspace: pressForThisFrame(ImGuiKey_Backspace); break;
        case KeyKind::Shift: m_memory.shift = !m_memory.shift; break;
        case KeyKind::Enter:
            if (m_target->hasNextField) {
                m_nextFieldRequested = true;
            } else {
                endEditing();
            }
            break;
        case KeyKind::Hide: endEditing(); break;
        case KeyKind::ToSymbols: m_memory.layer = KeyboardLayer::Symbols; break;
        case KeyKind::ToLetters: m_memory.layer = m_memory.letters; break;
        case KeyKind::ToLatin: m_memory.layer = m_memory.letters = KeyboardLayer::Latin; break;
        case KeyKind::ToCyrillic: m_memory.layer = m_memory.letters = KeyboardLayer::Cyrillic; break;
    }
    if (key.kind != KeyKind::Character && key.kind != KeyKind::Shift && key.kind != KeyKind::Backspace) m_memory.shift = false;
    if (key.kind == KeyKind::ToSymbols || key.kind == KeyKind::ToLetters || key.kind == KeyKind::ToLatin ||
        key.kind == KeyKind::ToCyrillic) {
        layOut();  // the keys drawn this frame are the new layer's
    }
}

// A key "went down this frame", as NewFrame computes it from io.KeysDown: ImGui 1.86's InputText
// asks IsKeyPressedMap(), which reads only this duration. Set here, before the field is drawn,
// and put back by the destructor, the press lasts exactly this frame: no extra frame is needed
// and key repeat can never start. The key index is the platform's (the SDL backend's key map).
void OnScreenKeyboard::pressForThisFrame(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    const int index = io.KeyMap[key];
    if (index < 0 || m_pressedKeyIndex >= 0 || io.KeysDown[index]) return;  // unmapped, or a hardware key is down
    m_pressedKeyIndex = index;
    m_savedKeyDuration = io.KeysDownDuration[index];
    io.KeysDownDuration[index] = 0.0f;
}

// Every edit is already in the navigator (the field sends SetFieldValue on the frame it happens),
// so ending here loses nothing, as a tap outside the field loses nothing.
void OnScreenKeyboard::endEditing() { ImGui::ClearActiveID(); }

void OnScreenKeyboard::draw() {
    if (!m_memory.shown) return;
    const Theme& theme = m_ctx.theme;
    const Palette& colors = theme.colors();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(m_panelMin, m_panelMax, colors.surfaceMuted);
    draw.AddRectFilled(m_panelMin, ImVec2(m_panelMax.x, m_panelMin.y + theme.hairline()), colors.border);
    m_ctx.items.record("keyboard", m_panelMin, m_panelMax);
    const ImVec2 finger = ImGui::GetIO().MousePos;
    const PlacedKey* underFinger = m_memory.fingerOnKeyboard ? keyAt(finger) : nullptr;
    for (const PlacedKey& placed : m_keys) {
        drawKey(draw, placed, underFinger == &placed && placed.itemId == m_memory.pressedKey);
        m_ctx.items.recordTarget(placed.itemId, placed.min, placed.max);
        m_ctx.items.describeLast(spokenName(placed.key), ItemRole::Key);
    }
}

std::string OnScreenKeyboard::spokenName(const KeyboardKey& key) const {
    const AccessStrings& words = accessStrings(m_ctx.languages);
    switch (key.kind) {
        case KeyKind::Character: return std::string(m_memory.shift ? key.shifted : key.text);
        case KeyKind::Space: return words.keySpace;
        case KeyKind::Backspace: return words.keyBackspace;
        case KeyKind::Shift: return words.keyShift;
        case KeyKind::Enter: return words.keyEnter;
        case KeyKind::Hide: return words.keyHide;
        case KeyKind::ToSymbols: return words.keySymbols;
        case KeyKind::ToLetters: return words.keyLetters;
        case KeyKind::ToLatin: return words.keyLatin;
        case KeyKind::ToCyrillic: return words.keyCyrillic;
    }
    return {};
}

void OnScreenKeyboard::drawKey(ImDrawList& draw, const PlacedKey& placed, bool pressed) {
    const Theme& theme = m_ctx.theme;
    const Palette& colors = theme.colors();
    const KeyboardKey& key = placed.key;
    // Letters white like paper, function keys tinted, Enter filled like every "way on" button;
    // shift when on is filled too, and its arrow filled: a change of shape, not only of colour.
    const bool filled = key.kind == KeyKind::Enter || (key.kind == KeyKind::Shift && m_memory.shift);
    ImU32 fill = pressed ? colors.surfacePressed : (isFunctionKey(key.kind) ? colors.chip : colors.surface);
    ImU32 ink = colors.text;
    if (filled) {
        fill = pressed ? colors.primaryPressed : colors.primary;
        ink = colors.onPrimary;
    }
    const float radius = theme.em(0.35f);
    draw.AddRectFilled(placed.min, placed.max, fill, radius);
    if (!filled) draw.AddRect(placed.min, placed.max, colors.border, radius, 0, theme.hairline());

    const ImVec2 center((placed.min.x + placed.max.x) * 0.5f, (placed.min.y + placed.max.y) * 0.5f);
    const float width = placed.max.x - placed.min.x;
    const float iconSize = std::min(theme.em(1.4f), (placed.max.y - placed.min.y) * 0.55f);
    const float stroke = theme.em(0.1f);
    const KeyboardWords& words = keyboardWords(m_ctx.languages);
    std::string_view label;
    ImFont* font = theme.fonts().bodyBold;
    switch (key.kind) {
        case KeyKind::Character:
            label = m_memory.shift ? key.shifted : key.text;
            font = theme.fonts().heading;
            break;
        case KeyKind::Space:
            label = words.space;
            font = theme.fonts().body;
            ink = colors.textMuted;
            break;
        case KeyKind::Enter: label = m_target && m_target->hasNextField ? words.next : words.done; break;
        case KeyKind::ToSymbols:
        case KeyKind::ToLetters:
        case KeyKind::ToLatin:
        case KeyKind::ToCyrillic: label = keyboardLayerLabel(key.kind, m_memory.letters); break;
        case KeyKind::Shift:
            drawIcon(draw, m_memory.shift ? Icon::ShiftOn : Icon::Shift, center, iconSize, stroke, ink);
            return;
        case KeyKind::Backspace: drawIcon(draw, Icon::Backspace, center, iconSize, stroke, ink); return;
        case KeyKind::Hide: drawIcon(draw, Icon::HideKeyboard, center, iconSize, stroke, ink); return;
    }
    const float textWidth = checkLabel(m_ctx, font, label, width - theme.em(0.4f));
    const ImVec2 textSize = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, label.data(), label.data() + label.size());
    draw.AddText(font, font->FontSize, ImVec2(center.x - textWidth * 0.5f, center.y - textSize.y * 0.5f), ink, label.data(),
                 label.data() + label.size());
}

}  // namespace kiosk::ui
