// Flows and quizzes in the navigator: steps only advance when valid, values are forgotten when the
// visitor leaves, and a reloaded library never strands the visitor on a page that is gone.
#include <doctest/doctest.h>

#include "core/nav/navigator.hpp"
#include "core/pack/pack_loader.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

void writeFlowPack(const test::TempDir& dir) {
    dir.write("demo/pack.toml", R"(id = "demo"
version = "1.0.0"
category = "egov"
languages = ["de"]
start_page = "start"
tile_icon = "images/tile.svg"
title.de = "Demo"
description.de = "Ein Paket mit Formular"
)");
    dir.write("demo/images/tile.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>)");
    dir.write("demo/pages/start.toml", R"(title.de = "Start"
[[blocks]]
type = "button"
id = "try"
flow = "apply"
label.de = "Ausprobieren"
[[blocks]]
type = "quiz"
id = "q"
question.de = "Frage?"
[[blocks.answers]]
id = "yes"
correct = true
text.de = "Ja"
feedback.de = "Richtig"
[[blocks.answers]]
id = "no"
text.de = "Nein"
feedback.de = "Falsch"
[[blocks]]
type = "button"
id = "more"
to = "done"
label.de = "Weiter"
)");
    dir.write("demo/pages/done.toml", "title.de = \"Fertig\"\n[[blocks]]\ntype = \"heading\"\ntext.de = \"Danke\"\n");
    dir.write("demo/flows/apply.toml", R"(title.de = "Demo: Antrag"
[[steps]]
id = "one"
title.de = "Eins"
[[steps.fields]]
id = "postcode"
type = "text"
format = "postcode"
required = true
label.de = "PLZ"
example.de = "01900"
[[steps]]
id = "two"
title.de = "Zwei"
[[steps.fields]]
id = "ok"
type = "check"
required = true
label.de = "Stimmt"
[result]
title.de = "Fertig"
case_number = "AB-####"
text.de = "Nummer {case_number}"
next_page = "done"
)");
}

struct Fixture {
    test::TempDir dir;
    core::PackLibrary library;
    core::ManualClock clock;
    std::optional<core::Navigator> nav;

    Fixture() {
        writeFlowPack(dir);
        auto report = core::loadPack(dir.path() / "demo");
        REQUIRE_MESSAGE(report.pack, test::allMessages(report.problems));
        library.packs.push_back(std::move(*report.pack));
        nav.emplace(library, std::vector<std::string>{"de"}, "de", 60s, clock.now(), 42u);
        apply(core::OpenPack{"demo"});
    }
    void apply(const core::Intent& intent) { nav->apply(intent, clock.now()); }
};

}  // namespace

TEST_CASE("a flow advances only when the step's fields are valid, then shows summary and result") {
    Fixture f;
    f.apply(core::StartFlow{"apply"});
    REQUIRE(f.nav->flowSession());
    CHECK(f.nav->flowSession()->step == 0);

    f.apply(core::NextStep{});  // empty required postcode
    CHECK(f.nav->flowSession()->step == 0);
    CHECK(f.nav->flowSession()->showProblems);

    f.apply(core::SetFieldValue{"postcode", "1900"});
    f.apply(core::NextStep{});  // malformed
    CHECK(f.nav->flowSession()->step == 0);

    f.apply(core::SetFieldValue{"ok", "yes"});  // not on this step: ignored
    CHECK(f.nav->flowSession()->value("ok").empty());

    f.apply(core::SetFieldValue{"postcode", "01900"});
    f.apply(core::NextStep{});
    CHECK(f.nav->flowSession()->step == 1);
    CHECK_FALSE(f.nav->flowSession()->showProblems);

    f.apply(core::SetFieldValue{"ok", "yes"});
    f.apply(core::NextStep{});
    CHECK(f.nav->flowSession()->step == 2);  // the summary
    CHECK(f.nav->flowSession()->caseNumber.empty());
    f.apply(core::NextStep{});
    CHECK(f.nav->flowSession()->step == 3);  // the result
    const std::string caseNumber = f.nav->flowSession()->caseNumber;
    REQUIRE(caseNumber.size() == 7);
    CHECK(caseNumber.starts_with("AB-"));
    CHECK(caseNumber.find_first_not_of("0123456789", 3) == std::string::npos);

    f.apply(core::FinishFlow{});
    CHECK_FALSE(f.nav->flowSession());
    CHECK(f.nav->location().pageId == "done");  // the flow's next_page
    f.apply(core::GoBack{});
    CHECK(f.nav->location().pageId == "start");
}

TEST_CASE("back steps through the flow and leaves it from the first step, values are then forgotten") {
    Fixture f;
    f.apply(core::StartFlow{"apply"});
    f.apply(core::SetFieldValue{"postcode", "01900"});
    f.apply(core::NextStep{});
    f.apply(core::GoBack{});
    REQUIRE(f.nav->flowSession());
    CHECK(f.nav->flowSession()->step == 0);
    CHECK(f.nav->flowSession()->value("postcode") == "01900");  // kept while inside the flow
    f.apply(core::GoBack{});
    CHECK_FALSE(f.nav->flowSession());
    CHECK(f.nav->location().pageId == "start");
    f.apply(core::StartFlow{"apply"});
    CHECK(f.nav->flowSession()->value("postcode").empty());
}

TEST_CASE("home and the idle reset forget the flow and the quiz answers") {
    Fixture f;
    f.apply(core::AnswerQuiz{"q", "no"});
    CHECK(f.nav->quizAnswer("q") == "no");
    f.apply(core::AnswerQuiz{"q", "maybe"});  // not an answer of this quiz
    CHECK(f.nav->quizAnswer("q") == "no");
    f.apply(core::StartFlow{"apply"});
    f.apply(core::SetFieldValue{"postcode", "01900"});

    f.clock.advance(61s);  // a page's idle time, but within a flow the visitor has twice that
    f.nav->tick(f.clock.now());
    CHECK(f.nav->flowSession());
    f.clock.advance(60s);
    CHECK(f.nav->tick(f.clock.now()));
    CHECK(f.nav->visit().phase() == core::VisitorPhase::ResetNotice);
    CHECK_FALSE(f.nav->flowSession());
    CHECK(f.nav->quizAnswer("q").empty());

    f.apply(core::OpenPack{"demo"});
    f.apply(core::AnswerQuiz{"q", "yes"});
    f.apply(core::OpenPage{"done"});
    CHECK(f.nav->quizAnswer("q").empty());  // answers belong to the page they were given on
}

TEST_CASE("flow intents outside a flow and unknown flows change nothing") {
    Fixture f;
    f.apply(core::NextStep{});
    f.apply(core::SetFieldValue{"postcode", "01900"});
    f.apply(core::FinishFlow{});
    f.apply(core::StartFlow{"no-such-flow"});
    CHECK_FALSE(f.nav->flowSession());
    CHECK(f.nav->location().pageId == "start");
}

TEST_CASE("the same seed makes the same case number, a different one, another") {
    auto caseNumberWith = [](std::uint32_t seed) {
        Fixture f;
        f.nav.emplace(f.library, std::vector<std::string>{"de"}, "de", 60s, f.clock.now(), seed);
        f.apply(core::OpenPack{"demo"});
        f.apply(core::StartFlow{"apply"});
        f.apply(core::SetFieldValue{"postcode", "01900"});
        f.apply(core::NextStep{});
        f.apply(core::SetFieldValue{"ok", "yes"});
        f.apply(core::NextStep{});
        f.apply(core::NextStep{});
        return f.nav->flowSession()->caseNumber;
    };
    CHECK(caseNumberWith(7) == caseNumberWith(7));
    CHECK(caseNumberWith(7) != caseNumberWith(8));
}

TEST_CASE("after a reload the visitor stays on the page if it still exists, else goes to the start page") {
    Fixture f;
    f.apply(core::OpenPage{"done"});
    f.nav->libraryChanged();
    CHECK(f.nav->location().pageId == "done");

    f.library.packs[0].pages.erase(f.library.packs[0].pages.begin());  // "done" (pages are sorted by id)
    REQUIRE_FALSE(f.library.packs[0].findPage("done"));
    f.nav->libraryChanged();
    CHECK(f.nav->location().pageId == "start");

    f.library.packs.clear();
    f.nav->libraryChanged();
    CHECK(f.nav->location().isHome());
}
