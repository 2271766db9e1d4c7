// A visit through the real UI: the attract loop, the first touch, the idle prompt, the reset and
// its notice, at a landscape and a portrait size, with golden images of each screen.
#include <algorithm>
#include <optional>
#include <string>

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImGui's own copy of edited text: it must hold no trace after a reset

#include "golden_check.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace std::chrono_literals;
using kiosk::core::VisitorPhase;

constexpr kiosk::core::CalendarDate kToday{2025, 3, 14};

// The flow test pack: pages, a quiz-free flow with text fields, and every language.
struct VisitFixture {
    kiosk::core::PackLibrary library;
    kiosk::core::ManualClock clock;
    kiosk::core::Navigator nav;
    kiosk::platform::HeadlessRenderer renderer;

    explicit VisitFixture(int width = 1280, int height = 720)
        : library(kiosk::core::loadPackLibrary(std::vector<std::filesystem::path>{KIOSK_TEST_DATA "/flow-content",
                                                                                  KIOSK_TEST_DATA "/content"})),
          nav(library, {"de", "en", "de-x-ls", "uk"}, "de", 60s, clock.now()),
          renderer(width, height, kiosk::platform::systemFontFiles()) {
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        renderer.setToday(kToday);
        settle();
    }

    void settle() { renderer.settle(nav, clock.now()); }
    bool shows(const std::string& itemId) const { return renderer.items().find(itemId).has_value(); }
    void tap(const std::string& itemId) {
        const auto item = renderer.items().find(itemId);
        REQUIRE_MESSAGE(item.has_value(), "no element '" << itemId << "' on screen");
        renderer.tap(nav, item->center(), clock.now());
        settle();
    }
    // Time passes with nobody touching; the loop ticks and redraws as the window loop would.
    void wait(kiosk::core::Duration duration) {
        clock.advance(duration);
        nav.tick(clock.now());
        settle();
    }
    VisitorPhase phase() const { return nav.visit().phase(); }
};

bool imguiHoldsText(const char* text) {
    const ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
    const std::string needle(text);
    auto contains = [&](const char* data, std::size_t bytes) {
        return data && bytes >= needle.size() && std::search(data, data + bytes, needle.begin(), needle.end()) != data + bytes;
    };
    // TextW holds 16-bit characters: compare its ASCII letters as bytes of every other position.
    std::string wide;
    for (int i = 0; i < state.TextW.Size; ++i) wide += static_cast<char>(state.TextW[i] & 0xFF);
    return contains(state.TextA.Data, static_cast<std::size_t>(state.TextA.Size)) ||
           contains(state.InitialTextA.Data, static_cast<std::size_t>(state.InitialTextA.Size)) ||
           contains(wide.data(), wide.size());
}

// Whether stb_textedit's undo buffer (inside ImGui's text state) still holds any character.
bool undoHoldsSomething() {
    const auto& undo = ImGui::GetCurrentContext()->InputTextState.Stb.undostate;
    return std::any_of(std::begin(undo.undo_char), std::end(undo.undo_char), [](ImWchar c) { return c != 0; });
}

}  // namespace

TEST_CASE("the kiosk starts in the attract loop and the first touch opens home without pressing anything") {
    // Where the first home tile is drawn (one headless kiosk at a time: ImGui has one context).
    std::optional<kiosk::ui::ItemRect> tile;
    {
        VisitFixture probe;
        probe.nav.apply(kiosk::core::StartVisit{}, probe.clock.now());
        probe.settle();
        tile = probe.renderer.items().find("home/pack/flow-pack");
    }
    REQUIRE(tile.has_value());

    VisitFixture f;
    CHECK(f.phase() == VisitorPhase::Attract);
    CHECK(f.shows("attract/start"));
    CHECK_FALSE(f.shows("home/pack/flow-pack"));
    // The finger lands on the attract loop exactly where that tile will be.
    f.renderer.tap(f.nav, tile->center(), f.clock.now());
    f.settle();
    CHECK(f.phase() == VisitorPhase::Visiting);
    CHECK(f.nav.location().isHome());  // the tile under the finger was not opened
    CHECK(f.shows("home/pack/flow-pack"));
    f.tap("home/pack/flow-pack");  // the next touch is an ordinary tap
    CHECK(f.nav.location().packId == "flow-pack");
}

TEST_CASE("the attract loop shows the next pack after its picture time, and only then redraws") {
    VisitFixture f;
    CHECK(f.nav.visit().slide() == 0);
    CHECK(f.nav.nextDeadline() == f.clock.now() + 8s);
    f.clock.advance(7s);
    CHECK_FALSE(f.nav.tick(f.clock.now()));
    f.clock.advance(1s);
    CHECK(f.nav.tick(f.clock.now()));
    CHECK(f.nav.visit().slide() == 1);
}

TEST_CASE("the idle prompt counts down over the page, a touch on it keeps the visit and presses nothing below") {
    VisitFixture f;
    f.tap("attract/start");
    f.tap("home/pack/flow-pack");
    f.wait(41s);
    REQUIRE(f.phase() == VisitorPhase::IdlePrompt);
    CHECK(f.shows("idle/continue"));
    CHECK(f.nav.visit().secondsLeft() == 19);

    // The page's own button lies under the prompt: a finger there reaches the prompt, not it.
    const auto below = f.renderer.items().find("page/start/button/try-it");
    REQUIRE(below.has_value());
    f.renderer.tap(f.nav, below->center(), f.clock.now());
    f.settle();
    CHECK(f.phase() == VisitorPhase::Visiting);
    CHECK(f.nav.flowSession() == nullptr);
    CHECK(f.nav.location().packId == "flow-pack");

    f.wait(41s);
    REQUIRE(f.phase() == VisitorPhase::IdlePrompt);
    f.tap("idle/continue");
    CHECK(f.phase() == VisitorPhase::Visiting);
    CHECK(f.nav.location().packId == "flow-pack");
}

TEST_CASE("the reset erases every input, shows that it did, and returns to the attract loop") {
    VisitFixture f;
    f.tap("attract/start");
    f.tap("home/pack/flow-pack");
    f.tap("page/start/button/try-it");
    REQUIRE(f.nav.flowSession() != nullptr);
    f.tap("flow/apply/step/contact/field/name");
    ImGui::GetIO().AddInputCharactersUTF8("Geheimname");
    f.settle();
    REQUIRE(f.nav.flowSession()->value("name") == "Geheimname");
    REQUIRE(imguiHoldsText("Geheimname"));  // the check below can see text where it is
    // A backspace: stb_textedit keeps the deleted character for undo.
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[io.KeyMap[ImGuiKey_Backspace]] = true;
    f.renderer.frame(f.nav, f.clock.now());
    io.KeysDown[io.KeyMap[ImGuiKey_Backspace]] = false;
    f.settle();
    REQUIRE(f.nav.flowSession()->value("name") == "Geheimnam");
    REQUIRE(undoHoldsSomething());
    // Ctrl+C in a field copies to the clipboard; the kiosk has none a next visitor could paste from.
    ImGui::SetClipboardText("Geheimname");
    CHECK(std::string(ImGui::GetClipboardText() ? ImGui::GetClipboardText() : "").empty());

    f.wait(101s);  // within a flow: 120 s, the prompt's 20 s included
    REQUIRE(f.phase() == VisitorPhase::IdlePrompt);
    f.wait(20s);
    CHECK(f.phase() == VisitorPhase::ResetNotice);
    CHECK(f.nav.flowSession() == nullptr);
    CHECK(f.nav.location().isHome());
    CHECK(f.nav.historyDepth() == 0);
    CHECK_FALSE(imguiHoldsText("Geheimnam"));
    CHECK_FALSE(undoHoldsSomething());
    CHECK(ImGui::GetCurrentContext()->ActiveId == 0);
    CHECK(f.shows("attract/start"));

    f.wait(4s);
    CHECK(f.phase() == VisitorPhase::Attract);
    f.tap("attract/start");
    f.tap("home/pack/flow-pack");
    f.tap("page/start/button/try-it");
    CHECK(f.nav.flowSession()->value("name").empty());
}

TEST_CASE("'end visit' on the home screen forgets the visitor at once, as the reset does") {
    VisitFixture f;
    f.tap("attract/start");
    f.tap("bar/lang/en");
    f.tap("home/pack/flow-pack");
    f.tap("page/start/button/try-it");
    f.tap("flow/apply/step/contact/field/name");
    ImGui::GetIO().AddInputCharactersUTF8("Geheimname");
    f.settle();
    REQUIRE(imguiHoldsText("Geheimname"));
    f.tap("bar/home");
    REQUIRE(f.nav.location().isHome());
    CHECK_FALSE(f.shows("bar/home"));  // the home screen offers the way out instead of home and back

    f.tap("bar/end-visit");
    CHECK(f.phase() == VisitorPhase::ResetNotice);
    CHECK(f.nav.language() == "de");
    CHECK(f.nav.historyDepth() == 0);
    CHECK_FALSE(imguiHoldsText("Geheimnam"));
    CHECK_FALSE(undoHoldsSomething());
    f.wait(4s);
    CHECK(f.phase() == VisitorPhase::Attract);
}

TEST_CASE("golden: the attract loop, the idle prompt and the reset notice, landscape and portrait") {
    for (const auto& [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        VisitFixture f(width, height);
        kiosk::test::checkGolden(f.renderer, "attract_" + size);
        f.tap("attract/start");
        f.tap("home/pack/flow-pack");
        f.wait(45s);
        REQUIRE(f.phase() == VisitorPhase::IdlePrompt);
        kiosk::test::checkGolden(f.renderer, "idle_prompt_" + size);
        f.wait(15s);
        REQUIRE(f.phase() == VisitorPhase::ResetNotice);
        kiosk::test::checkGolden(f.renderer, "reset_notice_" + size);
    }
}
