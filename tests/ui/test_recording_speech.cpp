// The speech test double the UI tests rely on keeps the contract of SpeechOutput: what was asked,
// in order and with its language, what is heard now, and what stop and speak cut off.
#include <doctest/doctest.h>

#include "recording_speech.hpp"

using namespace kiosk;

TEST_CASE("recording speech: keeps what was asked in order with languages, and walks through it by hand") {
    test::RecordingSpeech speech;
    core::SpeechOutput& output = speech;  // used as the UI will: through the interface
    CHECK_FALSE(output.isSpeaking());
    CHECK(output.currentId().empty());

    output.speak({{"Willkommen", "de", "page/home/heading"}, {"  \n", "de", "page/home/empty"}, {"Welcome", "en", "page/home/text"}});
    output.append({{"Ласкаво просимо", "uk", "page/home/button/start"}});
    REQUIRE(speech.spoken.size() == 3);  // the white-space text is left out, as the engine leaves it out
    CHECK(speech.spokenTexts() == std::vector<std::string>{"Willkommen", "Welcome", "Ласкаво просимо"});
    CHECK(speech.spoken[0].language == "de");
    CHECK(speech.spoken[1].language == "en");
    CHECK(speech.spoken[2].language == "uk");
    CHECK(speech.spoken[2].id == "page/home/button/start");

    CHECK(output.isSpeaking());
    CHECK(output.currentId() == "page/home/heading");
    speech.finishCurrent();
    CHECK(output.currentId() == "page/home/text");
    speech.finishCurrent();
    speech.finishCurrent();
    CHECK_FALSE(output.isSpeaking());
    CHECK(output.currentId().empty());
    CHECK(speech.interruptions == 0);
    CHECK(speech.stops == 0);
}

TEST_CASE("recording speech: speak cuts off what is heard, stop silences, volume and rate are kept as asked") {
    test::RecordingSpeech speech;
    core::SpeechOutput& output = speech;
    output.speak({{"Erster Satz", "de", "a"}, {"Zweiter Satz", "de", "b"}});
    output.speak({{"Leichte Sprache", "de-x-ls", "c"}});
    CHECK(speech.interruptions == 1);
    CHECK(output.currentId() == "c");
    CHECK(speech.spoken.size() == 3);  // what was asked stays recorded, cut off or not
    CHECK(speech.spoken.back().language == "de-x-ls");

    output.setVolume(0.25f);
    output.setRate(0.75f);
    CHECK(speech.volume == 0.25f);
    CHECK(speech.rate == 0.75f);

    output.stop();
    CHECK(speech.stops == 1);
    CHECK_FALSE(output.isSpeaking());
    CHECK(output.currentId().empty());
    output.speak({{"Neu", "de", "d"}});
    CHECK(speech.interruptions == 1);  // nothing was playing to cut off
}
