// A headless kiosk on the test content: real ImGui frames drawn by SDL's software renderer.
#pragma once

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

    UiFixture(int width = 1280, int height = 720)
        : library(core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_TEST_DATA "/content"})),
          nav(library, {"de", "en"}, "de", std::chrono::seconds(60), clock.now()),
          renderer(width, height, platform::systemFontFiles()) {
        REQUIRE(library.problems.empty());
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        REQUIRE_MESSAGE(renderer.fontWarning().empty(), renderer.fontWarning());
        settle();
    }

    void settle() {
        for (int i = 0; i < 3; ++i) renderer.frame(nav, clock.now());
    }

    // Taps the element drawn under `itemId` in the last frame, as a finger would.
    void tap(const std::string& itemId) {
        const auto item = renderer.items().find(itemId);
        REQUIRE_MESSAGE(item.has_value(), "no element '" << itemId << "' on screen");
        renderer.tap(nav, item->center(), clock.now());
        settle();
    }
};

}  // namespace kiosk::test
