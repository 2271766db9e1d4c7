// Low mode (issue 5, reach): every element a finger presses lies below the line the mounting
// height gives, on every sample screen: home, every page, a flow with the on-screen keyboard up,
// and the idle prompt.
#include <chrono>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/access/reach.hpp"
#include "core/config/kiosk_config.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk;

struct LowModeWalk {
    core::ManualClock clock;
    core::PackLibrary library;
    core::Navigator nav;
    platform::HeadlessRenderer renderer;
    float line;
    int targets = 0;
    std::vector<std::string> problems;

    LowModeWalk(int width, int height, float line_)
        : library(core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_SOURCE_DIR "/content"})),
          nav(library, {"de", "en", "de-x-ls", "uk"}, "de", std::chrono::seconds(90), clock.now()),
          renderer(width, height, platform::systemFontFiles()),
          line(line_) {
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        renderer.setLowModeTop(line);
        nav.apply(core::StartVisit{}, clock.now());
        core::AccessibilitySettings settings;
        settings.lowMode = true;
        nav.apply(core::SetAccessibility{settings}, clock.now());
    }

    void look(const std::string& where) {
        renderer.settle(nav, clock.now());
        for (const ui::ItemRect& item : renderer.items().items()) {
            // What is scrolled out of view cannot be pressed; scrolled in, it is inside the
            // lowered area like everything else. Bars and the keyboard never scroll: whole.
            if (!item.touchTarget || !item.visible) continue;
            ++targets;
            const bool scrolls = item.id.rfind("page/", 0) == 0 || item.id.find("/step/") != std::string::npos ||
                                 item.id.rfind("home/pack/", 0) == 0;
            const float top = scrolls ? item.center().y : item.min.y;
            const float bottom = scrolls ? item.center().y : item.max.y;
            // Half a pixel of rounding.
            if (top >= line - 0.5f && bottom <= static_cast<float>(renderer.height()) + 0.5f) continue;
            problems.push_back(where + ": " + item.id + " spans y " + std::to_string(item.min.y) + " to " + std::to_string(item.max.y));
        }
        for (const ui::RenderProblem& problem : renderer.ui()->audit().problems()) problems.push_back(where + ": " + problem.describe());
    }

    void everyScreen() {
        look("home");
        for (const core::Pack& pack : library.packs) {
            for (const core::Page& page : pack.pages) {
                nav.apply(core::GoHome{}, clock.now());
                nav.apply(core::OpenPack{pack.id}, clock.now());
                nav.apply(core::OpenPage{page.id}, clock.now());
                look(pack.id + "/" + page.id);
            }
        }
        // A flow's text field with the keyboard up: the keyboard is pressed more than anything.
        nav.apply(core::GoHome{}, clock.now());
        nav.apply(core::OpenPack{"online-id"}, clock.now());
        nav.apply(core::StartFlow{"login"}, clock.now());
        nav.apply(core::SetFieldValue{"device", "phone"}, clock.now());
        nav.apply(core::NextStep{}, clock.now());
        nav.apply(core::SetFieldValue{"agree", "yes"}, clock.now());
        nav.apply(core::NextStep{}, clock.now());
        look("online-id login pin");
        // Scrolled into view as a finger would, from the left margin where nothing reacts.
        const std::string fieldId = "flow/login/step/pin/field/demo-pin";
        const float middle = (line + static_cast<float>(renderer.height())) * 0.5f;
        for (int i = 0; i < 10 && renderer.items().find(fieldId) && !renderer.items().find(fieldId)->visible; ++i) {
            renderer.drag(nav, ImVec2(4, middle + 60), ImVec2(4, middle - 60), 6, clock.now());
            renderer.settle(nav, clock.now());
        }
        const auto field = renderer.items().find(fieldId);
        REQUIRE(field.has_value());
        REQUIRE(field->visible);
        renderer.tap(nav, field->center(), clock.now());
        REQUIRE(renderer.items().find("keyboard").has_value());
        look("online-id login pin with the keyboard");
        // The idle prompt, over the lowered screen.
        for (int i = 0; i < 600 && nav.visit().phase() == core::VisitorPhase::Visiting; ++i) {
            clock.advance(std::chrono::seconds(1));
            nav.tick(clock.now());
        }
        REQUIRE(nav.visit().phase() == core::VisitorPhase::IdlePrompt);
        look("idle prompt");
    }
};

}  // namespace

TEST_CASE("reach: low mode's line from the panel's size and mounting height, aiming at 1220 mm") {
    // A 24" 1080p panel is 299 mm tall; its lower edge at 1000 mm leaves 220 mm within reach.
    const core::LowModeArea mounted = core::lowModeArea(1920, 1080, 24, 1000);
    CHECK(mounted.withinReach);
    CHECK(mounted.top == doctest::Approx(1080.0f * (1.0f - 220.0f / 298.9f)).epsilon(0.01));
    // Low enough to reach all of it: nothing moves.
    CHECK(core::lowModeArea(1920, 1080, 24, 800).top == 0.0f);
    // Too high: the lower 40 %, and a warning for the operator.
    const core::LowModeArea tooHigh = core::lowModeArea(1920, 1080, 24, 1150);
    CHECK_FALSE(tooHigh.withinReach);
    CHECK(tooHigh.top == doctest::Approx(648.0f));
    // Unknown mounting: the lower half.
    CHECK(core::lowModeArea(1920, 1080, 0, 900).top == doctest::Approx(540.0f));
    CHECK(core::lowModeArea(1080, 1920, 32, 0).top == doctest::Approx(960.0f));
}

TEST_CASE("low mode: on every sample screen at 1920x1080, every touch target lies below the reach line") {
    LowModeWalk walk(1920, 1080, 540.0f);
    walk.everyScreen();
    CHECK(walk.targets > 200);
    std::string all;
    for (const std::string& problem : walk.problems) all += "\n  " + problem;
    CHECK_MESSAGE(walk.problems.empty(), walk.problems.size() << " problems:" << all);
}

TEST_CASE("low mode: in portrait 1080x1920 with a panel hung high, everything lies in the lower 40 %") {
    const core::LowModeArea area = core::lowModeArea(1080, 1920, 32, 1150);
    LowModeWalk walk(1080, 1920, area.top);
    walk.everyScreen();
    CHECK(walk.targets > 200);
    std::string all;
    for (const std::string& problem : walk.problems) all += "\n  " + problem;
    CHECK_MESSAGE(walk.problems.empty(), walk.problems.size() << " problems:" << all);
}
