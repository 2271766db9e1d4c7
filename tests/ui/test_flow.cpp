// Simulated service flows through the real UI: taps by item id on real frames, then the navigator's
// state. Set KIOSK_FLOW_SCREENSHOTS=<folder> to also write every flow screen at three sizes there.
#include <cstdlib>
#include <filesystem>
#include <regex>

#include <doctest/doctest.h>
#include <imgui.h>

#include <SDL.h>
#include <SDL_image.h>

#include "core/nav/field_check.hpp"
#include "core/pack/pack_library.hpp"
#include "ui/frame_context.hpp"
#include "ui/widgets/date_text.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/placeholders.hpp"
#include "flow_fixture.hpp"
#include "golden_check.hpp"
#include "ui_fixture.hpp"

namespace {

using kiosk::core::CalendarDate;
using kiosk::test::FlowFixture;
using kiosk::test::kStep;
using kiosk::test::kToday;


// For FrameContext-level checks that need no frame: words and formatting.
struct WordsFixture {
    kiosk::core::PackLibrary library;
    kiosk::core::Navigator nav{library, {"de"}, "de", std::chrono::seconds(60), kiosk::core::TimePoint{}};
    kiosk::ui::Theme theme = kiosk::ui::Theme::forDisplay(1280, 720);
    kiosk::ui::TextureCache textures{nullptr};
    kiosk::ui::ItemRegistry items;
    std::vector<kiosk::core::Intent> intents;

    kiosk::ui::FrameContext context(const std::string& language) {
        std::vector<std::string> languages{language};
        return kiosk::ui::FrameContext{nav, theme, textures, items, languages, kiosk::ui::uiStrings(languages), intents, kToday};
    }
};

kiosk::core::FlowField textField(kiosk::core::TextFormat format) {
    kiosk::core::FlowField field;
    field.id = "f";
    field.format = format;
    field.required = true;
    return field;
}

}  // namespace

TEST_CASE("a page's flow button opens the flow's first step with the demo notice, fields and the way on") {
    FlowFixture f;
    f.startFlow();
    CHECK(f.nav.location() == kiosk::core::Location{"flow-pack", "start"});
    CHECK(f.step() == 0);
    CHECK(f.shows("flow/demo-notice"));
    CHECK(f.shows(kStep + "contact/field/name"));
    CHECK(f.shows(kStep + "contact/field/name/example"));
    CHECK(f.shows("flow/apply/back"));
    CHECK(f.shows("flow/apply/next"));
    CHECK(f.shows("bar/home"));  // the top bar stays
    CHECK_FALSE(f.shows("page/start/button/try-it"));  // the flow is drawn instead of the page
}

TEST_CASE("Next with empty required fields stays on the step and puts a message at each of them") {
    FlowFixture f;
    f.startFlow();
    CHECK_FALSE(f.shows(kStep + "contact/field/name/problem"));  // no messages before the visitor tried
    f.tap("flow/apply/next");
    CHECK(f.step() == 0);
    REQUIRE(f.nav.flowSession()->showProblems);
    CHECK(f.shows(kStep + "contact/field/name/problem"));
    CHECK(f.shows(kStep + "contact/field/email/problem"));
    CHECK_FALSE(f.shows(kStep + "contact/field/phone/problem"));  // optional and empty: fine

    f.tap(kStep + "contact/field/name/example");
    CHECK_FALSE(f.shows(kStep + "contact/field/name/problem"));  // fixed fields lose their message at once
    CHECK(f.shows(kStep + "contact/field/email/problem"));
}

TEST_CASE("the first field with a problem is scrolled into view after Next") {
    FlowFixture f;
    f.startFlow();
    f.fillContactStep();
    f.tap(kStep + "details/field/start/today");
    f.tap(kStep + "details/field/who/option/me");
    // A finger scrolls to the end of the step: the empty postcode at its top goes out of view.
    f.renderer.drag(f.nav, ImVec2(4, 550), ImVec2(4, 150), 6, f.clock.now());
    f.settle();
    const std::string postcode = kStep + "details/field/postcode";
    const auto banner = f.find("flow/demo-notice");
    REQUIRE(f.find(postcode)->max.y < banner->max.y);
    f.tap("flow/apply/next");
    CHECK(f.step() == 1);
    const auto after = f.find(postcode);
    CHECK(after->min.y > banner->max.y);
    CHECK(f.find(postcode + "/problem")->max.y < f.find("flow/apply/next")->min.y);
}

TEST_CASE("examples, options, dates and checks are filled in by tapping") {
    FlowFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name/example");
    CHECK(f.value("name") == "Erika Mustermann");
    f.fillContactStep();

    f.tap(kStep + "details/field/people/example");
    CHECK(f.value("people") == "2");
    f.tap(kStep + "details/field/start/day+");  // an empty date starts from today
    CHECK(f.value("start") == "2025-03-15");
    f.tap(kStep + "details/field/start/month-");
    CHECK(f.value("start") == "2025-02-15");
    f.tap(kStep + "details/field/start/year+");
    CHECK(f.value("start") == "2026-02-15");
    f.tap(kStep + "details/field/start/today");
    CHECK(f.value("start") == "2025-03-14");
    f.tap(kStep + "details/field/who/option/me");
    CHECK(f.value("who") == "me");
    f.tap(kStep + "details/field/who/option/family");
    CHECK(f.value("who") == "family");
    f.fillDetailsStep();

    f.tap(kStep + "confirm/field/correct");
    CHECK(f.value("correct") == "yes");
    f.tap(kStep + "confirm/field/correct");  // the label is part of the tap target and toggles too
    CHECK(f.value("correct") == "");
}

TEST_CASE("a visitor with a keyboard types into a text field, within its max_length") {
    FlowFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    f.type("Max Muster");
    CHECK(f.value("name") == "Max Muster");
    f.tap(kStep + "contact/field/email");
    f.type("max@example.org");
    CHECK(f.value("email") == "max@example.org");
    f.tap("flow/apply/next");
    REQUIRE(f.step() == 1);
    f.tap(kStep + "details/field/people");
    f.type("12345");  // max_length = 2
    CHECK(f.value("people") == "12");
}

TEST_CASE("a whole flow: steps, summary, submit, a case number, and Done back to the page") {
    FlowFixture f;
    f.startFlow();
    f.fillContactStep();
    f.fillDetailsStep();
    f.tap(kStep + "confirm/field/correct");
    f.tap("flow/apply/next");
    REQUIRE(f.step() == 3);  // the summary
    CHECK(f.shows("flow/apply/summary/contact/change"));
    CHECK(f.shows("flow/apply/submit"));
    CHECK_FALSE(f.shows("flow/apply/next"));

    f.tap("flow/apply/submit");
    REQUIRE(f.step() == 4);  // the result
    CHECK(std::regex_match(f.nav.flowSession()->caseNumber, std::regex("DEMO-AB-[0-9]{5}")));
    CHECK(f.shows("flow/apply/case-number"));
    CHECK_FALSE(f.shows("flow/apply/back"));  // the result is final: only Done
    f.tap("flow/apply/done");
    CHECK(f.nav.flowSession() == nullptr);
    CHECK(f.nav.location() == kiosk::core::Location{"flow-pack", "start"});
    CHECK(f.shows("page/start/button/try-it"));
}

TEST_CASE("Back goes one step back with the values kept, and leaves the flow from its first step") {
    FlowFixture f;
    f.startFlow();
    f.fillContactStep();
    f.tap("flow/apply/back");
    CHECK(f.step() == 0);
    CHECK(f.value("name") == "Erika Mustermann");
    f.tap("flow/apply/back");
    CHECK(f.nav.flowSession() == nullptr);
    CHECK(f.nav.location().pageId == "start");
}

TEST_CASE("Change on the summary returns to that step, and Next leads back to the summary") {
    FlowFixture f;
    f.startFlow();
    f.fillContactStep();
    f.fillDetailsStep();
    f.tap(kStep + "confirm/field/correct");
    f.tap("flow/apply/next");
    REQUIRE(f.step() == 3);
    f.tap("flow/apply/summary/contact/change");
    CHECK(f.step() == 0);
    CHECK(f.value("email") == "erika@example.org");
    for (int i = 0; i < 3; ++i) f.tap("flow/apply/next");
    CHECK(f.step() == 3);
}

TEST_CASE("the language can change mid-flow: the step stays and the kiosk's and the pack's words follow") {
    FlowFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name/example");
    f.tap("bar/lang/uk");
    CHECK(f.nav.language() == "uk");
    CHECK(f.step() == 0);
    CHECK(f.value("name") == "Erika Mustermann");  // what was entered stays as entered
    f.tap(kStep + "contact/field/name/example");
    CHECK(f.value("name") == "Олена Петренко");  // the example of the new language
    f.tap("bar/lang/de-x-ls");  // no Leichte Sprache in the pack: its German texts, the kiosk's own words
    f.tap("flow/apply/next");
    CHECK(f.shows(kStep + "contact/field/email/problem"));
}

TEST_CASE("home and the idle reset forget every value: the flow starts empty again") {
    FlowFixture f;
    f.startFlow();
    f.fillContactStep();
    f.tap("bar/home");
    CHECK(f.nav.flowSession() == nullptr);
    f.startFlow();
    CHECK(f.step() == 0);
    CHECK(f.value("name") == "");

    f.tap(kStep + "contact/field/name/example");
    f.clock.advance(std::chrono::seconds(121));  // a flow's idle time: twice the page's 60 s
    CHECK(f.nav.tick(f.clock.now()));
    f.settle();
    CHECK(f.nav.location().isHome());
    CHECK(f.shows("attract/start"));
    f.startFlow();
    CHECK(f.value("name") == "");
}

TEST_CASE("a text field typed into before a reset shows the new visitor an empty field") {
    FlowFixture f;
    f.startFlow();
    f.tap(kStep + "contact/field/name");
    f.type("Geheim");
    f.tap("bar/home");
    f.startFlow();
    f.tap(kStep + "contact/field/name");  // the field that had the focus, focused again
    f.type("A");
    CHECK(f.value("name") == "A");
}

TEST_CASE("validation messages: the author's words first, else the kiosk's per problem and format") {
    WordsFixture w;
    auto de = w.context("de");
    using kiosk::core::FieldProblem;
    using kiosk::core::TextFormat;
    auto postcode = textField(TextFormat::Postcode);
    CHECK(kiosk::ui::fieldProblemMessage(de, postcode, FieldProblem::Missing) == "Bitte füllen Sie dieses Feld aus.");
    CHECK(kiosk::ui::fieldProblemMessage(de, postcode, FieldProblem::Malformed) ==
          "Bitte 5 Ziffern eingeben, zum Beispiel 01900.");
    CHECK(kiosk::ui::fieldProblemMessage(de, textField(TextFormat::Email), FieldProblem::Malformed) ==
          "Bitte eine E-Mail-Adresse wie name@example.org eingeben.");
    auto tooLong = textField(TextFormat::Any);
    tooLong.maxLength = 12;
    CHECK(kiosk::ui::fieldProblemMessage(w.context("en"), tooLong, FieldProblem::TooLong) ==
          "Please enter at most 12 characters.");
    kiosk::core::FlowField check;
    check.type = kiosk::core::FlowField::Type::Check;
    CHECK(kiosk::ui::fieldProblemMessage(w.context("uk"), check, FieldProblem::Missing) ==
          "Будь ласка, поставте тут позначку.");
    postcode.error.set("de", "Fünf Ziffern, bitte.");
    CHECK(kiosk::ui::fieldProblemMessage(de, postcode, FieldProblem::Malformed) == "Fünf Ziffern, bitte.");
    CHECK(kiosk::ui::fieldProblemMessage(de, postcode, FieldProblem::None).empty());
}

TEST_CASE("answers on the summary: option labels, dates in words, yes and no") {
    WordsFixture w;
    kiosk::core::FlowField date;
    date.type = kiosk::core::FlowField::Type::Date;
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), date, "2025-03-14") == "14. März 2025");
    CHECK(kiosk::ui::fieldAnswerText(w.context("en"), date, "2025-03-14") == "14 March 2025");
    CHECK(kiosk::ui::fieldAnswerText(w.context("uk"), date, "2025-03-14") == "14 березня 2025");
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), date, "2025-02-30").empty());
    kiosk::core::FlowField check;
    check.type = kiosk::core::FlowField::Type::Check;
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), check, "yes") == "Ja");
    CHECK(kiosk::ui::fieldAnswerText(w.context("en"), check, "") == "No");
    kiosk::core::FlowField choice;
    choice.type = kiosk::core::FlowField::Type::Choice;
    kiosk::core::FieldOption option{"me", {}};
    option.label.set("de", "Für mich");
    choice.options.push_back(option);
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), choice, "me") == "Für mich");
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), choice, "").empty());
    CHECK(kiosk::ui::fieldAnswerText(w.context("de"), textField(kiosk::core::TextFormat::Any), "  ").empty());
}

TEST_CASE("date steppers wrap days and months like a dial, keep years in range and days in the month") {
    using kiosk::ui::DatePart;
    using kiosk::ui::stepDate;
    CHECK(stepDate({2025, 1, 31}, DatePart::Day, +1) == CalendarDate{2025, 1, 1});
    CHECK(stepDate({2025, 3, 1}, DatePart::Day, -1) == CalendarDate{2025, 3, 31});
    CHECK(stepDate({2025, 12, 5}, DatePart::Month, +1) == CalendarDate{2025, 1, 5});
    CHECK(stepDate({2025, 1, 31}, DatePart::Month, +1) == CalendarDate{2025, 2, 28});
    CHECK(stepDate({2024, 2, 29}, DatePart::Year, +1) == CalendarDate{2025, 2, 28});
    CHECK(stepDate({2199, 6, 1}, DatePart::Year, +1) == CalendarDate{2199, 6, 1});
    CHECK(kiosk::ui::fieldDateValue({2025, 3, 4}) == "2025-03-04");
    CHECK(kiosk::core::isCalendarDate(kiosk::ui::fieldDateValue(stepDate({1900, 1, 1}, DatePart::Year, -1))));
    CHECK(kiosk::ui::parseFieldDate("2025-03-04") == CalendarDate{2025, 3, 4});
    CHECK_FALSE(kiosk::ui::parseFieldDate("2025-3-4").has_value());
}

TEST_CASE("placeholders are filled, unknown ones stay visible") {
    CHECK(kiosk::ui::fillPlaceholders("Schritt {step} von {total}", {{"step", "2"}, {"total", "5"}}) == "Schritt 2 von 5");
    CHECK(kiosk::ui::fillPlaceholders("{a}{b} {c", {{"a", "{b}"}}) == "{b}{b} {c");
}

TEST_CASE("golden: a flow step with its validation messages") {
    FlowFixture f(1280, 720);
    f.startFlow();
    // One message of each kind: a missing value, a malformed one (kiosk's words), the author's own.
    f.nav.apply(kiosk::core::SetFieldValue{"email", "erika@"}, f.clock.now());
    f.nav.apply(kiosk::core::SetFieldValue{"phone", "null-drei"}, f.clock.now());
    f.tap("flow/apply/next");
    REQUIRE(f.shows(kStep + "contact/field/phone/problem"));
    kiosk::test::checkGolden(f.renderer, "flow_step_problems_1280x720");
}

TEST_CASE("screenshots of every flow screen (only with KIOSK_FLOW_SCREENSHOTS=<folder>)") {
    const char* folder = std::getenv("KIOSK_FLOW_SCREENSHOTS");
    if (!folder) return;
    std::filesystem::create_directories(folder);
    const std::pair<int, int> sizes[] = {{1280, 720}, {1920, 1080}, {1080, 1920}};
    for (const auto& [width, height] : sizes) {
        for (const std::string language : {"de", "uk"}) {
            FlowFixture f(width, height);
            const std::string suffix = "_" + language + "_" + std::to_string(width) + "x" + std::to_string(height) + ".png";
            auto shot = [&](const std::string& name) {
                CHECK(f.renderer.savePng(std::filesystem::path(folder) / (name + suffix)).empty());
            };
            if (language != "de") f.tap("bar/lang/" + language);
            f.startFlow();
            shot("flow1_empty");
            f.tap(kStep + "contact/field/name/example");
            f.nav.apply(kiosk::core::SetFieldValue{"email", "erika@"}, f.clock.now());
            f.nav.apply(kiosk::core::SetFieldValue{"phone", "null-drei"}, f.clock.now());
            f.tap("flow/apply/next");
            shot("flow1_problems");
            f.tap(kStep + "contact/field/email/example");
            f.nav.apply(kiosk::core::SetFieldValue{"phone", ""}, f.clock.now());
            f.tap("flow/apply/next");
            f.tap("flow/apply/next");
            shot("flow2_problems");
            f.fillDetailsStep();
            f.tap("flow/apply/back");
            shot("flow2_filled");
            f.tap("flow/apply/next");
            f.tap(kStep + "confirm/field/correct");
            shot("flow3");
            f.tap("flow/apply/next");
            shot("flow4_summary");
            f.tap("flow/apply/submit");
            shot("flow5_result");
        }
    }
}
