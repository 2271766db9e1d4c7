// The flow test pack (tests/fixtures/flow-content) in a headless kiosk past its attract loop:
// taps by item id that scroll a field into view first, as a finger would. Shared by the flow and
// the on-screen keyboard tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace kiosk::test {

// A fixed day, so the date field and the golden image do not change with the calendar.
inline constexpr core::CalendarDate kToday{2025, 3, 14};
inline const std::string kStep = "flow/apply/step/";

struct FlowFixture {
    kiosk::core::PackLibrary library;
    kiosk::core::ManualClock clock;
    kiosk::core::Navigator nav;
    kiosk::platform::HeadlessRenderer renderer;
    int height;

    explicit FlowFixture(int width = 1280, int height_ = 720)
        : library(kiosk::core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_TEST_DATA "/flow-content"})),
          nav(library, {"de", "en", "de-x-ls", "uk"}, "de", std::chrono::seconds(60), clock.now()),
          renderer(width, height_, kiosk::platform::systemFontFiles()),
          height(height_) {
        // The flow pack is kept in a folder of its own, so the other UI tests' home screen stays as
        // their golden images show it; it must load without a single problem.
        for (const auto& problem : library.problems) CHECK_MESSAGE(false, problem.describe());
        REQUIRE(library.findPack("flow-pack") != nullptr);
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        renderer.setToday(kToday);
        nav.apply(kiosk::core::StartVisit{}, clock.now());  // past the attract loop (its own tests: test_visit)
        settle();
    }

    void settle() { renderer.settle(nav, clock.now()); }

    std::optional<kiosk::ui::ItemRect> find(const std::string& itemId) const { return renderer.items().find(itemId); }
    bool shows(const std::string& itemId) const { return find(itemId).has_value(); }

    // Fields and summary rows may lie outside the scrolling column's view: a finger scrolls it
    // first, from the left margin where nothing reacts to a tap.
    void reveal(const std::string& itemId) {
        const bool scrolls = itemId.find("/step/") != std::string::npos || itemId.find("/summary/") != std::string::npos;
        if (!scrolls) return;  // the top bar, the notice and the bottom bar never scroll
        for (int attempt = 0; attempt < 12; ++attempt) {
            const auto item = find(itemId);
            const auto banner = find("flow/demo-notice");
            const auto bar = find("flow/apply/back") ? find("flow/apply/back") : find("flow/apply/done");
            if (!item || !banner || !bar) return;
            const float top = banner->max.y;
            const float bottom = bar->min.y - 20.0f;
            // Wholly between the notice and the bottom bar: the bar's panel is taller than its
            // buttons, so an element whose centre is just above a button can still be under it.
            if (item->min.y > top && item->max.y < bottom) return;
            const float y = item->center().y;
            const float middle = (top + bottom) * 0.5f;
            const float distance = std::clamp(y - middle, -(bottom - top) * 0.4f, (bottom - top) * 0.4f);
            renderer.drag(nav, ImVec2(4, middle), ImVec2(4, middle - distance), 6, clock.now());
            settle();
        }
    }

    void tap(const std::string& itemId) {
        reveal(itemId);
        const auto item = find(itemId);
        REQUIRE_MESSAGE(item.has_value(), "no element '" << itemId << "' on screen");
        renderer.tap(nav, item->center(), clock.now());
        settle();
    }

    // Keys typed on a hardware keyboard into whichever field has the focus.
    void type(const char* text) {
        ImGui::GetIO().AddInputCharactersUTF8(text);
        settle();
    }

    void startFlow() {
        if (shows("attract/start")) tap("attract/start");  // after a reset: a new visitor's first touch
        tap("home/pack/flow-pack");
        tap("page/start/button/try-it");
        REQUIRE(nav.flowSession() != nullptr);
    }

    std::string value(const std::string& fieldId) const {
        const auto* session = nav.flowSession();
        return session ? std::string(session->value(fieldId)) : std::string("<no flow>");
    }
    std::size_t step() const { return nav.flowSession() ? nav.flowSession()->step : 99; }

    void fillContactStep() {
        tap(kStep + "contact/field/name/example");
        tap(kStep + "contact/field/email/example");
        tap("flow/apply/next");
        REQUIRE(step() == 1);
    }
    void fillDetailsStep() {
        tap(kStep + "details/field/postcode/example");
        tap(kStep + "details/field/start/today");
        tap(kStep + "details/field/who/option/family");
        tap("flow/apply/next");
        REQUIRE(step() == 2);
    }
};

}  // namespace kiosk::test
