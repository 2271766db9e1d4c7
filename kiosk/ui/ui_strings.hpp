// The kiosk's own words (not the packs'): button labels and messages of the frame around content.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk::ui {

// The words around a simulated service flow. "{step}", "{total}", "{max}", "{day}", "{month}" and
// "{year}" are filled in by the flow screen.
struct FlowStrings {
    const char* demoBadge;   // a short word in the badge: "DEMO"
    const char* demoNotice;  // on every flow screen: invented data, nothing is sent
    const char* stepOf;      // "Schritt {step} von {total}"
    const char* next;
    const char* submit;  // from the summary: makes clear that nothing really goes anywhere
    const char* done;
    const char* fillExample;  // writes the author's invented example, so nobody types real data
    const char* useToday;
    const char* optional;  // beside the label of a field that may stay empty
    const char* noDateYet;
    const char* day;
    const char* month;
    const char* year;
    const char* yes;  // a ticked check on the summary
    const char* no;
    const char* notAnswered;
    const char* change;        // on the summary: back to a step
    const char* summaryTitle;  // when the flow has none of its own
    const char* caseNumber;    // above the made-up case number on the result
    // Standard validation messages, when the author wrote no `error` of their own.
    const char* missingText;
    const char* missingChoice;
    const char* missingDate;
    const char* missingCheck;
    const char* malformedPostcode;
    const char* malformedNumber;
    const char* malformedEmail;
    const char* malformedPhone;
    const char* malformedDate;
    const char* malformedChoice;
    const char* tooLong;  // "{max}": the field's max_length
    std::array<const char*, 12> monthNames;   // as a word on its own (the date stepper)
    std::array<const char*, 12> monthsInDate;  // inside a date ("14 березня": Ukrainian changes the ending)
    const char* dateFormat;                    // "{day}. {month} {year}"
};

// The words around page blocks. "{start}" and "{end}" are times like "18:00".
struct BlockStrings {
    const char* quizBadge;          // above a quiz question
    const char* quizRight;          // beside ✓ on the picked answer, when it is right
    const char* quizWrong;          // beside ✗ on the picked answer, when it is not
    const char* quizCorrectAnswer;  // beside ✓ on the right answer, once the visitor picked another
    const char* quizTryOther;       // under an answered quiz: the others can be tapped too
    const char* qrScan;             // under a QR code: how to use it
    const char* qrUnavailable;      // instead of a code that cannot be made: the address follows
    const char* timeRange;          // "{start} – {end} Uhr"
    const char* timeAt;             // "{start} Uhr"
    const char* allDay;             // an event without a time
    std::array<const char*, 7> weekdaysShort;  // Monday first: the date tile of an event
    std::array<const char*, 12> monthsShort;   // in a date tile, under the day
};

// The words around a visit: the attract loop, the idle prompt, the reset notice. "{seconds}" is
// filled in by the prompt.
struct VisitStrings {
    const char* touchToStart;  // on the attract loop, in every configured language at once
    const char* stillThereTitle;
    const char* stillThereBody;  // "… in {seconds} seconds …"
    const char* stillThereButton;
    const char* inputsDeletedTitle;
    const char* inputsDeletedBody;
};

// Reading a page aloud (issue 5): the button, and the words speech puts before what it reads.
struct SpeechStrings {
    const char* readAloud;
    const char* stopReading;
    const char* picture;  // "Bild: <alt text>"
    const char* button;
    const char* step;     // "Schritt 2: <title>"
    const char* answer;
    const char* qrCode;
    const char* phone;
    const char* email;
    const char* video;  // "Video: <alt text>"
};

struct UiStrings {
    const char* homeTitle;
    const char* welcome;
    const char* homeSubtitle;
    const char* tryIt;  // the call to action on every home tile
    const char* back;
    const char* home;
    const char* endVisit;  // on the home screen: forget me now, without waiting for the countdown
    const char* noContentTitle;
    const char* noContentBody;
    const char* imageUnavailable;
    const char* contentUnavailable;  // in place of a block that failed to draw
    const char* categoryHub;
    const char* categoryEgov;
    const char* categoryHealth;
    FlowStrings flow;
    BlockStrings blocks;
    VisitStrings visit;
    SpeechStrings speech;
};

// The table's words in the first language of `fallbacks` it has; `otherwise` where it has none.
// Shared by the string tables of the UI, the accessibility features and the staff screen.
template <class Strings, std::size_t N>
const Strings& inFirstLanguage(const std::array<std::pair<std::string_view, const Strings*>, N>& table,
                               const std::vector<std::string>& fallbacks, const Strings& otherwise) {
    for (const auto& language : fallbacks) {
        for (const auto& [tag, strings] : table) {
            if (tag == language) return *strings;
        }
    }
    return otherwise;
}

// The first language in `fallbacks` the kiosk has words for; English otherwise.
const UiStrings& uiStrings(const std::vector<std::string>& fallbacks);

// A language's name in itself ("Deutsch", "Українська"), as a visitor looks for it.
std::string_view languageName(std::string_view tag);

// A short form for narrow screens: "DE", "EN", "UK"; "LS" for Leichte Sprache.
std::string languageShortName(std::string_view tag);

}  // namespace kiosk::ui
