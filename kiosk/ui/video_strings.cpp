// The video player's words in the kiosk's languages.
#include "ui/video_strings.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "ui/ui_strings.hpp"

namespace kiosk::ui {
namespace {

const VideoStrings kGerman{
    .play = "Video abspielen",
    .pause = "Video anhalten",
    .playAgain = "Noch einmal abspielen",
    .back10 = "10 Sekunden zurück",
    .forward10 = "10 Sekunden vor",
    .position = "Stelle im Video",
    .subtitles = "Untertitel",
    .soundOn = "Ton einschalten",
    .soundOff = "Ton ausschalten",
    .quieter = "Leiser",
    .louder = "Lauter",
    .audioDescription = "Beschreibung des Bildes vorlesen",
    .cannotPlayTitle = "Dieses Video lässt sich gerade nicht abspielen.",
    .cannotPlayBody = "Alles andere auf dieser Seite können Sie wie gewohnt nutzen.",
    .signLanguage = "Gebärdensprache",
    .signLanguageTitle = "Diese Seite in Deutscher Gebärdensprache (DGS)",
    .placeholder = "Platzhalter",
    .close = "Schließen",
};

const VideoStrings kEasyGerman{
    .play = "Film ansehen",
    .pause = "Film anhalten",
    .playAgain = "Film noch einmal ansehen",
    .back10 = "Ein Stück zurück",
    .forward10 = "Ein Stück vor",
    .position = "Stelle im Film",
    .subtitles = "Text zum Film",
    .soundOn = "Ton an",
    .soundOff = "Ton aus",
    .quieter = "Leiser",
    .louder = "Lauter",
    .audioDescription = "Vorlesen: Was sieht man im Film?",
    .cannotPlayTitle = "Der Film geht gerade nicht.",
    .cannotPlayBody = "Alles andere auf der Seite geht.",
    .signLanguage = "Gebärden-Sprache",
    .signLanguageTitle = "Diese Seite in Gebärden-Sprache",
    .placeholder = "Platzhalter",
    .close = "Schließen",
};

const VideoStrings kEnglish{
    .play = "Play video",
    .pause = "Pause video",
    .playAgain = "Play again",
    .back10 = "10 seconds back",
    .forward10 = "10 seconds forward",
    .position = "Position in the video",
    .subtitles = "Subtitles",
    .soundOn = "Turn sound on",
    .soundOff = "Turn sound off",
    .quieter = "Quieter",
    .louder = "Louder",
    .audioDescription = "Read out what the picture shows",
    .cannotPlayTitle = "This video cannot be played right now.",
    .cannotPlayBody = "Everything else on this page works as usual.",
    .signLanguage = "Sign language",
    .signLanguageTitle = "This page in German Sign Language (DGS)",
    .placeholder = "Placeholder",
    .close = "Close",
};

const VideoStrings kUkrainian{
    .play = "Відтворити відео",
    .pause = "Призупинити відео",
    .playAgain = "Відтворити ще раз",
    .back10 = "На 10 секунд назад",
    .forward10 = "На 10 секунд вперед",
    .position = "Місце у відео",
    .subtitles = "Субтитри",
    .soundOn = "Увімкнути звук",
    .soundOff = "Вимкнути звук",
    .quieter = "Тихіше",
    .louder = "Гучніше",
    .audioDescription = "Прочитати, що видно на зображенні",
    .cannotPlayTitle = "Це відео зараз не вдається відтворити.",
    .cannotPlayBody = "Усім іншим на цій сторінці можна користуватися як завжди.",
    .signLanguage = "Мова жестів",
    .signLanguageTitle = "Ця сторінка німецькою мовою жестів (DGS)",
    .placeholder = "Заповнювач",
    .close = "Закрити",
};

const std::array<std::pair<std::string_view, const VideoStrings*>, 4> kByLanguage{{
    {"de", &kGerman}, {"de-x-ls", &kEasyGerman}, {"en", &kEnglish}, {"uk", &kUkrainian}}};

}  // namespace

const VideoStrings& videoStrings(const std::vector<std::string>& fallbacks) {
    return inFirstLanguage(kByLanguage, fallbacks, kEnglish);
}

}  // namespace kiosk::ui
