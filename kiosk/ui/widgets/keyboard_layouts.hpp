// The on-screen keyboard's layers as data: which key sits where, what it types, how wide it is,
// and the few key labels that are words, per language. No drawing and no input handling here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

enum class KeyboardLayer {
    Latin,     // German QWERTZ with Ä Ö Ü ß: every language but Ukrainian, and e-mail addresses
    Cyrillic,  // Ukrainian ЙЦУКЕН with і ї є ґ
    Symbols,   // digits and the punctuation of e-mail addresses, phone numbers and postcodes
};

enum class KeyKind {
    Character,   // types `text` (`shifted` while shift is on)
    Space,
    Backspace,
    Shift,
    Enter,       // the next text field of the step, or done
    Hide,        // ends editing: the keyboard goes
    ToSymbols,
    ToLetters,   // back from the symbols to the letters layer the visitor used last
    ToLatin,     // between the two letter layers, for Ukrainian visitors (e-mail addresses are Latin)
    ToCyrillic,
};

struct KeyboardKey {
    KeyKind kind;
    std::string_view text;     // Character: what it types; also its item id "keyboard/key/<text>"
    std::string_view shifted;  // Character: what it types with shift; the same where there is no capital
    float width = 1.0f;        // in key units; 0: the rest of the row (the space bar)
};

using KeyboardRow = std::vector<KeyboardKey>;

// Where a layer's choice of keys depends on the field and the visitor.
struct KeyboardOptions {
    bool cyrillicOffered = false;  // the visitor reads Ukrainian: a key switches between the letter layers
    bool email = false;            // the field wants an e-mail address: "@" on the letters layers
    KeyboardLayer lettersLayer = KeyboardLayer::Latin;  // where ToLetters leads, and its label
};

// The widest row of every layer is this many key units wide, so the keys keep their size and
// place when the visitor switches layers.
inline constexpr float kKeyboardRowUnits = 12.0f;

// The rows of `layer`, top to bottom; the last one holds the function keys and the space bar.
std::vector<KeyboardRow> keyboardRows(KeyboardLayer layer, const KeyboardOptions& options);

// The labels of keys that are words or names, in the visitor's language.
struct KeyboardWords {
    std::string_view space;
    std::string_view next;  // Enter when another text field follows on the step
    std::string_view done;  // Enter on the step's last text field
};

// `languages`: the visitor's language first, then its fallbacks; unknown ones fall back to German.
const KeyboardWords& keyboardWords(std::span<const std::string> languages);

// The label of a layer-switching key: the layer it leads to, as the visitor knows it ("ABC", "АБВ", "123").
std::string_view keyboardLayerLabel(KeyKind kind, KeyboardLayer lettersLayer);

}  // namespace kiosk::ui
