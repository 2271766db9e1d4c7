// The on-screen keyboard in a simulated flow, through the real UI: taps by item id on real
// headless frames, then the navigator's values (the only place a typed value lives).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack_library.hpp"
#include "flow_fixture.hpp"
#include "golden_check.hpp"
#include "ui_fixture.hpp"

namespace {

using kiosk::test::kStep;

// The flow fixture, with the theme the keyboard's sizes come from and taps on its keys.
struct KeyboardFixture : kiosk::test::FlowFixture {
    kiosk::ui::Theme theme;

    explicit KeyboardFixture(int width = 1280, int height_ = 720)
        : FlowFixture(width, height_), theme(kiosk::ui::Theme::forDisplay(width, height_)) {}

    // Keys by the name in their item id: "a", "ü", "shift", "backspace", "space" …
    void keys(std::initializer_list<std::string> names) {
        for (const std::string& name : names) tap("keyboard/key/" + name);
    }

    void toDetailsStep() { fillContactStep(); }

    // The field's input is wholly inside the column's view, which ends above the bottom bar,
    // which itself ends above the keyboard.
    void checkFieldInView(const std::string& itemId) const {
        const auto field = find(itemId);
        const auto banner = find("flow/demo-notice");
        const auto bar = find("flow/apply/back");
        const auto keyboard = find("keyboard");
        REQUIRE(field);
        REQUIRE(banner);
        REQUIRE(bar);
        REQUIRE(keyboard);
        CHECK(field->min.y >= banner->max.y);
        CHECK(field->max.y <= bar->min.y);
        CHECK(bar->max.y <= keyboard->min.y);
        CHECK(keyboard->max.y == doctest::Approx(static_cast<float>(renderer.height())));
    }
};

}  // namespace

TEST_CASE("keyboard: tapping a text field shows the keyboard at the bottom, the field in view above it") {
    KeyboardFixture f;
    f.startFlow();
    CHECK_FALSE(f.shows("keyboard"));
    f.tap(kStep + "contact/field/name");
    REQUIRE(f.shows("keyboard"));
    f.checkFieldInView(kStep + "contact/field/name");
    // Large keys, German QWERTZ with umlauts and ß.
    const auto a = f.find("keyboard/key/a");
    REQUIRE(a);
    CHECK(a->max.y - a->min.y >= f.theme.touchTarget() - 0.5f);
    CHECK(a->max.x - a->min.x >= f.theme.em(2.0f));
    for (const char* key : {"z", "y", "ü", "ö", "ä", "ß", "shift", "backspace", "space", "enter"}) {
        CHECK_MESSAGE(f.shows(std::string("keyboard/key/") + key), key);
    }
    CHECK(f.find("keyboard/key/z")->min.y < f.find("keyboard/key/y")->min.y);  // QWERTZ, not QWERTY
    CHECK(f.shows("keyboard/layer/symbols"));
    CHECK(f.shows("keyboard/hide"));
    CHECK_FALSE(f.shows("keyboard/layer/cyrillic"));  // only Ukrainian visitors switch scripts

    // The phone field lies where the keyboard now is: the column scrolls it into view.
    f.tap(kStep + "contact/field/phone");
    REQUIRE(f.shows("keyboard"));
    f.checkFieldInView(kStep + "contact/field/phone");
}

TEST_CASE("keyboard: shift and the umlaut keys type Müller into the name field") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    f.keys({"shift", "m", "ü", "l", "l", "e", "r"});  // shift is for one letter, as on a phone
    CHECK(f.value("name") == "Müller");
    f.keys({"space", "shift", "ä"});
    CHECK(f.value("name") == "Müller Ä");
}

TEST_CASE("keyboard: backspace removes one character, an umlaut as one") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    f.keys({"m", "ü"});
    REQUIRE(f.value("name") == "mü");
    f.keys({"backspace"});
    CHECK(f.value("name") == "m");
    f.keys({"backspace", "backspace"});  // one too many: nothing left to remove, nothing breaks
    CHECK(f.value("name") == "");
    f.keys({"a"});  // still editing: the keys never took the field's focus
    CHECK(f.value("name") == "a");
    // The simulated press lasted one frame: no key repeat keeps deleting afterwards.
    for (int i = 0; i < 60; ++i) f.renderer.frame(f.nav, f.clock.now());
    CHECK(f.value("name") == "a");
}

TEST_CASE("keyboard: a finger sliding off a key into the page types nothing, scrolls nothing, keeps editing") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    const auto key = f.find("keyboard/key/a");
    const auto field = f.find(kStep + "contact/field/name");
    REQUIRE(key);
    REQUIRE(field);
    f.renderer.drag(f.nav, key->center(), ImVec2(key->center().x, f.find("flow/demo-notice")->max.y + 10), 8, f.clock.now());
    f.settle();
    CHECK(f.value("name") == "");
    CHECK(f.find(kStep + "contact/field/name")->min.y == doctest::Approx(field->min.y));
    REQUIRE(f.shows("keyboard"));
    f.keys({"b"});
    CHECK(f.value("name") == "b");
}

TEST_CASE("keyboard: a postcode field opens on the numbers layer and takes 01900") {
    KeyboardFixture f;
    f.startFlow();
    f.toDetailsStep();
    f.tap(kStep + "details/field/postcode");
    REQUIRE(f.shows("keyboard"));
    CHECK(f.shows("keyboard/key/0"));
    CHECK(f.shows("keyboard/key/@"));
    CHECK_FALSE(f.shows("keyboard/key/q"));
    f.keys({"0", "1", "9", "0", "0"});
    CHECK(f.value("postcode") == "01900");
    // Letters are one key away, and back.
    f.tap("keyboard/layer/letters");
    CHECK(f.shows("keyboard/key/q"));
    f.tap("keyboard/layer/symbols");
    CHECK(f.shows("keyboard/key/0"));
}

TEST_CASE("keyboard: max_length holds when typing on the on-screen keyboard") {
    KeyboardFixture f;
    f.startFlow();
    f.toDetailsStep();
    f.tap(kStep + "details/field/people");  // max_length = 2, format number: the numbers layer
    f.keys({"1", "2", "3", "4"});
    CHECK(f.value("people") == "12");
    f.keys({"backspace", "5"});
    CHECK(f.value("people") == "15");
}

TEST_CASE("keyboard: Ukrainian visitors type Cyrillic, and Latin for e-mail addresses") {
    KeyboardFixture f;
    f.startFlow();
    f.tap("bar/lang/uk");
    f.tap(kStep + "contact/field/name");
    REQUIRE(f.shows("keyboard"));
    for (const char* key : {"і", "ї", "є", "ґ", "'"}) CHECK_MESSAGE(f.shows(std::string("keyboard/key/") + key), key);
    CHECK_FALSE(f.shows("keyboard/key/q"));
    f.keys({"shift", "о", "л", "е", "н", "а"});
    CHECK(f.value("name") == "Олена");
    // The script key switches to Latin letters and back.
    f.tap("keyboard/layer/latin");
    CHECK(f.shows("keyboard/key/q"));
    f.tap("keyboard/layer/cyrillic");
    CHECK(f.shows("keyboard/key/й"));
    // An e-mail field opens on Latin letters, with "@" at hand.
    f.tap(kStep + "contact/field/email");
    CHECK(f.shows("keyboard/key/q"));
    CHECK(f.shows("keyboard/key/@"));
    f.keys({"o", "@", "x", ".", "u", "a"});
    CHECK(f.value("email") == "o@x.ua");
}

TEST_CASE("keyboard: hide closes the keyboard and ends editing") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    f.keys({"a"});
    REQUIRE(f.shows("keyboard"));
    f.tap("keyboard/hide");
    CHECK_FALSE(f.shows("keyboard"));
    f.type("b");  // editing has ended: the field takes nothing
    CHECK(f.value("name") == "a");
    CHECK(f.shows("flow/apply/next"));
    CHECK(f.find("flow/apply/next")->min.y > static_cast<float>(f.renderer.height()) * 0.8f);  // the bar back at the bottom
}

TEST_CASE("keyboard: Enter moves on to the next text field, cursor at its end, and closes after the last") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/email/example");
    REQUIRE(f.value("email") == "erika@example.org");
    f.tap(kStep + "contact/field/name");
    f.keys({"a", "enter"});
    CHECK(f.value("name") == "a");
    REQUIRE(f.shows("keyboard"));
    f.checkFieldInView(kStep + "contact/field/email");
    f.keys({"x"});  // appended: a selection of the whole text would have been replaced
    CHECK(f.value("email") == "erika@example.orgx");
    CHECK(f.value("name") == "a");
    f.keys({"enter"});  // on to the phone, the step's last text field
    f.keys({"1"});
    CHECK(f.value("phone") == "1");
    f.checkFieldInView(kStep + "contact/field/phone");
    f.keys({"enter"});  // "done"
    CHECK_FALSE(f.shows("keyboard"));
    f.type("2");
    CHECK(f.value("phone") == "1");
}

TEST_CASE("keyboard: a hardware keyboard still types while the on-screen keyboard is shown") {
    KeyboardFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    REQUIRE(f.shows("keyboard"));
    f.type("Max");
    f.keys({"space"});
    f.type("Muster");
    CHECK(f.value("name") == "Max Muster");
    // A tap outside ends editing as before, and the keyboard goes.
    f.tap("flow/apply/next");
    CHECK(f.nav.flowSession()->showProblems);
    CHECK_FALSE(f.shows("keyboard"));
}

TEST_CASE("keyboard: every key label fits its key and has its glyphs, in every layer, language and size") {
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{1080, 1920}, std::pair{1024, 768}}) {
        for (const std::string language : {"de", "en", "de-x-ls", "uk"}) {
            KeyboardFixture f(width, height);
            const std::string where = language + " " + std::to_string(width) + "x" + std::to_string(height);
            auto checkClean = [&](const std::string& what) {
                REQUIRE_MESSAGE(f.shows("keyboard"), where << " " << what);
                for (const auto& problem : f.renderer.ui()->audit().problems()) {
                    CHECK_MESSAGE(false, where << " " << what << ": " << problem.describe());
                }
            };
            f.startFlow();
            if (language != "de") f.tap("bar/lang/" + language);
            f.tap(kStep + "contact/field/name");  // letters, Enter: the next field
            checkClean("letters");
            f.tap(language == "uk" ? "keyboard/layer/latin" : "keyboard/key/shift");
            checkClean(language == "uk" ? "Latin letters" : "capitals");
            f.tap(kStep + "contact/field/phone");  // symbols, Enter: done
            checkClean("symbols");
            f.tap(kStep + "contact/field/email");  // Latin letters with "@"
            checkClean("e-mail");
        }
    }
}

TEST_CASE("keyboard: golden images of a flow step with the keyboard open") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        KeyboardFixture f(width, height);
        f.startFlow();
        f.tap(kStep + "contact/field/email/example");
        f.tap(kStep + "contact/field/name");
        f.keys({"shift", "m", "ü", "l", "l", "e", "r", "shift"});  // shift left on: its filled look
        REQUIRE(f.value("name") == "Müller");
        kiosk::test::checkGolden(f.renderer, "keyboard_flow_step_" + std::to_string(width) + "x" + std::to_string(height));
    }
}

TEST_CASE("keyboard: screenshots of every layer (only with KIOSK_KEYBOARD_SCREENSHOTS=<folder>)") {
    const char* folder = std::getenv("KIOSK_KEYBOARD_SCREENSHOTS");
    if (!folder) return;
    std::filesystem::create_directories(folder);
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        KeyboardFixture f(width, height);
        const std::string suffix = "_" + std::to_string(width) + "x" + std::to_string(height) + ".png";
        auto shot = [&](const std::string& name) {
            CHECK(f.renderer.savePng(std::filesystem::path(folder) / (name + suffix)).empty());
            for (const auto& problem : f.renderer.ui()->audit().problems()) CHECK_MESSAGE(false, name << suffix << ": " << problem.describe());
        };
        f.startFlow();
        f.tap(kStep + "contact/field/phone");
        shot("keyboard_symbols");
        f.tap("flow/apply/back");  // out of the flow, back on the page that starts it
        f.tap("bar/lang/uk");
        f.tap("page/start/button/try-it");
        f.tap(kStep + "contact/field/name");
        shot("keyboard_cyrillic");
        f.tap("keyboard/layer/latin");
        shot("keyboard_latin_uk");
        f.tap(kStep + "contact/field/email");
        shot("keyboard_email_uk");
    }
}

// Issue 5, vision: 200 % text in landscape leaves a screen 18 em tall, too short for the top bar,
// the notice, the field, the way on and four rows of full-size keys. Typing there, the keys are
// 2 em tall (the smallest target anywhere), the top bar and the notice step aside until the
// keyboard is hidden, and nothing overlaps: the input above the way on, the way on above the keys.
TEST_CASE("keyboard: at 200 % text on 1280x720 the field, the way on and the keys share the screen without overlapping") {
    KeyboardFixture f;
    kiosk::core::AccessibilitySettings large;
    large.textSizePercent = 200;
    f.nav.apply(kiosk::core::SetAccessibility{large}, f.clock.now());
    // Straight into the flow: at 200 % the page's "try it" lies below the fold.
    f.nav.apply(kiosk::core::OpenPack{"flow-pack"}, f.clock.now());
    f.nav.apply(kiosk::core::StartFlow{"apply"}, f.clock.now());
    f.settle();
    f.tap(kStep + "contact/field/name");
    REQUIRE(f.shows("keyboard"));
    const kiosk::ui::Theme& theme = f.renderer.theme();
    REQUIRE(theme.em() == doctest::Approx(40.0f));  // 200 % of 720p's 20 px
    CHECK_FALSE(f.shows("bar/back"));
    CHECK_FALSE(f.shows("flow/demo-notice"));
    const auto field = f.find(kStep + "contact/field/name");
    const auto back = f.find("flow/apply/back");
    const auto next = f.find("flow/apply/next");
    const auto keyboard = f.find("keyboard");
    REQUIRE(field);
    REQUIRE(back);
    REQUIRE(next);
    REQUIRE(keyboard);
    CHECK(field->min.y >= 0.0f);
    CHECK(field->max.y <= back->min.y);
    CHECK(next->max.y <= keyboard->min.y);
    CHECK(keyboard->max.y == doctest::Approx(720.0f));
    for (const auto& item : f.renderer.items().items()) {
        if (!item.touchTarget || item.id.rfind("keyboard/", 0) != 0) continue;
        CHECK_MESSAGE(item.max.y - item.min.y >= theme.em(2.0f) - 0.5f, item.id);
        CHECK_MESSAGE(item.max.x - item.min.x >= theme.em(2.0f) - 0.5f, item.id);
        CHECK_MESSAGE(item.min.y >= next->max.y, item.id << " is not below the way on");
    }
    f.keys({"shift", "m", "ü"});
    CHECK(f.value("name") == "Mü");
    for (const auto& problem : f.renderer.ui()->audit().problems()) CHECK_MESSAGE(false, problem.describe());

    f.tap("keyboard/hide");
    CHECK_FALSE(f.shows("keyboard"));
    CHECK(f.shows("bar/back"));
    CHECK(f.shows("flow/demo-notice"));
}
