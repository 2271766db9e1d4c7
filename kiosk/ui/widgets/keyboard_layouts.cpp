// Key layouts after the phone keyboards visitors know (Gboard's German and Ukrainian layouts):
// the letters where a visitor's fingers expect them, the rarely used ones one layer away.
#include "ui/widgets/keyboard_layouts.hpp"

namespace kiosk::ui {
namespace {

KeyboardKey letter(std::string_view lower, std::string_view upper) { return {KeyKind::Character, lower, upper}; }
KeyboardKey symbol(std::string_view text) { return {KeyKind::Character, text, text}; }
KeyboardKey wide(KeyKind kind, float width) { return {kind, {}, {}, width}; }

// Shift and backspace are wider, as on every phone: they are aimed at without looking.
constexpr float kSideKey = 1.5f;
constexpr float kEnterKey = 2.5f;  // room for "nächstes Feld"

KeyboardRow latinLetters(int row) {
    switch (row) {
        case 0:
            return {letter("q", "Q"), letter("w", "W"), letter("e", "E"), letter("r", "R"), letter("t", "T"), letter("z", "Z"),
                    letter("u", "U"), letter("i", "I"), letter("o", "O"), letter("p", "P"), letter("ü", "Ü")};
        case 1:
            return {letter("a", "A"), letter("s", "S"), letter("d", "D"), letter("f", "F"), letter("g", "G"), letter("h", "H"),
                    letter("j", "J"), letter("k", "K"), letter("l", "L"), letter("ö", "Ö"), letter("ä", "Ä")};
        default:
            // ß keeps its form under shift: the capital ẞ is rare in names and outside the font atlas.
            return {wide(KeyKind::Shift, kSideKey), letter("y", "Y"), letter("x", "X"), letter("c", "C"),
                    letter("v", "V"),  letter("b", "B"), letter("n", "N"), letter("m", "M"),
                    letter("ß", "ß"),  wide(KeyKind::Backspace, kSideKey)};
    }
}

KeyboardRow cyrillicLetters(int row) {
    switch (row) {
        case 0:
            return {letter("й", "Й"), letter("ц", "Ц"), letter("у", "У"), letter("к", "К"), letter("е", "Е"), letter("н", "Н"),
                    letter("г", "Г"), letter("ш", "Ш"), letter("щ", "Щ"), letter("з", "З"), letter("х", "Х"), letter("ї", "Ї")};
        case 1:
            // ґ at the row's end instead of behind a long press: a kiosk has no long presses to discover.
            return {letter("ф", "Ф"), letter("і", "І"), letter("в", "В"), letter("а", "А"), letter("п", "П"), letter("р", "Р"),
                    letter("о", "О"), letter("л", "Л"), letter("д", "Д"), letter("ж", "Ж"), letter("є", "Є"), letter("ґ", "Ґ")};
        default:
            return {wide(KeyKind::Shift, kSideKey), letter("я", "Я"), letter("ч", "Ч"), letter("с", "С"), letter("м", "М"),
                    letter("и", "И"), letter("т", "Т"), letter("ь", "Ь"), letter("б", "Б"), letter("ю", "Ю"),
                    wide(KeyKind::Backspace, kSideKey)};
    }
}

KeyboardRow symbols(int row) {
    switch (row) {
        case 0:
            return {symbol("1"), symbol("2"), symbol("3"), symbol("4"), symbol("5"),
                    symbol("6"), symbol("7"), symbol("8"), symbol("9"), symbol("0")};
        case 1:
            return {symbol("@"), symbol("."), symbol("-"), symbol("_"), symbol("/"),
                    symbol("+"), symbol("("), symbol(")"), symbol("#"), symbol("&")};
        default:
            return {symbol(","), symbol(":"), symbol(";"), symbol("!"), symbol("?"), symbol("'"),
                    symbol("\""), symbol("*"), symbol("%"), wide(KeyKind::Backspace, kSideKey)};
    }
}

// The bottom row: layer keys left, the space bar in the middle, Enter and Hide right, where the
// thumb of the right hand rests. Letters get the punctuation of names and addresses beside the
// space bar; the Ukrainian one the apostrophe (Ім'я, Мар'яна) instead of the comma.
KeyboardRow bottomRow(KeyboardLayer layer, const KeyboardOptions& options) {
    KeyboardRow row;
    if (layer == KeyboardLayer::Symbols) {
        row = {wide(KeyKind::ToLetters, kSideKey), wide(KeyKind::Space, 0.0f)};
    } else {
        row.push_back(wide(KeyKind::ToSymbols, kSideKey));
        if (options.cyrillicOffered) {
            row.push_back(wide(layer == KeyboardLayer::Cyrillic ? KeyKind::ToLatin : KeyKind::ToCyrillic, kSideKey));
        }
        if (options.email) {
            row.push_back(symbol("@"));
        } else {
            row.push_back(symbol(layer == KeyboardLayer::Cyrillic ? "'" : ","));
        }
        row.push_back(wide(KeyKind::Space, 0.0f));
        row.push_back(symbol("."));
        if (layer == KeyboardLayer::Latin) row.push_back(symbol("-"));
    }
    row.push_back(wide(KeyKind::Enter, kEnterKey));
    row.push_back(wide(KeyKind::Hide, kSideKey));
    return row;
}

// "Next field", not "next": the bar's "Weiter" above the keyboard leads to the next step, and
// the two must not read alike.
const KeyboardWords kGerman{"Leerzeichen", "nächstes Feld", "fertig"};
const KeyboardWords kEnglish{"space", "next field", "done"};
const KeyboardWords kUkrainian{"пробіл", "наступне поле", "готово"};

}  // namespace

std::vector<KeyboardRow> keyboardRows(KeyboardLayer layer, const KeyboardOptions& options) {
    std::vector<KeyboardRow> rows;
    for (int row = 0; row < 3; ++row) {
        switch (layer) {
            case KeyboardLayer::Latin: rows.push_back(latinLetters(row)); break;
            case KeyboardLayer::Cyrillic: rows.push_back(cyrillicLetters(row)); break;
            case KeyboardLayer::Symbols: rows.push_back(symbols(row)); break;
        }
    }
    rows.push_back(bottomRow(layer, options));
    return rows;
}

const KeyboardWords& keyboardWords(std::span<const std::string> languages) {
    for (const std::string& language : languages) {
        if (language == "de" || language == "de-x-ls") return kGerman;  // Leichte Sprache: these words are plain already
        if (language == "en") return kEnglish;
        if (language == "uk") return kUkrainian;
    }
    return kGerman;
}

std::string_view keyboardLayerLabel(KeyKind kind, KeyboardLayer lettersLayer) {
    switch (kind) {
        case KeyKind::ToSymbols: return "123";
        case KeyKind::ToLetters: return lettersLayer == KeyboardLayer::Cyrillic ? "АБВ" : "ABC";
        case KeyKind::ToLatin: return "ABC";
        case KeyKind::ToCyrillic: return "АБВ";
        default: return {};
    }
}

}  // namespace kiosk::ui
