// Navigation and idle reset, driven by a manual clock.
#include <doctest/doctest.h>

#include "core/nav/navigator.hpp"
#include "diagnostics_text.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    core::PackLibrary library;
    core::ManualClock clock;
    core::Navigator nav;

    Fixture()
        : library(loadLibrary()), nav(library, {"de", "en"}, "de", 60s, clock.now()) {}

    static core::PackLibrary loadLibrary() {
        const std::vector<std::filesystem::path> folders{KIOSK_TEST_DATA "/content"};
        auto library = core::loadPackLibrary(folders);
        REQUIRE(test::hasNoErrors(library.problems));
        return library;
    }
};

}  // namespace

TEST_CASE("opening a pack shows its start page, pages, back and home move as expected") {
    Fixture f;
    CHECK(f.nav.location().isHome());
    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    CHECK(f.nav.location() == core::Location{"test-pack", "start"});
    REQUIRE(f.nav.currentPage());
    CHECK(f.nav.currentPage()->id == "start");

    f.nav.apply(core::OpenPage{"second"}, f.clock.now());
    CHECK(f.nav.location().pageId == "second");
    CHECK(f.nav.historyDepth() == 2);

    f.nav.apply(core::GoBack{}, f.clock.now());
    CHECK(f.nav.location().pageId == "start");
    f.nav.apply(core::GoBack{}, f.clock.now());
    CHECK(f.nav.location().isHome());
    f.nav.apply(core::GoBack{}, f.clock.now());  // back at home stays home
    CHECK(f.nav.location().isHome());

    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    f.nav.apply(core::OpenPage{"second"}, f.clock.now());
    f.nav.apply(core::GoHome{}, f.clock.now());
    CHECK(f.nav.location().isHome());
    CHECK(f.nav.historyDepth() == 0);
}

TEST_CASE("intents naming things that do not exist change nothing") {
    Fixture f;
    f.nav.apply(core::OpenPack{"no-such-pack"}, f.clock.now());
    CHECK(f.nav.location().isHome());
    f.nav.apply(core::OpenPage{"start"}, f.clock.now());  // no pack open
    CHECK(f.nav.location().isHome());
    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    f.nav.apply(core::OpenPage{"no-such-page"}, f.clock.now());
    CHECK(f.nav.location().pageId == "start");
    f.nav.apply(core::SetLanguage{"fr"}, f.clock.now());
    CHECK(f.nav.language() == "de");
}

TEST_CASE("the kiosk starts in the attract loop, the first intent begins a visit") {
    Fixture f;
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Attract);
    f.nav.noteActivity(f.clock.now());  // a touch alone wakes nothing: the attract screen asks
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Attract);
    f.nav.apply(core::StartVisit{}, f.clock.now());
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Visiting);
    CHECK(f.nav.location().isHome());
}

TEST_CASE("after the idle time the visitor is asked, then forgotten: home, default language, no history") {
    Fixture f;  // a 60 s page time: the prompt gets its last 20 s
    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    f.nav.apply(core::SetLanguage{"en"}, f.clock.now());
    REQUIRE(f.nav.nextDeadline() == f.clock.now() + 40s);

    f.clock.advance(39s);
    CHECK_FALSE(f.nav.tick(f.clock.now()));
    f.nav.noteActivity(f.clock.now());  // a touch restarts the wait
    f.clock.advance(39s);
    CHECK_FALSE(f.nav.tick(f.clock.now()));

    f.clock.advance(1s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().phase() == core::VisitorPhase::IdlePrompt);
    CHECK(f.nav.visit().secondsLeft() == 20);
    CHECK(f.nav.location().packId == "test-pack");  // nothing is gone yet
    CHECK(f.nav.nextDeadline() == f.clock.now() + 1s);  // the countdown's next second
    f.clock.advance(1s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().secondsLeft() == 19);
    f.clock.advance(500ms);
    CHECK_FALSE(f.nav.tick(f.clock.now()));  // the same second: nothing to redraw

    f.clock.advance(18500ms);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().phase() == core::VisitorPhase::ResetNotice);
    CHECK(f.nav.location().isHome());
    CHECK(f.nav.language() == "de");
    CHECK(f.nav.historyDepth() == 0);

    // The notice shows for a few seconds, then the attract loop turns its pictures.
    f.clock.advance(4s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Attract);
    CHECK(f.nav.nextDeadline() == f.clock.now() + 8s);
    f.clock.advance(8s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().slide() == 1);
}

TEST_CASE("a touch on the idle prompt keeps the visit and everything in it") {
    Fixture f;
    f.nav.apply(core::OpenPack{"test-pack"}, f.clock.now());
    f.clock.advance(45s);
    REQUIRE(f.nav.tick(f.clock.now()));
    REQUIRE(f.nav.visit().phase() == core::VisitorPhase::IdlePrompt);
    f.nav.noteActivity(f.clock.now());  // a touch is not an answer: only the prompt's StillHere is
    CHECK(f.nav.visit().phase() == core::VisitorPhase::IdlePrompt);
    f.nav.apply(core::StillHere{}, f.clock.now());
    CHECK(f.nav.visit().phase() == core::VisitorPhase::Visiting);
    CHECK(f.nav.location().packId == "test-pack");
    f.clock.advance(45s);  // a full wait again, not what was left of the old one
    f.nav.tick(f.clock.now());
    CHECK(f.nav.location().packId == "test-pack");
}

TEST_CASE("a visitor who only changed the language is reset too") {
    Fixture f;
    f.nav.apply(core::SetLanguage{"en"}, f.clock.now());
    f.clock.advance(61s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.language() == "de");
}
