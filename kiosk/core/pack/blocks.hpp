// The blocks a page is made of, each with one purpose. The model knows nothing of how they are drawn.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/pack/localized_text.hpp"
#include "core/pack/rich_text.hpp"
#include "core/pack/video_check.hpp"
#include "core/pack/webvtt.hpp"

namespace kiosk::core {

struct HeadingBlock {
    LocalizedText text;
};

// Markdown: paragraphs, ## headings, **bold**, *italic*, lists, [links](page-id).
struct TextBlock {
    Localized<RichText> text;
};

struct Picture {
    std::filesystem::path file;  // absolute, inside the pack
    LocalizedText alt;           // required: read aloud and shown when the image cannot be drawn
    LocalizedText caption;
};

struct ImageBlock {
    Picture picture;
};

// Several pictures, one at a time, swiped or stepped through.
struct GalleryBlock {
    std::string id;
    std::vector<Picture> pictures;
};

// Leads to another page of the same pack, or starts one of its flows.
struct ButtonBlock {
    enum class Style { Primary, Secondary };
    std::string id;
    std::string targetPage;  // exactly one of targetPage and targetFlow is set
    std::string targetFlow;
    LocalizedText label;
    Style style = Style::Primary;
};

struct NumberedStep {
    LocalizedText title;
    LocalizedText text;  // optional
};

struct StepsBlock {
    std::vector<NumberedStep> steps;
};

// "3 visits → 0": a short value in large type with a label under it.
struct Fact {
    LocalizedText value;
    LocalizedText label;
};

struct FactsBlock {
    std::vector<Fact> facts;
};

struct CompareSide {
    LocalizedText label;  // "Before" / "Today"
    LocalizedText text;
};

struct CompareBlock {
    CompareSide before;
    CompareSide after;
};

struct QuizAnswer {
    std::string id;
    LocalizedText text;
    bool correct = false;
    LocalizedText feedback;
};

struct QuizBlock {
    std::string id;
    LocalizedText question;
    std::vector<QuizAnswer> answers;

    const QuizAnswer* findAnswer(std::string_view answerId) const;
};

// Hands the visitor over to the real online service on their own phone.
struct QrBlock {
    std::string id;
    std::string url;       // https only
    std::string shortUrl;  // shown under the code; defaults to the url without "https://"
    LocalizedText label;
};

struct ContactBlock {
    LocalizedText name;
    std::string address;  // lines separated by "\n"; the same in every language
    LocalizedText hours;  // lines separated by "\n"
    std::string phone;
    std::string email;
    std::string web;
};

struct CalendarDate {
    int year = 0;
    int month = 0;  // 1 … 12
    int day = 0;    // 1 … 31
    auto operator<=>(const CalendarDate&) const = default;
};

struct Event {
    CalendarDate date;
    std::string startTime;  // "18:00"; empty: all day
    std::string endTime;    // optional
    LocalizedText title;
    LocalizedText place;
    LocalizedText description;
};

struct EventsBlock {
    std::vector<Event> events;  // sorted by date and time
};

struct SubtitleTrack {
    std::filesystem::path file;  // absolute, inside the pack
    std::vector<SubtitleCue> cues;
};

// A short clip (H.264 in MP4 or VP9 in WebM), validated when the pack is read. Its poster stands
// in for it before it plays and whenever it cannot.
struct VideoBlock {
    std::string id;
    std::filesystem::path clip;    // absolute, inside the pack
    std::filesystem::path poster;  // a picture, like an image block's
    LocalizedText alt;             // required: what the clip shows, read aloud and under the poster
    std::map<std::string, SubtitleTrack, std::less<>> subtitles;  // by language
    LocalizedText audioDescription;  // optional: what happens in the picture, for visitors who cannot see it
    bool loop = false;
    bool autoplay = false;  // plays by itself, muted (the attract loop); sound only after a touch
    VideoFacts facts;       // size and length, known before the decoder opens it
};

// A page in German Sign Language (DGS): a clip the page's sign-language button opens in a panel
// beside the text. Not a block: it belongs to the whole page, and the button is always in one place.
struct SignLanguageClip {
    VideoBlock clip;  // id "sign-language"; subtitles optional (a signed clip is for those who read signs)
    bool placeholder = false;  // a stand-in until the DGS clip is filmed: `pack validate` warns
};

using Block = std::variant<HeadingBlock, TextBlock, ImageBlock, GalleryBlock, ButtonBlock, StepsBlock, FactsBlock,
                           CompareBlock, QuizBlock, QrBlock, ContactBlock, EventsBlock, VideoBlock>;

}  // namespace kiosk::core
