// Translations of the kiosk frame; pack content carries its own.
#include "ui/ui_strings.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace kiosk::ui {
namespace {

const UiStrings kGerman{
    .homeTitle = "Digitaler Showroom",
    .welcome = "Willkommen!",
    .homeSubtitle = "Tippen Sie auf ein Thema und probieren Sie es aus.",
    .tryIt = "Ausprobieren",
    .back = "Zurück",
    .home = "Start",
    .noContentTitle = "Gleich geht es los",
    .noContentBody = "Die Inhalte werden gerade vorbereitet. Bitte sprechen Sie unser Team an.",
    .imageUnavailable = "Bild nicht verfügbar",
    .categoryHub = "Unser Haus",
    .categoryEgov = "Verwaltung digital",
    .categoryHealth = "Gesundheit digital",
};

const UiStrings kEnglish{
    .homeTitle = "Digital Showroom",
    .welcome = "Welcome!",
    .homeSubtitle = "Tap a topic to try it out.",
    .tryIt = "Try it",
    .back = "Back",
    .home = "Home",
    .noContentTitle = "Almost ready",
    .noContentBody = "The content is being prepared. Please ask our team.",
    .imageUnavailable = "Picture not available",
    .categoryHub = "Our hub",
    .categoryEgov = "Digital government",
    .categoryHealth = "Digital health",
};

const UiStrings kEasyGerman{
    .homeTitle = "Digitaler Showroom",
    .welcome = "Willkommen!",
    .homeSubtitle = "Tippen Sie auf ein Thema.",
    .tryIt = "Ansehen",
    .back = "Zurück",
    .home = "Start",
    .noContentTitle = "Gleich geht es los",
    .noContentBody = "Hier ist noch nichts. Bitte fragen Sie unser Team.",
    .imageUnavailable = "Hier fehlt ein Bild",
    .categoryHub = "Unser Haus",
    .categoryEgov = "Ämter im Internet",
    .categoryHealth = "Gesundheit im Internet",
};

const UiStrings kUkrainian{
    .homeTitle = "Цифровий шоурум",
    .welcome = "Ласкаво просимо!",
    .homeSubtitle = "Торкніться теми, щоб спробувати.",
    .tryIt = "Спробувати",
    .back = "Назад",
    .home = "Головна",
    .noContentTitle = "Незабаром почнемо",
    .noContentBody = "Вміст готується. Будь ласка, зверніться до нашої команди.",
    .imageUnavailable = "Зображення недоступне",
    .categoryHub = "Наш хаб",
    .categoryEgov = "Цифрове врядування",
    .categoryHealth = "Цифрове здоров'я",
};

const std::array<std::pair<std::string_view, const UiStrings*>, 4> kByLanguage{{
    {"de-x-ls", &kEasyGerman},
    {"de", &kGerman},
    {"en", &kEnglish},
    {"uk", &kUkrainian},
}};

}  // namespace

const UiStrings& uiStrings(const std::vector<std::string>& fallbacks) {
    for (const auto& language : fallbacks) {
        for (const auto& [tag, strings] : kByLanguage) {
            if (tag == language) return *strings;
        }
    }
    return kEnglish;
}

// Only scripts the kiosk's fonts cover (Latin, Cyrillic): Arabic needs glyphs and right-to-left
// layout first.
std::string_view languageName(std::string_view tag) {
    if (tag == "de") return "Deutsch";
    if (tag == "en") return "English";
    if (tag == "de-x-ls") return "Leichte Sprache";
    if (tag == "uk") return "Українська";
    if (tag == "ru") return "Русский";
    if (tag == "tr") return "Türkçe";
    if (tag == "pl") return "Polski";
    if (tag == "fr") return "Français";
    return tag;
}

std::string languageShortName(std::string_view tag) {
    if (tag == "de-x-ls") return "LS";
    std::string shortName(tag.substr(0, tag.find('-')));
    for (auto& c : shortName) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return shortName;
}

}  // namespace kiosk::ui
