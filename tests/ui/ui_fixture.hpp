// A headless kiosk on the test content: real ImGui frames drawn by SDL's software renderer.
#pragma once

#include <algorithm>

#include <doctest/doctest.h>

#include "core/nav/navigator.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace kiosk::test {

struct UiFixture {
    core::PackLibrary library;
    core::ManualClock clock;
    core::Navigator nav;
    platform::HeadlessRenderer renderer;

    // `content`: the folder of packs (the test content unless a test writes its own).
    explicit UiFixture(int width = 1280, int height = 720, const std::filesystem::path& content = KIOSK_TEST_DATA "/content")
        : library(core::loadPackLibrary(std::vector<std::filesystem::path>{content})),
          nav(library, {"de", "en"}, "de", std::chrono::seconds(60), clock.now()),
          renderer(width, height, platform::systemFontFiles()) {
        // Warnings are expected (the test pack leaves a translation out on purpose); errors are not.
        for (const core::Error& problem : library.problems) {
            REQUIRE_MESSAGE(problem.isWarning(), problem.describe());
        }
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        REQUIRE_MESSAGE(renderer.fontWarning().empty(), renderer.fontWarning());
        settle();
        startVisit();
    }

    // The kiosk starts in the attract loop: a first touch anywhere begins a visit on the home screen.
    void startVisit() {
        const auto attract = renderer.items().find("attract/start");
        REQUIRE_MESSAGE(attract.has_value(), "the kiosk did not start in the attract loop");
        renderer.tap(nav, attract->center(), clock.now());
        settle();
        REQUIRE(nav.visit().phase() == core::VisitorPhase::Visiting);
    }

    void settle() { renderer.settle(nav, clock.now()); }

    // A page element below the fold: a finger drags the page (at its left margin, where nothing
    // reacts to a tap) until the element is in the middle part of the screen.
    void reveal(const std::string& itemId) {
        if (itemId.rfind("page/", 0) != 0) return;  // the top bar and home tiles do not scroll here
        const float top = static_cast<float>(renderer.height()) * 0.2f;
        const float bottom = static_cast<float>(renderer.height()) * 0.85f;
        for (int attempt = 0; attempt < 12; ++attempt) {
            const auto item = renderer.items().find(itemId);
            if (!item) return;
            const float y = item->center().y;
            if (y > top && y < bottom) return;
            const float middle = (top + bottom) * 0.5f;
            const float distance = std::clamp(y - middle, -(bottom - top) * 0.4f, (bottom - top) * 0.4f);
            renderer.drag(nav, ImVec2(4, middle), ImVec2(4, middle - distance), 6, clock.now());
            settle();
        }
    }

    // Taps the element drawn under `itemId` in the last frame, as a finger would, after scrolling
    // it into view as a visitor would.
    void tap(const std::string& itemId) {
        reveal(itemId);
        const auto item = renderer.items().find(itemId);
        REQUIRE_MESSAGE(item.has_value(), "no element '" << itemId << "' on screen");
        renderer.tap(nav, item->center(), clock.now());
        settle();
    }
};

}  // namespace kiosk::test
