// "Read aloud" on a page (issue 5), through the real UI with a recording speech engine: what is
// read, in which language, the frame that follows the voice, and when reading stops by itself.
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "recording_speech.hpp"
#include "ui_fixture.hpp"

namespace {

using namespace std::chrono_literals;

struct ReadAloudFixture : kiosk::test::UiFixture {
    kiosk::test::RecordingSpeech speech;

    ReadAloudFixture() {
        renderer.setSpeech(&speech);
        tap("home/pack/test-pack");
    }
    bool shows(const std::string& itemId) const { return renderer.items().find(itemId).has_value(); }
    float readingTop() const { return renderer.items().find("page/reading")->min.y; }
};

}  // namespace

TEST_CASE("read aloud: the page is read from its title on, in the visitor's language, with the words around it") {
    ReadAloudFixture f;
    REQUIRE(f.shows("page/read-aloud"));
    CHECK_FALSE(f.shows("page/reading"));  // nothing highlighted while silent
    f.tap("page/read-aloud");
    const std::vector<std::string> spoken = f.speech.spokenTexts();
    REQUIRE(spoken.size() >= 6);
    CHECK(spoken[0] == "Erste Seite");
    CHECK(spoken[1] == "Überschrift mit Umlauten: äöü ß");
    CHECK(spoken[2] == "Erster Absatz.");
    CHECK(spoken[3] == "Zweiter Absatz.");
    CHECK(spoken[4] == "Bild: Ein blaues Quadrat");
    CHECK(spoken[5] == "Schaltfläche: Weiter");
    for (const auto& u : f.speech.spoken) CHECK(u.language == "de");
}

TEST_CASE("read aloud: a frame follows the voice down the page, and the button stops it") {
    ReadAloudFixture f;
    f.tap("page/read-aloud");
    REQUIRE(f.shows("page/reading"));
    const float title = f.readingTop();
    f.speech.finishCurrent();  // the title is read; the heading is heard now
    f.settle();
    REQUIRE(f.shows("page/reading"));
    const float heading = f.readingTop();
    CHECK(heading > title);
    f.speech.finishCurrent();  // the text block's two paragraphs: one frame around the block
    f.settle();
    const float text = f.readingTop();
    CHECK(text > heading);
    if (std::getenv("KIOSK_READ_ALOUD_SCREENSHOT")) CHECK(f.renderer.savePng("/tmp/read_aloud.png").empty());
    f.speech.finishCurrent();
    f.settle();
    CHECK(f.readingTop() == text);  // its second paragraph: still the same block
    for (const auto& problem : f.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());

    const int stopsBefore = f.speech.stops;
    f.tap("page/read-aloud");  // now "stop reading"
    CHECK(f.speech.stops == stopsBefore + 1);
    CHECK_FALSE(f.speech.isSpeaking());
    CHECK_FALSE(f.shows("page/reading"));
}

TEST_CASE("read aloud: in English, a missing translation is read in German by the German voice") {
    ReadAloudFixture f;
    f.tap("bar/lang/en");
    f.tap("page/read-aloud");
    REQUIRE(f.speech.spoken.size() >= 3);
    CHECK(f.speech.spoken[0].text == "First page");
    CHECK(f.speech.spoken[0].language == "en");
    CHECK(f.speech.spoken[2].text == "Only English paragraph.");
}

TEST_CASE("read aloud: going to another page, home or the idle reset silences it") {
    ReadAloudFixture f;
    f.tap("page/read-aloud");
    REQUIRE(f.speech.isSpeaking());
    f.nav.apply(kiosk::core::OpenPage{"second"}, f.clock.now());
    f.settle();
    CHECK_FALSE(f.speech.isSpeaking());  // the next page is read only when asked

    f.tap("page/read-aloud");
    REQUIRE(f.speech.isSpeaking());
    f.nav.apply(kiosk::core::GoHome{}, f.clock.now());
    f.settle();
    CHECK_FALSE(f.speech.isSpeaking());  // the home screen has nothing of the page
    f.tap("home/pack/test-pack");

    f.tap("page/read-aloud");
    REQUIRE(f.speech.isSpeaking());
    // Nobody there: the prompt, the reset, the notice, the attract loop, as the window loop ticks.
    for (int minute = 0; minute < 12; ++minute) {
        f.clock.advance(30s);
        f.nav.tick(f.clock.now());
        f.settle();
    }
    REQUIRE(f.nav.visit().phase() == kiosk::core::VisitorPhase::Attract);
    CHECK_FALSE(f.speech.isSpeaking());  // the next visitor does not hear the last one's page
}
