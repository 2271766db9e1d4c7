// The staff screen's words, in German and English only: staff read one of the two, and these
// words never reach a visitor.
#pragma once

#include <string_view>

namespace kiosk::ui {

struct StaffStrings {
    const char* title;
    const char* enterPin;
    const char* wrongPin;
    const char* waitSeconds;  // "{seconds}"
    const char* noPinSet;
    const char* pinUnreadable;
    const char* cancel;
    const char* ok;
    const char* statusTitle;
    const char* version;
    const char* uptime;
    const char* packs;
    const char* contentFolders;
    const char* contentProblems;  // "{count}"
    const char* usageLog;
    const char* usageLogOk;
    const char* usageDropped;     // "{count}"
    const char* syncLabel;        // "{catalog}"
    const char* syncShown;        // "{version}", "{packs}"
    const char* syncLastSuccess;  // "{time}"
    const char* syncNever;
    const char* syncNow;
    const char* syncStarted;
    const char* selfTest;          // the menu button
    const char* selfTestTitle;
    const char* selfTestReady;
    const char* selfTestNotReady;  // "{count}"
    const char* selfTestOk;
    const char* selfTestFix;
    const char* disk;
    const char* diskFree;          // "{mib}"
    const char* diskLow;
    const char* diskUnknown;
    const char* clock;
    const char* clockSynchronised;
    const char* clockUnsynchronised;
    const char* clockUnknown;
    const char* clockImplausible;
    const char* schedule;
    const char* scheduleOpen;      // "{today}": today's hours
    const char* scheduleWoken;     // "{today}"
    const char* scheduleClosed;    // "{today}"
    const char* importUsb;
    const char* importStarted;
    const char* restart;
    const char* reload;
    const char* exitKiosk;
    const char* close;
    const char* statistics;       // the menu button
    const char* statsTitle;       // "{days}"
    const char* statsSessions;
    const char* statsAverage;
    const char* statsMedian;
    const char* statsPerDay;
    const char* statsPacks;
    const char* statsLanguages;
    const char* statsAccessibility;
    const char* statsNone;
    const char* statsSuppressed;  // "{k}": why some bars say "<k"
    const char* statsUnreadable;  // followed by the error
    const char* back;
    // The statistics' pages and what is on them beyond the overview.
    const char* statsPageOverview;
    const char* statsPageTimes;
    const char* statsPageForms;
    const char* statsPerWeekHour;
    const char* statsPerWeekHourLead;
    const char* statsNoVisits;    // next to an empty square
    const char* statsScale;       // "{max}": next to the shades
    const char* statsHiddenCell;  // "{k}": next to a hatched square
    const char* weekdays[7];      // short, Monday first
    const char* statsForms;
    const char* statsFormsLead;
    const char* statsNoForms;
    const char* statsStep;        // "{step}": a step of a form the kiosk no longer has
    const char* statsSummary;     // the step after a form's last
    const char* statsCompleted;
    const char* statsReached;     // over the bars
    const char* statsStoppedHere; // over the column of those who left at a step
};

// English for a visitor's `en`, German for every other language.
const StaffStrings& staffStrings(std::string_view language);

}  // namespace kiosk::ui
