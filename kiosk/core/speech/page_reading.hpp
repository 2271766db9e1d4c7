// What "read aloud" reads of a page (issue 5), in reading order: the title, then every block as
// a visitor sees it: headings, text paragraph by paragraph, pictures by their alt text and
// caption, clips by their alt text, buttons by their label, steps, facts, comparisons, a quiz's question and answers, a
// QR code's label, contacts and events. Pure: the UI hands it to a SpeechOutput.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/pack/pack.hpp"
#include "core/speech/speech_output.hpp"

namespace kiosk::core {

// The few words speech adds so a listener knows what kind of thing is read, in the visitor's
// language (the UI's strings supply them): "Bild", "Schaltfläche", "Schritt" …
struct ReadingWords {
    std::string picture;  // before an alt text
    std::string button;   // before a button's label
    std::string step;     // before a step's number
    std::string answer;   // before each quiz answer
    std::string qrCode;   // before a QR code's label
    std::string phone;
    std::string email;
    std::string video;    // before a clip's alt text
};

// Each utterance is in the language its text really is in: a missing translation is read by the
// voice of the language that stands in for it. Ids: "title", and "block/<index>" for every
// utterance of the page's block at that index, which is what the screen highlights meanwhile.
std::vector<Utterance> pageReading(const Page& page, const std::vector<std::string>& fallbacks, const ReadingWords& words);

// Whether an utterance being heard is part of a page read aloud (not the non-visual mode's
// words, nor the attract loop's hint): only that ends when the visitor leaves the page.
inline bool isPageReading(std::string_view utteranceId) {
    return utteranceId == "title" || utteranceId.starts_with("block/");
}

}  // namespace kiosk::core
