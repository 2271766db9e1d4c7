#include "core/speech/page_reading.hpp"

#include <type_traits>

namespace kiosk::core {
namespace {

class Reader {
public:
    Reader(const std::vector<std::string>& fallbacks, const ReadingWords& words, std::vector<Utterance>& out)
        : m_fallbacks(fallbacks), m_words(words), m_out(out) {}

    void setId(std::string id) { m_id = std::move(id); }

    // `prefix` is in the visitor's language, the text in its own; a stand-in translation in
    // another language is read without the prefix rather than in a mix of two voices.
    void say(const LocalizedText& text, const std::string& prefix = {}) {
        const std::string& value = text.in(m_fallbacks);
        if (value.empty()) return;
        const std::string language = text.languageIn(m_fallbacks);
        const bool visitors = !m_fallbacks.empty() && language == m_fallbacks.front();
        add((visitors && !prefix.empty() ? prefix + ": " : std::string()) + value, language);
    }
    void sayPlain(const std::string& text) {
        if (!text.empty()) add(text, m_fallbacks.empty() ? std::string() : m_fallbacks.front());
    }
    void sayRich(const Localized<RichText>& text) {
        const RichText& value = text.in(m_fallbacks);
        const std::string language = text.languageIn(m_fallbacks);
        // A paragraph at a time: a natural pause between them, and a list read item by item.
        for (const RichParagraph& paragraph : value) add(plainText({paragraph}), language);
    }
    void sayPicture(const Picture& picture) {
        say(picture.alt, m_words.picture);
        say(picture.caption);
    }

private:
    void add(std::string text, const std::string& language) { m_out.push_back(Utterance{std::move(text), language, m_id}); }

    const std::vector<std::string>& m_fallbacks;
    const ReadingWords& m_words;
    std::vector<Utterance>& m_out;
    std::string m_id;
};

void readBlock(Reader& read, const Block& block, const ReadingWords& words) {
    std::visit(
        [&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, HeadingBlock>) {
                read.say(b.text);
            } else if constexpr (std::is_same_v<T, TextBlock>) {
                read.sayRich(b.text);
            } else if constexpr (std::is_same_v<T, ImageBlock>) {
                read.sayPicture(b.picture);
            } else if constexpr (std::is_same_v<T, GalleryBlock>) {
                for (const Picture& picture : b.pictures) read.sayPicture(picture);
            } else if constexpr (std::is_same_v<T, ButtonBlock>) {
                read.say(b.label, words.button);
            } else if constexpr (std::is_same_v<T, StepsBlock>) {
                for (std::size_t i = 0; i < b.steps.size(); ++i) {
                    read.say(b.steps[i].title, words.step + " " + std::to_string(i + 1));
                    read.say(b.steps[i].text);
                }
            } else if constexpr (std::is_same_v<T, FactsBlock>) {
                for (const Fact& fact : b.facts) {
                    read.say(fact.value);
                    read.say(fact.label);
                }
            } else if constexpr (std::is_same_v<T, CompareBlock>) {
                for (const CompareSide* side : {&b.before, &b.after}) {
                    read.say(side->label);
                    read.say(side->text);
                }
            } else if constexpr (std::is_same_v<T, QuizBlock>) {
                read.say(b.question);
                for (const QuizAnswer& answer : b.answers) read.say(answer.text, words.answer);
            } else if constexpr (std::is_same_v<T, QrBlock>) {
                read.say(b.label, words.qrCode);
            } else if constexpr (std::is_same_v<T, ContactBlock>) {
                read.say(b.name);
                read.sayPlain(b.address);
                read.say(b.hours);
                if (!b.phone.empty()) read.sayPlain(words.phone + ": " + b.phone);
                if (!b.email.empty()) read.sayPlain(words.email + ": " + b.email);
            } else if constexpr (std::is_same_v<T, VideoBlock>) {
                // Like a picture: what the clip shows. Its audio description belongs to playback.
                read.say(b.alt, words.video);
            } else if constexpr (std::is_same_v<T, EventsBlock>) {
                for (const Event& event : b.events) {
                    read.sayPlain(std::to_string(event.date.day) + "." + std::to_string(event.date.month) + "." +
                                  std::to_string(event.date.year) + (event.startTime.empty() ? "" : ", " + event.startTime));
                    read.say(event.title);
                    read.say(event.place);
                    read.say(event.description);
                }
            }
        },
        block);
}

}  // namespace

std::vector<Utterance> pageReading(const Page& page, const std::vector<std::string>& fallbacks, const ReadingWords& words) {
    std::vector<Utterance> out;
    Reader read(fallbacks, words, out);
    read.setId("title");
    read.say(page.title);
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        read.setId("block/" + std::to_string(i));
        readBlock(read, page.blocks[i], words);
    }
    return out;
}

}  // namespace kiosk::core
