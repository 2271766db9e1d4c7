// Plain words for people who are not administrators: what happened and what to do.
#include "ui/staff/staff_strings.hpp"

namespace kiosk::ui {
namespace {

const StaffStrings kGerman{
    .title = "Bereich für das Personal",
    .enterPin = "Bitte geben Sie die PIN ein.",
    .wrongPin = "Diese PIN ist falsch.",
    .waitSeconds = "Zu viele Versuche: der nächste ist in {seconds} Sekunden möglich.",
    .noPinSet = "Es ist keine PIN eingerichtet. Am Gerät einrichten mit: kiosk admin set-pin",
    .pinUnreadable = "Die PIN-Datei lässt sich nicht lesen:",
    .cancel = "Abbrechen",
    .ok = "OK",
    .statusTitle = "Zustand des Kiosks",
    .version = "Version",
    .uptime = "Läuft seit",
    .packs = "Inhalte",
    .contentFolders = "Inhaltsordner",
    .contentProblems = "{count} Fehler in den Inhalten: betroffene Pakete werden nicht gezeigt (prüfen mit: kiosk pack validate)",
    .usageLog = "Nutzungsstatistik",
    .usageLogOk = "wird geschrieben, keine Probleme",
    .usageDropped = "{count} Ereignisse nicht gezählt: der Datenträger kam nicht nach",
    .syncLabel = "Inhalte von „{catalog}“",
    .syncShown = "Version {version} mit {packs} Paketen",
    .syncLastSuccess = "zuletzt erfolgreich abgeglichen: {time}",
    .syncNever = "noch nie erfolgreich abgeglichen",
    .reload = "Inhalte neu laden",
    .exitKiosk = "Kiosk beenden",
    .close = "Zurück zum Kiosk",
    .statistics = "Statistik",
    .statsTitle = "Nutzung der letzten {days} Tage",
    .statsSessions = "Besuche",
    .statsAverage = "Besuchsdauer im Mittel",
    .statsMedian = "Besuchsdauer, Median",
    .statsPerDay = "Besuche pro Tag",
    .statsPacks = "Meistbesuchte Inhalte",
    .statsLanguages = "Sprachen",
    .statsNone = "Keine Besuche in dieser Zeit.",
    .statsSuppressed = "Zahlen aus weniger als {k} Besuchen werden nicht gezeigt (\"<{k}\"), ebenso einige größere, aus denen sie sich errechnen ließen.",
    .statsUnreadable = "Die Nutzungsdaten lassen sich nicht lesen:",
    .back = "Zurück",
};

const StaffStrings kEnglish{
    .title = "Staff area",
    .enterPin = "Please enter the PIN.",
    .wrongPin = "This PIN is wrong.",
    .waitSeconds = "Too many attempts: the next one is possible in {seconds} seconds.",
    .noPinSet = "No PIN is set up. Set one on the device with: kiosk admin set-pin",
    .pinUnreadable = "The PIN file cannot be read:",
    .cancel = "Cancel",
    .ok = "OK",
    .statusTitle = "Kiosk status",
    .version = "Version",
    .uptime = "Running for",
    .packs = "Content",
    .contentFolders = "Content folders",
    .contentProblems = "{count} errors in the content: packs with errors are not shown (check with: kiosk pack validate)",
    .usageLog = "Usage statistics",
    .usageLogOk = "being recorded, no problems",
    .usageDropped = "{count} events not counted: the disk did not keep up",
    .syncLabel = "Content from “{catalog}”",
    .syncShown = "version {version} with {packs} packs",
    .syncLastSuccess = "last synced: {time}",
    .syncNever = "never synced yet",
    .reload = "Reload content",
    .exitKiosk = "Quit the kiosk",
    .close = "Back to the kiosk",
    .statistics = "Statistics",
    .statsTitle = "Usage of the last {days} days",
    .statsSessions = "Visits",
    .statsAverage = "Average visit length",
    .statsMedian = "Median visit length",
    .statsPerDay = "Visits per day",
    .statsPacks = "Most visited content",
    .statsLanguages = "Languages",
    .statsNone = "No visits in this period.",
    .statsSuppressed = "Counts from fewer than {k} visits are not shown (\"<{k}\"), nor are a few larger ones they could be worked out from.",
    .statsUnreadable = "The usage data cannot be read:",
    .back = "Back",
};

}  // namespace

const StaffStrings& staffStrings(std::string_view language) { return language == "en" ? kEnglish : kGerman; }

}  // namespace kiosk::ui
