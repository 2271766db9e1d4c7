// What "read aloud" reads of a page (issue 5): everything a visitor sees, in order, each text in
// its own language, with the id of the block the screen highlights meanwhile.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/pack/localized_text.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/pack/rich_text.hpp"
#include "core/speech/page_reading.hpp"

using namespace kiosk;

namespace {

core::LocalizedText text(std::initializer_list<std::pair<const char*, const char*>> values) {
    core::LocalizedText out;
    for (const auto& [language, value] : values) out.set(language, value);
    return out;
}

const core::ReadingWords kEnglish{"Picture", "Button", "Step", "Answer", "QR code", "Phone", "E-mail", "Video"};

std::vector<std::string> texts(const std::vector<core::Utterance>& utterances) {
    std::vector<std::string> out;
    for (const auto& u : utterances) out.push_back(u.text);
    return out;
}

}  // namespace

TEST_CASE("page reading: title, then each block as a visitor sees it, in order, with the block's id") {
    core::Page page;
    page.id = "start";
    page.title = text({{"de", "Willkommen"}, {"en", "Welcome"}});
    page.blocks.push_back(core::HeadingBlock{text({{"de", "Worum es geht"}, {"en", "What it is about"}})});
    core::TextBlock body;
    core::RichText english{core::RichParagraph{core::RichParagraph::Kind::Paragraph, 0, 0, {{"Apply ", false, false, {}}, {"online", true, false, {}}, {".", false, false, {}}}},
                           core::RichParagraph{core::RichParagraph::Kind::Bullet, 1, 0, {{"No queue", false, false, {}}}}};
    body.text.set("en", english);
    page.blocks.push_back(body);
    core::Picture picture;
    picture.alt = text({{"en", "A form on a tablet"}});
    picture.caption = text({{"en", "The online form"}});
    page.blocks.push_back(core::ImageBlock{picture});
    core::ButtonBlock button;
    button.label = text({{"en", "Try it"}});
    button.targetPage = "form";
    page.blocks.push_back(button);
    core::StepsBlock steps;
    steps.steps.push_back({text({{"en", "Log in"}}), text({{"en", "With your ID card"}})});
    page.blocks.push_back(steps);

    const auto reading = core::pageReading(page, core::languageFallbacks("en", "de"), kEnglish);
    CHECK(texts(reading) == std::vector<std::string>{"Welcome", "What it is about", "Apply online.", "No queue",
                                                     "Picture: A form on a tablet", "The online form", "Button: Try it",
                                                     "Step 1: Log in", "With your ID card"});
    REQUIRE(reading.size() == 9);
    CHECK(reading[0].id == "title");
    CHECK(reading[1].id == "block/0");
    CHECK(reading[3].id == "block/1");  // both paragraphs of the text block highlight the block
    CHECK(reading[6].id == "block/3");
    CHECK(reading[8].id == "block/4");
    for (const auto& u : reading) CHECK(u.language == "en");
}

TEST_CASE("page reading: a missing translation is read by the voice of the language that stands in, without a prefix in another") {
    core::Page page;
    page.title = text({{"de", "Ummelden"}});  // no English title
    core::Picture picture;
    picture.alt = text({{"de", "Ein Formular"}});
    page.blocks.push_back(core::ImageBlock{picture});
    const auto reading = core::pageReading(page, core::languageFallbacks("en", "de"), kEnglish);
    REQUIRE(reading.size() == 2);
    CHECK(reading[0].text == "Ummelden");
    CHECK(reading[0].language == "de");
    CHECK(reading[1].text == "Ein Formular");  // not "Picture: Ein Formular", half English, half German
    CHECK(reading[1].language == "de");
}

TEST_CASE("page reading: every page of every sample pack reads something, in plain words without markup") {
    int pages = 0;
    for (const auto& folder : std::filesystem::directory_iterator(KIOSK_SOURCE_DIR "/content")) {
        if (!folder.is_directory()) continue;
        const core::PackReport report = core::loadPack(folder.path());
        REQUIRE_MESSAGE(report.pack.has_value(), folder.path().string());
        for (const std::string language : {"de", "en", "de-x-ls", "uk"}) {
            for (const core::Page& page : report.pack->pages) {
                const auto reading = core::pageReading(page, core::languageFallbacks(language, "de"), kEnglish);
                const std::string where = report.pack->id + "/" + page.id;
                CHECK_MESSAGE(reading.size() >= 2, where);  // a title and at least one block
                for (const auto& u : reading) {
                    CHECK_MESSAGE(u.text.find("**") == std::string::npos, u.text);
                    CHECK_MESSAGE(u.text.find("](") == std::string::npos, u.text);
                    CHECK_FALSE(u.language.empty());
                }
                ++pages;
            }
        }
    }
    CHECK(pages > 40);
}

TEST_CASE("page reading: a video is read by its alt text, like a picture, and not by its audio description") {
    core::Page page;
    page.title = text({{"en", "Explainer"}});
    core::VideoBlock video;
    video.id = "intro";
    video.alt = text({{"en", "A doctor talks to a patient on a tablet"}});
    video.audioDescription = text({{"en", "The doctor waves."}});
    page.blocks.push_back(video);
    const auto reading = core::pageReading(page, core::languageFallbacks("en", "de"), kEnglish);
    CHECK(texts(reading) == std::vector<std::string>{"Explainer", "Video: A doctor talks to a patient on a tablet"});
    REQUIRE(reading.size() == 2);
    CHECK(reading[1].id == "block/0");
}
