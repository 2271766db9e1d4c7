// The accessibility menu (issue 5) through the real UI: the round button in every top bar, each of
// the menu's controls changing the visit's settings (and the theme, the voice with them), the
// menu closing as it should, and its layout at every size, text size and language.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>

#include "core/access/accessibility_settings.hpp"
#include "core/config/kiosk_config.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "recording_speech.hpp"

namespace {

using namespace kiosk;

const core::KioskConfig& shippedConfig() {
    static const core::KioskConfig config = [] {
        auto loaded = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
        REQUIRE(loaded.ok());
        return loaded.value();
    }();
    return config;
}

bool startsWith(const std::string& text, const std::string& start) { return text.rfind(start, 0) == 0; }

bool overlap(const ui::ItemRect& a, const ui::ItemRect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// The sample content in the shipped languages (Leichte Sprache among them), past the attract
// loop, with a recording voice.
struct MenuVisit {
    core::ManualClock clock;
    core::PackLibrary library;
    core::Navigator nav;
    platform::HeadlessRenderer renderer;
    test::RecordingSpeech speech;

    explicit MenuVisit(int width = 1280, int height = 720)
        : library(core::loadPackLibrary(shippedConfig().contentFolders)),
          nav(library, shippedConfig().languages, shippedConfig().defaultLanguage, std::chrono::seconds(90), clock.now()),
          renderer(width, height, platform::systemFontFiles()) {
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        REQUIRE_MESSAGE(renderer.fontWarning().empty(), renderer.fontWarning());
        renderer.setSpeech(&speech);
        nav.apply(core::StartVisit{}, clock.now());
        settle();
    }

    void settle() { renderer.settle(nav, clock.now()); }
    std::optional<ui::ItemRect> find(const std::string& id) const { return renderer.items().find(id); }
    bool shows(const std::string& id) const { return find(id).has_value(); }
    bool menuOpen() const { return shows("a11y/close"); }
    const core::AccessibilitySettings& settings() const { return nav.accessibility(); }

    void tapAt(ImVec2 at) {
        renderer.tap(nav, at, clock.now());
        settle();
    }
    // A setting below the fold of the menu's scrolling area: a finger drags the area (at its
    // left margin, beside the rows) until the setting is well inside it, as a visitor would.
    void reveal(const std::string& id) {
        for (int attempt = 0; attempt < 12; ++attempt) {
            const auto item = find(id);
            const auto area = find("a11y/settings");
            if (!item || !area) return;
            const float top = area->min.y + (area->max.y - area->min.y) * 0.15f;
            const float bottom = area->max.y - (area->max.y - area->min.y) * 0.15f;
            const float y = item->center().y;
            const bool whole = item->min.y >= area->min.y && item->max.y <= area->max.y;
            if (item->visible && (whole || (y > top && y < bottom))) return;
            const float middle = (top + bottom) * 0.5f;
            const float distance = std::clamp(y - middle, -(bottom - top) * 0.45f, (bottom - top) * 0.45f);
            const float x = area->min.x + 4;
            renderer.drag(nav, ImVec2(x, middle), ImVec2(x, middle - distance), 6, clock.now());
            settle();
        }
    }
    void tap(const std::string& id) {
        if (startsWith(id, "a11y/")) reveal(id);
        const auto item = find(id);
        REQUIRE_MESSAGE(item.has_value(), "no element '" << id << "' on screen");
        REQUIRE_MESSAGE(item->visible, "'" << id << "' is out of view");
        tapAt(item->center());
    }
    void openMenu() {
        tap("bar/accessibility");
        REQUIRE(menuOpen());
    }
    bool said(const std::string& text) const {
        const auto spoken = speech.spokenTexts();
        return std::find(spoken.begin(), spoken.end(), text) != spoken.end();
    }

    const core::Pack& packWithFlow() const {
        const auto pack = std::find_if(library.packs.begin(), library.packs.end(), [](const core::Pack& p) { return !p.flows.empty(); });
        REQUIRE(pack != library.packs.end());
        return *pack;
    }
};

// What a finger presses in the menu in the last frame. Those in its scrolling area are cut to
// it: a control half scrolled out of view is hidden there, not lying over Close.
std::vector<ui::ItemRect> menuTargets(const platform::HeadlessRenderer& renderer, bool clipped) {
    const auto area = renderer.items().find("a11y/settings");
    REQUIRE(area.has_value());
    std::vector<ui::ItemRect> targets;
    for (ui::ItemRect item : renderer.items().topLayer()) {
        if (!item.touchTarget || item.id == "a11y/scrim") continue;
        if (clipped && item.id != "a11y/close") {
            item.min = ImVec2(std::max(item.min.x, area->min.x), std::max(item.min.y, area->min.y));
            item.max = ImVec2(std::min(item.max.x, area->max.x), std::min(item.max.y, area->max.y));
            if (item.min.y >= item.max.y) continue;  // scrolled out of view
        }
        targets.push_back(item);
    }
    return targets;
}

// The top bar of the screen on show: the round button is there, a finger wide and square, inside
// the screen, named for speech, clear of every other control of the bar.
void checkBarButton(const MenuVisit& visit, const std::string& where) {
    INFO(where);
    const auto button = visit.find("bar/accessibility");
    REQUIRE(button.has_value());
    const ui::Theme& theme = visit.renderer.theme();
    const float width = button->max.x - button->min.x;
    const float height = button->max.y - button->min.y;
    CHECK(width >= theme.touchTarget() - 0.5f);
    CHECK(height >= theme.touchTarget() - 0.5f);
    CHECK(width == doctest::Approx(height));
    CHECK(button->min.x >= 0);
    CHECK(button->max.x <= static_cast<float>(visit.renderer.width()));
    CHECK(button->min.y >= 0);
    CHECK(button->label == "Barrierefreiheit");
    CHECK(button->role == ui::ItemRole::Button);
    int neighbours = 0;
    for (const ui::ItemRect& item : visit.renderer.items().items()) {
        if (!startsWith(item.id, "bar/") || item.id == button->id) continue;
        ++neighbours;
        CHECK_MESSAGE(!overlap(item, *button), item.id << " overlaps the accessibility button");
    }
    CHECK(neighbours >= 5);  // navigation and the four language chips: the bar is the one meant
    for (const auto& problem : visit.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
}

}  // namespace

TEST_CASE("accessibility menu: the round button is in the top bar of home, pages and flows, at 1280x720 and 1080x1920, also at 200 % text") {
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1080, 1920}}) {
        for (const int textSize : {100, 200}) {
            MenuVisit visit(width, height);
            core::AccessibilitySettings settings;
            settings.textSizePercent = textSize;
            visit.nav.apply(core::SetAccessibility{settings}, visit.clock.now());
            visit.settle();
            const std::string size = std::to_string(width) + "x" + std::to_string(height) + " " + std::to_string(textSize) + " %";
            checkBarButton(visit, size + " home");
            CHECK(visit.shows("bar/end-visit"));
            const core::Pack& pack = visit.packWithFlow();
            visit.nav.apply(core::OpenPack{pack.id}, visit.clock.now());
            visit.settle();
            checkBarButton(visit, size + " page " + pack.id);
            CHECK(visit.shows("bar/back"));
            visit.nav.apply(core::StartFlow{pack.flows.front().id}, visit.clock.now());
            visit.settle();
            REQUIRE(visit.nav.flowSession() != nullptr);
            checkBarButton(visit, size + " flow " + pack.flows.front().id);
            visit.openMenu();  // and it opens the menu there, over the flow
            CHECK(visit.nav.flowSession() != nullptr);
        }
    }
}

TEST_CASE("accessibility menu: it closes on Close, on a tap beside the card (which presses nothing beneath), and with the visit") {
    MenuVisit visit;
    const core::Pack& pack = visit.packWithFlow();
    visit.nav.apply(core::OpenPack{pack.id}, visit.clock.now());
    visit.settle();
    const core::Location page = visit.nav.location();

    visit.openMenu();
    // The screen beneath is out of reach: "back" in the bar is under the dimmed part beside the
    // card, and a tap there closes the menu instead of leaving the page.
    const auto back = visit.find("bar/back");
    REQUIRE(back.has_value());
    const auto card = visit.find("a11y/card");
    REQUIRE(card.has_value());
    const ImVec2 beside((back->min.x + std::min(back->max.x, card->min.x)) * 0.5f, back->center().y);
    REQUIRE(beside.x < card->min.x);
    visit.tapAt(beside);
    CHECK_FALSE(visit.menuOpen());
    CHECK(visit.nav.location() == page);

    visit.openMenu();
    // A tap on the card itself, beside its controls (its title), leaves it open.
    visit.tapAt(visit.find("a11y/title")->center());
    CHECK(visit.menuOpen());
    visit.tap("a11y/close");
    CHECK_FALSE(visit.menuOpen());
    CHECK(visit.nav.location() == page);

    // Whoever comes next finds the screen as the kiosk shows it, without the last visitor's menu.
    visit.openMenu();
    visit.nav.apply(core::EndVisit{}, visit.clock.now());
    visit.settle();
    REQUIRE(visit.nav.visit().phase() != core::VisitorPhase::Visiting);
    visit.nav.apply(core::StartVisit{}, visit.clock.now());
    visit.settle();
    CHECK(visit.shows("bar/accessibility"));
    CHECK_FALSE(visit.menuOpen());
}

TEST_CASE("accessibility menu: each control changes the visit's settings, and the theme follows on the next frame") {
    MenuVisit visit;
    const float normalEm = visit.renderer.theme().em();
    const ImU32 normalBackground = visit.renderer.theme().colors().background;
    visit.openMenu();
    REQUIRE(visit.settings() == core::AccessibilitySettings{});

    visit.tap("a11y/high-contrast");
    CHECK(visit.settings().highContrast);
    CHECK(visit.renderer.theme().highContrast());
    CHECK(visit.renderer.theme().colors().background != normalBackground);
    CHECK(visit.find("a11y/high-contrast")->label == "Hoher Kontrast: an");
    visit.tap("a11y/high-contrast");
    CHECK_FALSE(visit.settings().highContrast);
    CHECK(visit.renderer.theme().colors().background == normalBackground);

    visit.tap("a11y/text-size/200");
    CHECK(visit.settings().textSizePercent == 200);
    CHECK(visit.renderer.theme().em() == doctest::Approx(normalEm * 2));
    CHECK(visit.find("a11y/text-size/200")->selected);
    CHECK_FALSE(visit.find("a11y/text-size/100")->selected);
    CHECK(visit.menuOpen());  // the menu stays, laid out again in the larger text
    visit.tap("a11y/text-size/150");
    CHECK(visit.settings().textSizePercent == 150);
    CHECK(visit.renderer.theme().em() == doctest::Approx(normalEm * 1.5f));
    visit.tap("a11y/text-size/100");
    CHECK(visit.renderer.theme().em() == doctest::Approx(normalEm));

    visit.tap("a11y/more-time");
    CHECK(visit.settings().moreTime);
    CHECK(visit.settings().timeFactor() == 2);
    visit.tap("a11y/low-mode");
    CHECK(visit.settings().lowMode);
    CHECK(visit.menuOpen());  // in the lowered area now
    visit.tap("a11y/low-mode");
    CHECK_FALSE(visit.settings().lowMode);

    visit.tap("a11y/volume/more");
    CHECK(visit.settings().volume == doctest::Approx(0.9f));
    CHECK(visit.speech.volume == doctest::Approx(0.9f));  // reached the voice
    CHECK(visit.find("a11y/volume")->label == "Lautstärke: 90 %");
    visit.tap("a11y/volume/more");
    visit.tap("a11y/volume/more");  // no further than full
    CHECK(visit.settings().volume == doctest::Approx(1.0f));
    for (int i = 0; i < 12; ++i) visit.tap("a11y/volume/less");
    CHECK(visit.settings().volume == doctest::Approx(0.1f));  // never silent from the menu
    CHECK(visit.speech.volume == doctest::Approx(0.1f));

    visit.tap("a11y/rate/more");
    CHECK(visit.settings().speechRate == doctest::Approx(1.25f));
    CHECK(visit.speech.rate == doctest::Approx(1.25f));
    for (int i = 0; i < 8; ++i) visit.tap("a11y/rate/less");
    CHECK(visit.settings().speechRate == doctest::Approx(core::kMinSpeechRate));
    CHECK(visit.speech.rate == doctest::Approx(core::kMinSpeechRate));
    CHECK(visit.speech.spoken.empty());  // without speech guidance the menu says nothing

    visit.tap("a11y/non-visual");
    CHECK(visit.settings().nonVisual);
    CHECK(visit.find("a11y/non-visual")->label.find("Sprachführung: an") == 0);
}

TEST_CASE("accessibility menu: Leichte Sprache switches the language, shows itself on, and switches back to the language before") {
    MenuVisit visit;
    visit.nav.apply(core::SetLanguage{"en"}, visit.clock.now());
    visit.settle();
    visit.openMenu();
    CHECK(visit.find("a11y/title")->label == "Accessibility");
    CHECK(visit.find("a11y/easy-language")->label == "Easy German (Leichte Sprache): off");
    visit.tap("a11y/easy-language");
    CHECK(visit.nav.language() == "de-x-ls");
    CHECK(visit.find("a11y/title")->label == "Hilfen");  // the menu speaks it at once
    CHECK(visit.find("a11y/easy-language")->label == "Leichte Sprache: an");
    visit.tap("a11y/easy-language");
    CHECK(visit.nav.language() == "en");
}

TEST_CASE("accessibility menu: without Leichte Sprache among the kiosk's languages it is not offered") {
    core::ManualClock clock;
    const auto library = core::loadPackLibrary(shippedConfig().contentFolders);
    core::Navigator nav(library, {"de", "en"}, "de", std::chrono::seconds(90), clock.now());
    platform::HeadlessRenderer renderer(1280, 720, platform::systemFontFiles());
    REQUIRE(renderer.ok());
    nav.apply(core::StartVisit{}, clock.now());
    renderer.settle(nav, clock.now());
    renderer.tap(nav, renderer.items().find("bar/accessibility")->center(), clock.now());
    renderer.settle(nav, clock.now());
    CHECK(renderer.items().find("a11y/close").has_value());
    CHECK(renderer.items().find("a11y/high-contrast").has_value());
    CHECK_FALSE(renderer.items().find("a11y/easy-language").has_value());
    // No voice: no speech guidance, volume or rate, which would change nothing.
    CHECK_FALSE(renderer.items().find("a11y/non-visual").has_value());
    CHECK_FALSE(renderer.items().find("a11y/volume/more").has_value());
}

TEST_CASE("accessibility menu: with speech guidance on, a new volume or rate is heard in a sample after it took effect, a switch in its new state") {
    MenuVisit visit;
    visit.openMenu();
    visit.tap("a11y/non-visual");
    REQUIRE(visit.settings().nonVisual);
    // The mode says where the visitor is (the menu's title), then how it works.
    const auto spoken = visit.speech.spokenTexts();
    REQUIRE(spoken.size() >= 2);
    CHECK(spoken[spoken.size() - 2] == "Barrierefreiheit, Überschrift");
    CHECK(spoken.back().rfind("Sprachführung ist an.", 0) == 0);

    // The headless renderer's taps reach the menu directly, as the mode's own double tap does.
    visit.tap("a11y/volume/less");
    CHECK(visit.speech.volume == doctest::Approx(0.7f));
    CHECK(visit.speech.spoken.back().text == "Lautstärke: 70 %");
    CHECK(visit.speech.spoken.back().language == "de");
    visit.tap("a11y/rate/more");
    CHECK(visit.speech.rate == doctest::Approx(1.25f));
    CHECK(visit.speech.spoken.back().text == "Sprechtempo: 125 %");

    // A switch is heard in its new state, since the listener cannot see it.
    visit.tap("a11y/high-contrast");
    CHECK(visit.speech.spoken.back().text == "Hoher Kontrast: an");
    visit.tap("a11y/text-size/150");
    CHECK(visit.speech.spoken.back().text == "Textgröße 150 %");

    visit.tap("a11y/non-visual");
    CHECK_FALSE(visit.settings().nonVisual);
    CHECK(visit.speech.spoken.back().text == "Sprachführung ist aus.");
}

TEST_CASE("accessibility menu: in speech guidance, swipes move through the menu alone, and Close is found and pressed by ear") {
    MenuVisit visit;
    core::AccessibilitySettings settings;
    settings.nonVisual = true;
    visit.nav.apply(core::SetAccessibility{settings}, visit.clock.now());
    visit.settle();
    visit.openMenu();
    visit.renderer.wait(visit.nav, visit.clock.now());
    CHECK(visit.said("Barrierefreiheit, Überschrift"));
    CHECK(visit.renderer.ui()->nonVisual().focusedId() == "a11y/title");
    std::vector<std::string> heard;
    for (int i = 0; i < 40 && visit.renderer.ui()->nonVisual().focusedId() != "a11y/close"; ++i) {
        visit.renderer.command(visit.nav, ui::NonVisualCommand::Next, visit.clock.now());
        const std::string& focus = visit.renderer.ui()->nonVisual().focusedId();
        CHECK_MESSAGE(startsWith(focus, "a11y/"), "the focus left the menu for " << focus);
        heard.push_back(focus);
    }
    REQUIRE(visit.renderer.ui()->nonVisual().focusedId() == "a11y/close");
    // Every setting on the way, in the order they are seen.
    for (const char* id : {"a11y/non-visual", "a11y/volume/less", "a11y/rate/more", "a11y/high-contrast", "a11y/text-size/200",
                           "a11y/low-mode", "a11y/more-time", "a11y/easy-language", "a11y/settings-end"}) {
        CHECK_MESSAGE(std::find(heard.begin(), heard.end(), id) != heard.end(), id << " was never reached");
    }
    CHECK(visit.said("Lauter, Schaltfläche"));
    CHECK(visit.said("Textgröße 100 %, Auswahl, ausgewählt"));
    visit.renderer.command(visit.nav, ui::NonVisualCommand::Activate, visit.clock.now());
    CHECK_FALSE(visit.menuOpen());
}

// At 200 % on 720p the menu scrolls: an element swiped to below its fold is scrolled into view in
// the menu (not in the page beneath, which would take the request first), and pressed there.
TEST_CASE("accessibility menu: in speech guidance at 200 % text, a setting below the fold is scrolled into view and pressed") {
    MenuVisit visit;
    core::AccessibilitySettings settings;
    settings.nonVisual = true;
    settings.textSizePercent = 200;
    visit.nav.apply(core::SetAccessibility{settings}, visit.clock.now());
    visit.settle();
    visit.openMenu();
    REQUIRE_FALSE(visit.find("a11y/more-time")->visible);
    for (int i = 0; i < 40 && visit.renderer.ui()->nonVisual().focusedId() != "a11y/more-time"; ++i) {
        visit.renderer.command(visit.nav, ui::NonVisualCommand::Next, visit.clock.now());
    }
    REQUIRE(visit.renderer.ui()->nonVisual().focusedId() == "a11y/more-time");
    visit.settle();
    CHECK(visit.find("a11y/more-time")->visible);
    visit.renderer.command(visit.nav, ui::NonVisualCommand::Activate, visit.clock.now());
    CHECK(visit.settings().moreTime);
    CHECK(visit.said("Mehr Zeit: an"));
}

TEST_CASE("accessibility menu: the settings end with the visit, and the next visitor's screen is as the kiosk shows it") {
    MenuVisit visit;
    const float normalEm = visit.renderer.theme().em();
    visit.openMenu();
    visit.tap("a11y/high-contrast");
    visit.tap("a11y/text-size/150");
    visit.tap("a11y/more-time");
    visit.tap("a11y/volume/less");
    REQUIRE_FALSE(visit.settings() == core::AccessibilitySettings{});
    visit.tap("a11y/close");
    visit.tap("bar/end-visit");
    REQUIRE(visit.nav.visit().phase() != core::VisitorPhase::Visiting);
    CHECK(visit.settings() == core::AccessibilitySettings{});
    CHECK_FALSE(visit.renderer.theme().highContrast());
    CHECK(visit.renderer.theme().em() == doctest::Approx(normalEm));
    CHECK(visit.speech.volume == doctest::Approx(core::AccessibilitySettings{}.volume));
}

// The layout at every size the kiosk ships for, in every language, at 100 and 200 % text: nothing
// cut or overlapping (the render audit), every control at least 2 em square, named for speech,
// inside the card and clear of the others; the card scrolls to its end. (The palette changes no
// layout: high contrast is left to the content walk's contrast measurement.)
TEST_CASE("accessibility menu: every control is at least 2 em and nothing in it is clipped, at 200 % on 1280x720 and everywhere else") {
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}, std::pair{1080, 1920}}) {
        MenuVisit visit(width, height);
        visit.openMenu();
        for (const int textSize : {200, 100}) {
            for (const std::string& language : visit.nav.languages()) {
                core::AccessibilitySettings settings;
                settings.textSizePercent = textSize;
                visit.nav.apply(core::SetAccessibility{settings}, visit.clock.now());
                visit.nav.apply(core::SetLanguage{language}, visit.clock.now());
                visit.settle();
                const std::string where = std::to_string(width) + "x" + std::to_string(height) + " " + std::to_string(textSize) + " % " + language;
                INFO(where);
                REQUIRE(visit.menuOpen());
                for (const auto& problem : visit.renderer.ui()->audit().problems()) FAIL_CHECK(problem.describe());
                const float minimum = visit.renderer.theme().em(2.0f) - 0.5f;
                const auto card = visit.find("a11y/card");
                REQUIRE(card.has_value());
                CHECK(card->min.x >= 0);
                CHECK(card->min.y >= 0);
                CHECK(card->max.x <= static_cast<float>(width));
                CHECK(card->max.y <= static_cast<float>(height));
                const auto targets = menuTargets(visit.renderer, false);
                CHECK(targets.size() >= 13);
                for (const ui::ItemRect& target : targets) {
                    CHECK_MESSAGE(target.max.x - target.min.x >= minimum, target.id << " is too narrow");
                    CHECK_MESSAGE(target.max.y - target.min.y >= minimum, target.id << " is too low");
                    CHECK_MESSAGE(target.min.x >= card->min.x, target.id << " sticks out of the card");
                    CHECK_MESSAGE(target.max.x <= card->max.x, target.id << " sticks out of the card");
                    CHECK_MESSAGE(!target.label.empty(), target.id << " has nothing to say for speech");
                }
                const auto seen = menuTargets(visit.renderer, true);
                for (const ui::ItemRect& target : seen) {
                    for (const ui::ItemRect& other : seen) {
                        if (&other != &target) CHECK_MESSAGE(!overlap(target, other), target.id << " overlaps " << other.id);
                    }
                }
                // Scrolling costs frames: once per size, in the longest words (Ukrainian comes last).
                if (language == visit.nav.languages().back()) {
                    visit.reveal("a11y/settings-end");
                    CHECK(visit.find("a11y/settings-end")->visible);
                }
            }
        }
    }
}

// KIOSK_MENU_SCREENSHOTS=DIR: the open menu as a picture, in both palettes, for the README.
TEST_CASE("accessibility menu: screenshots of the open menu, when asked for") {
    const char* folder = std::getenv("KIOSK_MENU_SCREENSHOTS");
    if (!folder || !*folder) return;
    {
        MenuVisit visit(1920, 1080);  // one headless kiosk at a time: each owns ImGui's context
        const core::Pack& pack = visit.packWithFlow();
        visit.nav.apply(core::OpenPack{pack.id}, visit.clock.now());
        visit.settle();
        visit.openMenu();
        visit.tap("a11y/volume/more");
        CHECK(visit.renderer.savePng(std::filesystem::path(folder) / "accessibility-menu.png").empty());
        visit.tap("a11y/high-contrast");
        visit.tap("a11y/more-time");
        CHECK(visit.renderer.savePng(std::filesystem::path(folder) / "accessibility-menu-contrast.png").empty());
    }
    // Where it must scroll: 200 % text on the smallest landscape screen, and in portrait.
    for (const auto& [width, height, language] : {std::tuple{1280, 720, "de"}, std::tuple{1080, 1920, "uk"}}) {
        MenuVisit small(width, height);
        small.nav.apply(core::SetLanguage{language}, small.clock.now());
        small.openMenu();
        small.tap("a11y/text-size/200");
        small.tap("a11y/non-visual");
        const std::string name = "accessibility-menu-200-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
        CHECK(small.renderer.savePng(std::filesystem::path(folder) / name).empty());
        // The bar beneath, with its button beside the languages, at the same size.
        small.tap("a11y/close");
        const core::Pack& pack = small.packWithFlow();
        small.nav.apply(core::OpenPack{pack.id}, small.clock.now());
        small.settle();
        const std::string bar = "top-bar-200-" + std::to_string(width) + "x" + std::to_string(height) + ".png";
        CHECK(small.renderer.savePng(std::filesystem::path(folder) / bar).empty());
    }
}
