// The non-visual mode, driven as a blind visitor drives it: finger events only (swipes, double
// taps, a two-finger hold), never a tap on an element by its position. What the kiosk said is
// asserted through RecordingSpeech, whose real counterpart (espeak-ng) tests/platform tests.
#include <chrono>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/config/kiosk_config.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "recording_speech.hpp"

namespace {

using namespace kiosk;
using namespace std::chrono_literals;
using Kind = core::FingerEvent::Kind;

// The shipped sample content in the shipped languages, 1280x720, starting in the attract loop.
struct BlindVisit {
    core::ManualClock clock;
    core::PackLibrary library;
    core::Navigator nav;
    platform::HeadlessRenderer renderer;
    test::RecordingSpeech speech;

    BlindVisit()
        : library(core::loadPackLibrary(shippedConfig().contentFolders)),
          nav(library, shippedConfig().languages, shippedConfig().defaultLanguage, std::chrono::seconds(90), clock.now()),
          renderer(1280, 720, platform::systemFontFiles()) {
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        renderer.setSpeech(&speech);
        renderer.settle(nav, clock.now());
    }

    static const core::KioskConfig& shippedConfig() {
        static const core::KioskConfig config = [] {
            auto loaded = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
            REQUIRE(loaded.ok());
            return loaded.value();
        }();
        return config;
    }

    void event(Kind kind, std::int64_t finger, float x, float y) {
        renderer.finger(nav, core::FingerEvent{kind, finger, x, y, clock.now()});
    }
    void later(core::Duration by) { clock.advance(by); }

    void twoFingerHold() {
        event(Kind::Down, 1, 500, 400);
        later(50ms);
        event(Kind::Down, 2, 700, 400);
        later(1600ms);
        renderer.wait(nav, clock.now());
        event(Kind::Up, 1, 500, 400);
        event(Kind::Up, 2, 700, 400);
        later(500ms);
    }
    void swipe(float dx) {
        event(Kind::Down, 1, 640 - dx / 2, 600);
        later(60ms);
        event(Kind::Move, 1, 640, 600);
        later(60ms);
        event(Kind::Up, 1, 640 + dx / 2, 600);
        later(400ms);
    }
    void swipeRight() { swipe(300); }
    void swipeLeft() { swipe(-300); }
    void doubleTap() {
        event(Kind::Down, 1, 100, 650);
        later(60ms);
        event(Kind::Up, 1, 100, 650);
        later(120ms);
        event(Kind::Down, 1, 100, 650);
        later(60ms);
        event(Kind::Up, 1, 100, 650);
        later(500ms);
    }
    // One finger resting on the screen: what is under it is said.
    void touch(ImVec2 at) {
        event(Kind::Down, 1, at.x, at.y);
        later(400ms);
        renderer.wait(nav, clock.now());
        event(Kind::Up, 1, at.x, at.y);
        later(400ms);
    }

    const std::string& focus() const { return renderer.ui()->nonVisual().focusedId(); }
    std::string lastSaid() const { return speech.spoken.empty() ? std::string() : speech.spoken.back().text; }
    bool said(const std::string& part) const {
        for (const auto& utterance : speech.spoken) {
            if (utterance.text.find(part) != std::string::npos) return true;
        }
        return false;
    }

    // Swipes right until the element in focus has an id ending in `idEnd`, as a listener swipes
    // until they hear it; fails if a whole screen's worth of swipes does not get there.
    void swipeTo(const std::string& idEnd) {
        for (int i = 0; i < 120; ++i) {
            if (focus().size() >= idEnd.size() && focus().compare(focus().size() - idEnd.size(), idEnd.size(), idEnd) == 0) return;
            swipeRight();
        }
        FAIL("swiped 120 times without reaching '" << idEnd << "'; in focus: '" << focus() << "', last said: '" << lastSaid() << "'");
    }
};

}  // namespace

TEST_CASE("non-visual mode: a two-finger hold on the attract loop begins a visit with speech guidance, and ends it again") {
    BlindVisit visit;
    REQUIRE(visit.nav.visit().phase() == core::VisitorPhase::Attract);
    visit.twoFingerHold();
    CHECK(visit.nav.visit().phase() == core::VisitorPhase::Visiting);
    CHECK(visit.nav.accessibility().nonVisual);
    CHECK(visit.said("Sprachführung ist an"));
    // After the explanation, where the visitor is: the home screen's heading.
    CHECK(visit.lastSaid().find("Überschrift") != std::string::npos);
    // Both are still to be heard a few frames on: nothing the screen draws silences them.
    visit.renderer.settle(visit.nav, visit.clock.now());
    CHECK(visit.speech.stops == 0);
    REQUIRE(visit.speech.queue.size() == 2);
    CHECK(visit.speech.queue.front().text.find("Sprachführung ist an") == 0);
    CHECK(visit.nav.visit().timeFactor() == 2);  // who cannot see the countdown gets longer

    visit.twoFingerHold();
    CHECK_FALSE(visit.nav.accessibility().nonVisual);
    CHECK(visit.lastSaid() == "Sprachführung ist aus.");
    CHECK(visit.nav.visit().timeFactor() == 1);
}

TEST_CASE("non-visual mode: swipes move through the screen in reading order and say each element, a touch says what is under the finger") {
    BlindVisit visit;
    visit.twoFingerHold();
    const std::string heading = visit.focus();
    visit.swipeRight();
    const std::string second = visit.focus();
    CHECK(second != heading);
    visit.renderer.settle(visit.nav, visit.clock.now());
    CHECK(visit.speech.isSpeaking());  // heard to its end, not cut off by the next frame
    CHECK(visit.speech.stops == 0);
    // Under the headline, its subtitle: plain text, said as written.
    CHECK(visit.lastSaid().find("Überschrift") == std::string::npos);
    CHECK(visit.lastSaid().size() > 20);
    visit.swipeLeft();
    CHECK(visit.focus() == heading);
    // Before the heading, the top bar: "end visit" and the languages, then nothing more.
    for (int i = 0; i < 10 && visit.lastSaid() != "Anfang des Bildschirms."; ++i) visit.swipeLeft();
    CHECK(visit.lastSaid() == "Anfang des Bildschirms.");
    CHECK(visit.focus() == "bar/end-visit");
    visit.swipeRight();
    CHECK(visit.focus() == "bar/lang/de");
    CHECK(visit.lastSaid() == "Deutsch, Auswahl, ausgewählt");

    // The tiles say their pack's title and that they are buttons.
    visit.swipeTo("home/pack/online-id");
    CHECK(visit.lastSaid().find("Schaltfläche") != std::string::npos);
    // A finger resting on another tile says that one, and moves the focus there.
    const auto tile = visit.renderer.items().find("home/pack/address-change");
    REQUIRE(tile.has_value());
    visit.touch(tile->center());
    CHECK(visit.focus() == "home/pack/address-change");
    CHECK(visit.lastSaid().find(visit.library.findPack("address-change")->title.in({"de"})) == 0);
    // While the mode is on a finger presses nothing: still on the home screen.
    CHECK(visit.nav.location().isHome());
}

// The "with eyes closed" walk: from the attract loop to a flow's result and back, with
// nothing but swipes and double taps, typing the PIN on the on-screen keyboard.
TEST_CASE("non-visual mode: a complete flow, from the attract loop to its result, by swipes and double taps alone") {
    BlindVisit visit;
    visit.twoFingerHold();

    visit.swipeTo("home/pack/online-id");
    visit.doubleTap();
    REQUIRE(visit.nav.location().packId == "online-id");
    CHECK(visit.lastSaid().find("Überschrift") != std::string::npos);  // the page's title, said on arrival

    for (const char* button : {"/button/to-devices", "/button/to-pin", "/button/to-bundid"}) {
        visit.swipeTo(button);
        visit.doubleTap();
    }
    REQUIRE(visit.nav.location().pageId == "bundid");
    visit.swipeTo("/button/try-login");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession() != nullptr);
    CHECK(visit.lastSaid() == "Ihr Gerät, Überschrift");  // the step's title, said on arrival

    // "Next" with nothing chosen is refused, and what to fix is said at once (5.1.3.15).
    visit.swipeTo("/next");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession()->step == 0);
    CHECK(visit.focus() == "flow/login/step/device/field/device/problem");
    CHECK(visit.lastSaid().ends_with(", Fehler"));
    // Back up to the options: they come before their message.
    for (int i = 0; i < 6 && !visit.focus().ends_with("/option/phone"); ++i) visit.swipeLeft();

    // Step 1: a choice. The option is said with its state once chosen.
    visit.swipeTo("/field/device/option/phone");
    visit.doubleTap();
    CHECK(visit.nav.flowSession()->value("device") == "phone");
    CHECK(visit.lastSaid().find("ausgewählt") == std::string::npos);  // said before it was chosen
    visit.swipeLeft();
    visit.swipeRight();
    CHECK(visit.lastSaid().find("ausgewählt") != std::string::npos);
    visit.swipeTo("/next");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession()->step == 1);

    // Step 2: a check box.
    visit.swipeTo("/field/agree");
    visit.doubleTap();
    CHECK(visit.nav.flowSession()->value("agree") == "yes");
    visit.swipeTo("/next");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession()->step == 2);

    // Step 3: the PIN, typed on the on-screen keyboard key by key.
    visit.swipeTo("/field/demo-pin");
    CHECK(visit.lastSaid().find("Eingabefeld, leer") != std::string::npos);
    visit.doubleTap();  // editing begins: the keyboard comes up
    REQUIRE(visit.renderer.items().find("keyboard").has_value());
    for (const char* digit : {"1", "2", "3", "4", "5", "6"}) {
        visit.swipeTo(std::string("keyboard/key/") + digit);
        CHECK(visit.lastSaid() == std::string(digit) + ", Taste");
        visit.doubleTap();
    }
    CHECK(visit.nav.flowSession()->value("demo-pin") == "123456");
    visit.swipeTo("keyboard/key/enter");  // the last field: done typing, the keyboard goes
    visit.doubleTap();
    CHECK_FALSE(visit.renderer.items().find("keyboard").has_value());
    visit.swipeTo("/next");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession()->step == 3);  // the summary
    CHECK(visit.said("Bitte prüfen Sie Ihre Angaben"));
    visit.swipeTo("/submit");
    visit.doubleTap();
    REQUIRE(visit.nav.flowSession()->step == 4);  // the result
    CHECK(visit.said("Sie sind angemeldet!"));
    visit.swipeTo("/done");
    visit.doubleTap();
    CHECK(visit.nav.flowSession() == nullptr);
    // "Done" leads where the flow says, as under a finger.
    CHECK(visit.nav.location().pageId == visit.library.findPack("online-id")->findFlow("login")->nextPage);
    CHECK(visit.nav.accessibility().nonVisual);  // for the whole visit
}

TEST_CASE("non-visual mode: the idle prompt is spoken, any gesture answers it, and the settings end with the visit") {
    BlindVisit visit;
    visit.twoFingerHold();
    // The prompt comes later than for a sighted visitor: twice the page time before the reset.
    visit.later(135s);  // 180 s less the prompt's 40 s, both twice the policy's
    visit.nav.tick(visit.clock.now());
    visit.renderer.settle(visit.nav, visit.clock.now());
    CHECK(visit.nav.visit().phase() == core::VisitorPhase::Visiting);
    visit.later(10s);
    visit.nav.tick(visit.clock.now());
    visit.renderer.settle(visit.nav, visit.clock.now());
    REQUIRE(visit.nav.visit().phase() == core::VisitorPhase::IdlePrompt);
    CHECK(visit.said("Sind Sie noch da?, Überschrift"));
    visit.swipeRight();
    CHECK(visit.nav.visit().phase() == core::VisitorPhase::Visiting);

    // Gone for good: the reset forgets the mode, the next visitor starts without it.
    for (int i = 0; i < 400 && visit.nav.visit().phase() != core::VisitorPhase::Attract; ++i) {
        visit.later(1s);
        visit.nav.tick(visit.clock.now());
    }
    REQUIRE(visit.nav.visit().phase() == core::VisitorPhase::Attract);
    CHECK_FALSE(visit.nav.accessibility().nonVisual);
}

TEST_CASE("non-visual mode: the attract loop says now and then, in German and English, how to turn it on") {
    BlindVisit visit;
    visit.renderer.setSpeechHintEvery(std::chrono::minutes(1));
    // 8 s a picture: a minute is 7 whole pictures, so the hint comes with the 7th (56 s), once.
    for (int i = 0; i < 6; ++i) {
        visit.later(8s);
        visit.nav.tick(visit.clock.now());
        visit.renderer.settle(visit.nav, visit.clock.now());
    }
    CHECK(visit.speech.spoken.empty());
    visit.later(8s);
    visit.nav.tick(visit.clock.now());
    visit.renderer.settle(visit.nav, visit.clock.now());
    REQUIRE(visit.speech.spoken.size() == 2);
    CHECK(visit.speech.spoken[0].language == "de");
    CHECK(visit.speech.spoken[0].text.find("zwei Finger") != std::string::npos);
    CHECK(visit.speech.spoken[1].language == "en");
    CHECK(visit.speech.isSpeaking());  // the loop's frames do not silence it
    visit.renderer.settle(visit.nav, visit.clock.now());
    CHECK(visit.speech.spoken.size() == 2);
}
