// Plain words for staff and for whoever they mail the report to: funders, the town council.
#include "core/stats/report_text.hpp"

#include <array>
#include <ctime>
#include <map>

namespace kiosk::core {
namespace {

const ReportWords kGerman{
    .htmlLanguage = "de",
    .product = "Showroom Kiosk",
    .title = "Nutzungsstatistik",
    .periodLabel = "Zeitraum",
    .period = "{from} bis {to} ({days})",
    .oneDay = "1\u00a0Tag",
    .manyDays = "{days}\u00a0Tage",
    .generatedLabel = "Erstellt",
    .minimumLabel = "Kleinste genannte Zahl",
    .minimum = "{k} Besuche",
    .timesInUtc = "Alle Zeitangaben in UTC.",
    .anonymous = "Die Daten sind anonym. Der Kiosk hält nur fest, welche Inhalte wie lange genutzt wurden: nichts, was Besucherinnen "
                 "und Besucher eingeben, keine Namen, keine Kennungen von Personen oder Geräten, Uhrzeiten nur auf die Minute genau.",
    .suppression = "Zahlen, hinter denen weniger als {k} Besuche stehen, werden nicht genannt; an ihrer Stelle steht „<{k}“. So kann "
                   "niemand in diesem Bericht einzelne Besuche erkennen.",
    .secondary = "Aus demselben Grund sind dort, wo sich eine kleine Zahl aus anderen errechnen ließe, auch einige größere verborgen; "
                 "auch sie erscheinen als „<{k}“.",
    .noneHidden = "In diesem Zeitraum musste keine Zahl verborgen werden.",
    .noVisits = "In diesem Zeitraum wurden keine Besuche gezählt. Der Kiosk zählt einen Besuch ab der ersten Berührung des Bildschirms.",
    .keyFigures = "Auf einen Blick",
    .visits = "Besuche",
    .visitsNote = "ein Besuch: vom ersten Tippen bis zur Rückkehr zum Start",
    .averageLength = "Durchschnittliche Besuchsdauer",
    .averageNote = "Mittelwert der beendeten Besuche",
    .medianLength = "Typische Besuchsdauer (Median)",
    .medianNote = "die Hälfte der Besuche war kürzer",
    .tooFewToSay = "aus weniger als {k} Besuchen: nicht genannt",
    .perDay = "Besuche pro Tag",
    .perDayLead = "Tage ohne Balken: keine Besuche.",
    .perHour = "Besuche nach Uhrzeit",
    .perHourLead = "Wann Besuche begannen, alle Tage des Zeitraums zusammen.",
    .hourRange = "{from}–{to} Uhr",
    .perWeekHour = "Besuche nach Wochentag und Uhrzeit",
    .perWeekHourLead = "Jedes Feld zählt die Besuche, die an diesem Wochentag in dieser Stunde begannen, alle Wochen des Zeitraums "
                       "zusammen. Je dunkler, desto mehr; die Zahl steht im Feld.",
    .weekday = "Wochentag",
    .noVisitsLegend = "keine Besuche",
    .scaleLegend = "wenige bis viele (höchstens {max})",
    .packs = "Meistbesuchte Inhalte",
    .packsLead = "Besuche je Inhalt (ein Besuch zählt bei jedem Inhalt, den er geöffnet hat) und Seitenaufrufe.",
    .pages = "Meistgesehene Seiten",
    .pagesLead = "Besuche je Seite, und wie oft sie aufgerufen wurde.",
    .languages = "Sprachen",
    .languagesLead = "Ein Besuch zählt bei jeder Sprache, die er genutzt hat.",
    .flows = "Übungsformulare",
    .flowsLead = "Wie weit Besuche in jedem Formular kamen und wo sie es verlassen haben. Der Schritt nach dem letzten Formularschritt "
                 "ist die Zusammenfassung.",
    .noFlows = "In diesem Zeitraum wurde kein Formular begonnen.",
    .stepColumn = "Schritt",
    .step = "Schritt {step}",
    .completed = "Abgeschlossen",
    .leftHere = "{count} hier verlassen",
    .reached = "erreicht",
    .left = "hier verlassen",
    .quizzes = "Quizfragen",
    .quizzesLead = "Die erste Antwort jedes Besuchs: richtig oder falsch.",
    .noQuizzes = "In diesem Zeitraum wurde keine Quizfrage beantwortet.",
    .rightAndWrong = "{right} richtig · {wrong} falsch",
    .answered = "Antworten",
    .right = "richtig",
    .wrong = "falsch",
    .noRows = "Keine Angaben in diesem Zeitraum.",
    .hiddenLegend = "schraffiert: Zahl zum Schutz der Besucher nicht genannt",
    .chartOf = "Diagramm: {title}. Die Zahlen stehen auch in der Tabelle dazu.",
    .date = "Datum",
    .hour = "Uhrzeit",
    .content = "Inhalt",
    .page = "Seite",
    .language = "Sprache",
    .quiz = "Quizfrage",
    .views = "Seitenaufrufe",
    .viewsNote = "{count} Seitenaufrufe",
    .visitsOf = "{what}: {count} Besuche",
    .footer = "Erstellt mit Showroom Kiosk {version} („kiosk stats report“). Dieselben Zahlen zeigt „kiosk stats“.",
    .dayMonthYear = "{day}. {month} {year}",
    .dateAndTime = "{date}, {time}\u00a0Uhr",
    .months = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
    .weekdays = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"},
    .thousands = '.',
};

const ReportWords kEnglish{
    .htmlLanguage = "en",
    .product = "Showroom Kiosk",
    .title = "Usage statistics",
    .periodLabel = "Period",
    .period = "{from} to {to} ({days})",
    .oneDay = "1\u00a0day",
    .manyDays = "{days}\u00a0days",
    .generatedLabel = "Generated",
    .minimumLabel = "Smallest number given",
    .minimum = "{k} visits",
    .timesInUtc = "All times in UTC.",
    .anonymous = "The data are anonymous. The kiosk records only which content was used and for how long: nothing visitors type, "
                 "no names, no identifiers of people or devices, and times only to the minute.",
    .suppression = "Numbers that fewer than {k} visits stand behind are not given; “<{k}” stands in their place. That way nobody can "
                   "recognise a single visit in this report.",
    .secondary = "For the same reason, where a small number could be worked out from others, a few larger ones are hidden too; "
                 "they also appear as “<{k}”.",
    .noneHidden = "No number had to be hidden in this period.",
    .noVisits = "No visits were recorded in this period. The kiosk counts a visit from the first touch of its screen.",
    .keyFigures = "At a glance",
    .visits = "Visits",
    .visitsNote = "one visit: from the first touch until the kiosk starts over",
    .averageLength = "Average visit length",
    .averageNote = "mean of the visits that ended",
    .medianLength = "Typical visit length (median)",
    .medianNote = "half of the visits were shorter",
    .tooFewToSay = "from fewer than {k} visits: not given",
    .perDay = "Visits per day",
    .perDayLead = "Days without a bar: no visits.",
    .perHour = "Visits by time of day",
    .perHourLead = "When visits began, all days of the period together.",
    .hourRange = "{from}:00–{to}:00",
    .perWeekHour = "Visits by weekday and time of day",
    .perWeekHourLead = "Each square counts the visits that began on that weekday in that hour, all weeks of the period together. "
                       "The darker, the more; the number is in the square.",
    .weekday = "Weekday",
    .noVisitsLegend = "no visits",
    .scaleLegend = "few to many (at most {max})",
    .packs = "Most visited content",
    .packsLead = "Visits per content pack (a visit counts for every pack it opened), and page views.",
    .pages = "Most viewed pages",
    .pagesLead = "Visits per page, and how often it was viewed.",
    .languages = "Languages",
    .languagesLead = "A visit counts for every language it used.",
    .flows = "Practice forms",
    .flowsLead = "How far visits got in each form, and where they left it. The step after a form's last one is its summary.",
    .noFlows = "No form was started in this period.",
    .stepColumn = "Step",
    .step = "Step {step}",
    .completed = "Completed",
    .leftHere = "{count} left here",
    .reached = "reached",
    .left = "left here",
    .quizzes = "Quizzes",
    .quizzesLead = "Each visit's first answer: right or wrong.",
    .noQuizzes = "No quiz was answered in this period.",
    .rightAndWrong = "{right} right · {wrong} wrong",
    .answered = "Answers",
    .right = "right",
    .wrong = "wrong",
    .noRows = "Nothing recorded in this period.",
    .hiddenLegend = "hatched: number not given, to protect visitors",
    .chartOf = "Chart: {title}. The numbers are also in the table with it.",
    .date = "Date",
    .hour = "Time of day",
    .content = "Content",
    .page = "Page",
    .language = "Language",
    .quiz = "Quiz",
    .views = "Page views",
    .viewsNote = "{count} page views",
    .visitsOf = "{what}: {count} visits",
    .footer = "Made with Showroom Kiosk {version} (“kiosk stats report”). “kiosk stats” shows the same numbers.",
    .dayMonthYear = "{day} {month} {year}",
    .dateAndTime = "{date}, {time}",
    .months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
    .weekdays = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"},
    .thousands = ',',
};

std::string twoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

const ReportWords& reportWords(ReportLanguage language) { return language == ReportLanguage::English ? kEnglish : kGerman; }

std::string fillIn(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out(pattern);
    for (const auto& [name, value] : values) {
        const std::string mark = "{" + std::string(name) + "}";
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size())) out.replace(at, mark.size(), value);
    }
    return out;
}

CivilTime civilTime(WallTime time, StatsTimeZone zone) {
    // localtime_r, not std::chrono's time zones: GCC 12 (Debian 12) does not ship them.
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    if (zone == StatsTimeZone::Utc) {
        gmtime_r(&t, &tm);
    } else {
        localtime_r(&t, &tm);
    }
    const std::chrono::year_month_day date{std::chrono::year{tm.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                                           std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
    return CivilTime{date, tm.tm_hour, tm.tm_min};
}

std::string formatCount(std::int64_t value, const ReportWords& words) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += words.thousands;
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

std::string formatCell(const StatsCell& cell, int k, const ReportWords& words) {
    return cell.suppressed ? "<" + std::to_string(k) : formatCount(cell.value, words);
}

std::string formatDate(const std::chrono::year_month_day& date, const ReportWords& words) {
    const auto day = std::to_string(static_cast<unsigned>(date.day()));
    const auto month = static_cast<unsigned>(date.month());
    const std::string monthName = month >= 1 && month <= 12 ? words.months[month - 1] : std::to_string(month);
    const auto year = std::to_string(static_cast<int>(date.year()));
    return fillIn(words.dayMonthYear, {{"day", day}, {"month", monthName}, {"year", year}});
}

std::string formatDateTime(const CivilTime& time, const ReportWords& words) {
    return fillIn(words.dateAndTime, {{"date", formatDate(time.date, words)}, {"time", twoDigits(time.hour) + ":" + twoDigits(time.minute)}});
}

std::string weekdayOf(const std::chrono::year_month_day& date, const ReportWords& words) {
    const unsigned fromMonday = std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding() - 1;
    return words.weekdays[fromMonday % 7];
}

std::string formatDuration(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds >= 3600) return std::to_string(seconds / 3600) + " h " + twoDigits(static_cast<int>(seconds % 3600 / 60)) + " min";
    if (seconds >= 60) return std::to_string(seconds / 60) + " min " + twoDigits(static_cast<int>(seconds % 60)) + " s";
    return std::to_string(seconds) + " s";
}

std::string languageName(const std::string& tag, ReportLanguage language) {
    static const std::map<std::string, std::array<const char*, 2>> kNames{
        {"de", {"Deutsch", "German"}},
        {"de-x-ls", {"Leichte Sprache", "Easy German"}},
        {"en", {"Englisch", "English"}},
        {"uk", {"Ukrainisch", "Ukrainian"}},
        {"ru", {"Russisch", "Russian"}},
        {"ar", {"Arabisch", "Arabic"}},
        {"tr", {"Türkisch", "Turkish"}},
        {"pl", {"Polnisch", "Polish"}},
        {"cs", {"Tschechisch", "Czech"}},
        {"fr", {"Französisch", "French"}},
    };
    const auto found = kNames.find(tag);
    if (found == kNames.end()) return tag;
    return std::string(found->second[language == ReportLanguage::English ? 1 : 0]) + " (" + tag + ")";
}

}  // namespace kiosk::core
