// Translations of the kiosk frame; pack content carries its own.
#include "ui/ui_strings.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace kiosk::ui {
namespace {

// German, and Leichte Sprache, name a month the same on its own and inside a date.
constexpr std::array<const char*, 12> kGermanMonths{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                                    "August", "September", "Oktober", "November", "Dezember"};

// English names a month the same on its own and inside a date, too.
constexpr std::array<const char*, 12> kEnglishMonths{"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};

const UiStrings kGerman{
    .homeTitle = "Digitaler Showroom",
    .welcome = "Willkommen!",
    .homeSubtitle = "Tippen Sie auf ein Thema und probieren Sie es aus.",
    .tryIt = "Ausprobieren",
    .back = "Zurück",
    .home = "Start",
    .endVisit = "Besuch beenden",
    .noContentTitle = "Gleich geht es los",
    .noContentBody = "Die Inhalte werden gerade vorbereitet. Bitte sprechen Sie unser Team an.",
    .imageUnavailable = "Bild nicht verfügbar",
    .contentUnavailable = "Dieser Inhalt kann gerade nicht angezeigt werden. Alles andere funktioniert.",
    .categoryHub = "Unser Haus",
    .categoryEgov = "Verwaltung digital",
    .categoryHealth = "Gesundheit digital",
    .flow = {
        .demoBadge = "DEMO",
        .demoNotice = "Demo – erfundene Daten, nichts wird gesendet",
        .stepOf = "Schritt {step} von {total}",
        .next = "Weiter",
        .submit = "Absenden (Demo)",
        .done = "Fertig",
        .fillExample = "Beispiel einsetzen",
        .useToday = "Heute",
        .optional = "freiwillig",
        .noDateYet = "Noch kein Datum gewählt",
        .day = "Tag",
        .month = "Monat",
        .year = "Jahr",
        .yes = "Ja",
        .no = "Nein",
        .notAnswered = "keine Angabe",
        .change = "Ändern",
        .summaryTitle = "Bitte prüfen Sie Ihre Angaben",
        .caseNumber = "Ihr Aktenzeichen (erfunden)",
        .missingText = "Bitte füllen Sie dieses Feld aus.",
        .missingChoice = "Bitte wählen Sie eine Antwort.",
        .missingDate = "Bitte wählen Sie ein Datum.",
        .missingCheck = "Bitte setzen Sie hier einen Haken.",
        .malformedPostcode = "Bitte 5 Ziffern eingeben, zum Beispiel 01900.",
        .malformedNumber = "Bitte nur Ziffern eingeben.",
        .malformedEmail = "Bitte eine E-Mail-Adresse wie name@example.org eingeben.",
        .malformedPhone = "Bitte eine Telefonnummer aus Ziffern eingeben, zum Beispiel 0351 123456.",
        .malformedDate = "Bitte ein gültiges Datum wählen.",
        .malformedChoice = "Bitte wählen Sie eine der Antworten.",
        .tooLong = "Bitte höchstens {max} Zeichen eingeben.",
        .monthNames = kGermanMonths,
        .monthsInDate = kGermanMonths,
        .dateFormat = "{day}. {month} {year}",
    },
    .blocks = {
        .quizBadge = "Quiz",
        .quizRight = "Richtig!",
        .quizWrong = "Nicht ganz",
        .quizCorrectAnswer = "Richtige Antwort",
        .quizTryOther = "Sie können auch die anderen Antworten antippen.",
        .qrScan = "Mit der Handy-Kamera scannen",
        .qrUnavailable = "Der Code kann gerade nicht angezeigt werden. Die Adresse lautet:",
        .timeRange = "{start} – {end} Uhr",
        .timeAt = "{start} Uhr",
        .allDay = "ganztägig",
        .weekdaysShort = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"},
        .monthsShort = {"Jan", "Feb", "März", "Apr", "Mai", "Juni", "Juli", "Aug", "Sept", "Okt", "Nov", "Dez"},
    },
    .visit = {
        .touchToStart = "Berühren Sie den Bildschirm, um zu beginnen",
        .stillThereTitle = "Sind Sie noch da?",
        .stillThereBody = "Wenn niemand den Bildschirm berührt, wird in {seconds} Sekunden alles gelöscht, was Sie "
                          "eingegeben haben.",
        .stillThereButton = "Ja, weiter",
        .inputsDeletedTitle = "Ihre Eingaben wurden gelöscht",
        .inputsDeletedBody = "Der Bildschirm ist bereit für die nächste Person.",
    },
    .speech = {
        .readAloud = "Vorlesen",
        .stopReading = "Vorlesen beenden",
        .picture = "Bild",
        .button = "Schaltfläche",
        .step = "Schritt",
        .answer = "Antwort",
        .qrCode = "QR-Code",
        .phone = "Telefon",
        .email = "E-Mail",
    },
};

const UiStrings kEnglish{
    .homeTitle = "Digital Showroom",
    .welcome = "Welcome!",
    .homeSubtitle = "Tap a topic to try it out.",
    .tryIt = "Try it",
    .back = "Back",
    .home = "Home",
    .endVisit = "End visit",
    .noContentTitle = "Almost ready",
    .noContentBody = "The content is being prepared. Please ask our team.",
    .imageUnavailable = "Picture not available",
    .contentUnavailable = "This content cannot be shown right now. Everything else works.",
    .categoryHub = "Our hub",
    .categoryEgov = "Digital government",
    .categoryHealth = "Digital health",
    .flow = {
        .demoBadge = "DEMO",
        .demoNotice = "Demo – invented data, nothing is sent",
        .stepOf = "Step {step} of {total}",
        .next = "Next",
        .submit = "Send (demo)",
        .done = "Done",
        .fillExample = "Fill in example",
        .useToday = "Today",
        .optional = "optional",
        .noDateYet = "No date chosen yet",
        .day = "Day",
        .month = "Month",
        .year = "Year",
        .yes = "Yes",
        .no = "No",
        .notAnswered = "not given",
        .change = "Change",
        .summaryTitle = "Please check your details",
        .caseNumber = "Your case number (invented)",
        .missingText = "Please fill in this field.",
        .missingChoice = "Please choose an answer.",
        .missingDate = "Please choose a date.",
        .missingCheck = "Please tick this box.",
        .malformedPostcode = "Please enter 5 digits, for example 01900.",
        .malformedNumber = "Please enter digits only.",
        .malformedEmail = "Please enter an e-mail address like name@example.org.",
        .malformedPhone = "Please enter a phone number made of digits, for example 0351 123456.",
        .malformedDate = "Please choose a real date.",
        .malformedChoice = "Please choose one of the answers.",
        .tooLong = "Please enter at most {max} characters.",
        .monthNames = kEnglishMonths,
        .monthsInDate = kEnglishMonths,
        .dateFormat = "{day} {month} {year}",
    },
    .blocks = {
        .quizBadge = "Quiz",
        .quizRight = "Correct!",
        .quizWrong = "Not quite",
        .quizCorrectAnswer = "Right answer",
        .quizTryOther = "You can tap the other answers too.",
        .qrScan = "Scan with your phone camera",
        .qrUnavailable = "The code cannot be shown right now. The address is:",
        .timeRange = "{start} – {end}",
        .timeAt = "{start}",
        .allDay = "all day",
        .weekdaysShort = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
        .monthsShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    },
    .visit = {
        .touchToStart = "Touch the screen to start",
        .stillThereTitle = "Are you still there?",
        .stillThereBody = "If nobody touches the screen, everything you entered will be deleted in {seconds} seconds.",
        .stillThereButton = "Yes, continue",
        .inputsDeletedTitle = "Your inputs have been deleted",
        .inputsDeletedBody = "The screen is ready for the next person.",
    },
    .speech = {
        .readAloud = "Read aloud",
        .stopReading = "Stop reading",
        .picture = "Picture",
        .button = "Button",
        .step = "Step",
        .answer = "Answer",
        .qrCode = "QR code",
        .phone = "Phone",
        .email = "E-mail",
    },
};

const UiStrings kEasyGerman{
    .homeTitle = "Digitaler Showroom",
    .welcome = "Willkommen!",
    .homeSubtitle = "Tippen Sie auf ein Thema.",
    .tryIt = "Ansehen",
    .back = "Zurück",
    .home = "Start",
    .endVisit = "Ich bin fertig",
    .noContentTitle = "Gleich geht es los",
    .noContentBody = "Hier ist noch nichts. Bitte fragen Sie unser Team.",
    .imageUnavailable = "Hier fehlt ein Bild",
    .contentUnavailable = "Das können wir gerade nicht zeigen. Alles andere geht.",
    .categoryHub = "Unser Haus",
    .categoryEgov = "Ämter im Internet",
    .categoryHealth = "Gesundheit im Internet",
    .flow = {
        .demoBadge = "ÜBUNG",
        .demoNotice = "Das ist nur eine Übung. Die Daten sind ausgedacht. Nichts wird verschickt.",
        .stepOf = "Schritt {step} von {total}",
        .next = "Weiter",
        .submit = "Abschicken (Übung)",
        .done = "Fertig",
        .fillExample = "Beispiel nehmen",
        .useToday = "Heute",
        .optional = "kann leer bleiben",
        .noDateYet = "Noch kein Datum",
        .day = "Tag",
        .month = "Monat",
        .year = "Jahr",
        .yes = "Ja",
        .no = "Nein",
        .notAnswered = "nichts angegeben",
        .change = "Ändern",
        .summaryTitle = "Stimmt alles?",
        .caseNumber = "Ihre Nummer (ausgedacht)",
        .missingText = "Bitte schreiben Sie hier etwas.",
        .missingChoice = "Bitte wählen Sie eine Antwort.",
        .missingDate = "Bitte wählen Sie ein Datum.",
        .missingCheck = "Bitte machen Sie hier einen Haken.",
        .malformedPostcode = "Bitte schreiben Sie 5 Ziffern. Zum Beispiel: 01900.",
        .malformedNumber = "Bitte schreiben Sie nur Ziffern.",
        .malformedEmail = "Das ist keine E-Mail-Adresse. Zum Beispiel: name@example.org",
        .malformedPhone = "Das ist keine Telefon-Nummer. Bitte schreiben Sie nur Ziffern.",
        .malformedDate = "Dieses Datum gibt es nicht.",
        .malformedChoice = "Bitte wählen Sie eine Antwort.",
        .tooLong = "Das ist zu lang. Höchstens {max} Zeichen.",
        .monthNames = kGermanMonths,
        .monthsInDate = kGermanMonths,
        .dateFormat = "{day}. {month} {year}",
    },
    .blocks = {
        .quizBadge = "Quiz",
        .quizRight = "Richtig!",
        .quizWrong = "Das stimmt nicht.",
        .quizCorrectAnswer = "Diese Antwort ist richtig.",
        .quizTryOther = "Sie können auch andere Antworten antippen.",
        .qrScan = "Halten Sie Ihre Handy-Kamera auf das Bild.",
        .qrUnavailable = "Das Bild geht gerade nicht. Die Adresse ist:",
        .timeRange = "von {start} bis {end} Uhr",
        .timeAt = "um {start} Uhr",
        .allDay = "den ganzen Tag",
        // Whole words: abbreviations are hard to read (Leichte Sprache rules).
        .weekdaysShort = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
        .monthsShort = kGermanMonths,
    },
    .visit = {
        .touchToStart = "Tippen Sie auf den Bildschirm",
        .stillThereTitle = "Sind Sie noch da?",
        .stillThereBody = "Dann tippen Sie bitte auf den Knopf. Sonst löschen wir alles in {seconds} Sekunden.",
        .stillThereButton = "Ich bin noch da",
        .inputsDeletedTitle = "Alles ist gelöscht",
        .inputsDeletedBody = "Niemand sieht, was Sie eingegeben haben.",
    },
    .speech = {
        .readAloud = "Vorlesen",
        .stopReading = "Nicht mehr vorlesen",
        .picture = "Bild",
        .button = "Knopf",
        .step = "Schritt",
        .answer = "Antwort",
        .qrCode = "QR-Code",
        .phone = "Telefon",
        .email = "E-Mail",
    },
};

const UiStrings kUkrainian{
    .homeTitle = "Цифровий шоурум",
    .welcome = "Ласкаво просимо!",
    .homeSubtitle = "Торкніться теми, щоб спробувати.",
    .tryIt = "Спробувати",
    .back = "Назад",
    .home = "Головна",
    .endVisit = "Завершити",
    .noContentTitle = "Незабаром почнемо",
    .noContentBody = "Вміст готується. Будь ласка, зверніться до нашої команди.",
    .imageUnavailable = "Зображення недоступне",
    .contentUnavailable = "Цей вміст зараз неможливо показати. Усе інше працює.",
    .categoryHub = "Наш хаб",
    .categoryEgov = "Цифрове врядування",
    .categoryHealth = "Цифрове здоров'я",
    .flow = {
        .demoBadge = "ДЕМО",
        .demoNotice = "Демо – вигадані дані, нічого не надсилається",
        .stepOf = "Крок {step} з {total}",
        .next = "Далі",
        .submit = "Надіслати (демо)",
        .done = "Готово",
        .fillExample = "Вставити приклад",
        .useToday = "Сьогодні",
        .optional = "необов'язково",
        .noDateYet = "Дату ще не вибрано",
        .day = "День",
        .month = "Місяць",
        .year = "Рік",
        .yes = "Так",
        .no = "Ні",
        .notAnswered = "не вказано",
        .change = "Змінити",
        .summaryTitle = "Перевірте, будь ласка, свої дані",
        .caseNumber = "Ваш номер справи (вигаданий)",
        .missingText = "Будь ласка, заповніть це поле.",
        .missingChoice = "Будь ласка, виберіть відповідь.",
        .missingDate = "Будь ласка, виберіть дату.",
        .missingCheck = "Будь ласка, поставте тут позначку.",
        .malformedPostcode = "Будь ласка, введіть 5 цифр, наприклад 01900.",
        .malformedNumber = "Будь ласка, введіть лише цифри.",
        .malformedEmail = "Будь ласка, введіть адресу електронної пошти, наприклад name@example.org.",
        .malformedPhone = "Будь ласка, введіть номер телефону з цифр, наприклад 0351 123456.",
        .malformedDate = "Будь ласка, виберіть справжню дату.",
        .malformedChoice = "Будь ласка, виберіть одну з відповідей.",
        .tooLong = "Будь ласка, не більше {max} символів.",
        .monthNames = {"січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень",
                       "жовтень", "листопад", "грудень"},
        .monthsInDate = {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
                         "жовтня", "листопада", "грудня"},
        .dateFormat = "{day} {month} {year}",
    },
    .blocks = {
        .quizBadge = "Вікторина",
        .quizRight = "Правильно!",
        .quizWrong = "Не зовсім",
        .quizCorrectAnswer = "Правильна відповідь",
        .quizTryOther = "Можна торкнутися й інших відповідей.",
        .qrScan = "Відскануйте камерою телефона",
        .qrUnavailable = "Зараз не вдається показати код. Адреса:",
        .timeRange = "{start} – {end}",
        .timeAt = "{start}",
        .allDay = "увесь день",
        .weekdaysShort = {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"},
        // In a date the month takes the genitive: "4 груд." (4 грудня).
        .monthsShort = {"січ.", "лют.", "берез.", "квіт.", "трав.", "черв.", "лип.", "серп.", "вер.", "жовт.", "листоп.",
                        "груд."},
    },
    .visit = {
        .touchToStart = "Торкніться екрана, щоб почати",
        .stillThereTitle = "Ви ще тут?",
        .stillThereBody = "Якщо ніхто не торкнеться екрана, усе, що ви ввели, буде видалено через {seconds} с.",
        .stillThereButton = "Так, продовжити",
        .inputsDeletedTitle = "Ваші дані видалено",
        .inputsDeletedBody = "Екран готовий для наступної людини.",
    },
    .speech = {
        .readAloud = "Прочитати вголос",
        .stopReading = "Зупинити читання",
        .picture = "Зображення",
        .button = "Кнопка",
        .step = "Крок",
        .answer = "Відповідь",
        .qrCode = "QR-код",
        .phone = "Телефон",
        .email = "Електронна пошта",
    },
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
