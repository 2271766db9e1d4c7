// Walks every screen of the sample content (home, every page, every quiz answer's feedback, every
// flow step empty, with its messages, filled, then its summary and result) in every language of
// the shipped config, at a landscape, a small and a portrait size, and fails on anything the
// RenderAudit saw: a missing glyph, text that does not fit its box, raw markup. At 1920x1080 it
// also measures the contrast of every text drawn (ui/text_contrast.hpp) against WCAG AA, on the
// attract loop's pictures, the idle prompt and the reset notice too. The same walks run for a
// visitor who asked for high contrast (every text at WCAG AAA, 7:1) and for 200 % text (the layout
// reflows: nothing cut, nothing overlapping, touch targets still 2 of the larger ems).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/access/accessibility_settings.hpp"
#include "core/config/kiosk_config.hpp"
#include "core/nav/field_check.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/contrast.hpp"
#include "ui/text_contrast.hpp"

namespace {

using namespace kiosk;

// A text as measured on the first screen where its contrast was lowest, and the level that screen
// must meet: AAA where the visitor had asked for high contrast, AA elsewhere (the attract loop and
// the reset notice come before and after a visitor, in the normal theme).
struct ContrastFinding {
    std::string where;
    ui::TextContrast text;
    ui::ContrastLevel level = ui::ContrastLevel::AA;

    double required() const { return ui::requiredContrast(text.large, level); }
};

const char* levelName(ui::ContrastLevel level) { return level == ui::ContrastLevel::AAA ? "AAA" : "AA"; }

// How a walk looks at the sample screens.
struct WalkSetup {
    int width = 1920;
    int height = 1080;
    // What every visitor of the walk set in the accessibility menu. They end with each visit (the
    // idle reset), so the walk sets them again at the start of every visit.
    core::AccessibilitySettings access{};
    bool measureContrast = false;

    std::string describe() const {
        std::string text = std::to_string(width) + "x" + std::to_string(height);
        if (access.textSizePercent != 100) text += " " + std::to_string(access.textSizePercent) + " %";
        if (access.highContrast) text += " high contrast";
        return text;
    }
};

std::string hexColor(ImU32 color) {
    char buffer[16];
    const unsigned alpha = (color >> IM_COL32_A_SHIFT) & 0xFF;
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", (color >> IM_COL32_R_SHIFT) & 0xFF, (color >> IM_COL32_G_SHIFT) & 0xFF,
                  (color >> IM_COL32_B_SHIFT) & 0xFF);
    if (alpha == 0xFF) return buffer;
    char alphaHex[4];
    std::snprintf(alphaHex, sizeof alphaHex, "%02X", alpha);
    return std::string(buffer) + alphaHex;
}

std::string describe(const ContrastFinding& finding) {
    const ui::TextContrast& t = finding.text;
    std::string text = t.text.size() > 50 ? t.text.substr(0, 50) + "…" : t.text;
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.2f", t.ratio);
    char required[16];
    std::snprintf(required, sizeof required, "%.1f", finding.required());
    return std::string(ratio) + ":1 " + finding.where + ": '" + text + "' " + hexColor(t.color) + " on " + hexColor(t.background) +
           (t.overImage ? " (over a picture: worst of black and white)" : "") + ", " + std::to_string(static_cast<int>(t.fontPixels)) +
           " px" + (t.bold ? " bold" : "") + " (" + (t.large ? "large, " : "") + "needs " + required + ":1, " + levelName(finding.level) + ")";
}

class ContentWalk {
public:
    ContentWalk(const std::vector<std::filesystem::path>& contentFolders, const std::vector<std::string>& languages,
                const std::string& defaultLanguage, const WalkSetup& setup)
        : m_library(core::loadPackLibrary(contentFolders)),
          m_nav(m_library, languages, defaultLanguage, std::chrono::hours(1), m_clock.now()),
          m_renderer(setup.width, setup.height, platform::systemFontFiles()),
          m_size(setup.describe()),
          m_access(setup.access),
          m_measureContrast(setup.measureContrast) {
        for (const core::Error& problem : m_library.problems) CHECK_MESSAGE(false, problem.describe());
        REQUIRE_MESSAGE(m_renderer.ok(), m_renderer.error());
        REQUIRE_MESSAGE(m_renderer.fontWarning().empty(), m_renderer.fontWarning());
        // Clips draw their controls as on the kiosk (and are walked with the rest); none is
        // started, so nothing is decoded.
        m_renderer.enableVideoPlayback();
    }

    void everything() {
        attractLoop();
        for (const std::string& language : m_nav.languages()) {
            m_nav.apply(core::GoHome{}, m_clock.now());
            m_nav.apply(core::SetLanguage{language}, m_clock.now());
            m_nav.apply(core::SetAccessibility{m_access}, m_clock.now());
            REQUIRE(m_nav.accessibility() == m_access);
            look(language + " home");
            for (const core::Pack& pack : m_library.packs) walkPack(pack, language);
            idlePromptAndReset(language);
        }
    }

    int screens() const { return m_screens; }
    int touchTargets() const { return m_touchTargets; }
    // Screens drawn with the visitor's settings (the rest: the attract loop, the reset notice).
    int screensAsAsked() const { return m_screensAsAsked; }
    float smallestTarget() const { return m_smallestTarget; }
    const std::vector<std::string>& problems() const { return m_problems; }

    // Every distinct text (characters, colour, background) at its lowest contrast, lowest first.
    std::vector<ContrastFinding> contrastFindings() const {
        std::vector<ContrastFinding> all;
        for (const auto& [key, finding] : m_contrast) all.push_back(finding);
        std::stable_sort(all.begin(), all.end(), [](const ContrastFinding& a, const ContrastFinding& b) { return a.text.ratio < b.text.ratio; });
        return all;
    }
    int measuredGlyphs() const { return m_measuredGlyphs; }
    int hiddenGlyphs() const { return m_hiddenGlyphs; }

private:
    void apply(const core::Intent& intent) { m_nav.apply(intent, m_clock.now()); }

    // Nobody touches the screen until the navigator's next deadline: a picture, the prompt, the reset.
    void passTime() {
        const std::optional<core::TimePoint> deadline = m_nav.nextDeadline();
        REQUIRE(deadline.has_value());
        if (*deadline > m_clock.now()) m_clock.advance(std::chrono::duration_cast<core::Duration>(*deadline - m_clock.now()));
        m_nav.tick(m_clock.now());
    }

    // The navigator starts in the attract loop: one picture per pack.
    void attractLoop() {
        REQUIRE(m_nav.visit().phase() == core::VisitorPhase::Attract);
        for (std::size_t i = 0; i < std::max<std::size_t>(1, m_library.packs.size()); ++i) {
            look("attract picture " + std::to_string(m_nav.visit().slide()));
            passTime();
        }
    }

    void idlePromptAndReset(const std::string& language) {
        apply(core::GoHome{});
        for (int i = 0; i < 3 && m_nav.visit().phase() == core::VisitorPhase::Visiting; ++i) passTime();
        REQUIRE(m_nav.visit().phase() == core::VisitorPhase::IdlePrompt);
        look(language + " idle prompt");
        for (int i = 0; i < 60 && m_nav.visit().phase() == core::VisitorPhase::IdlePrompt; ++i) passTime();
        REQUIRE(m_nav.visit().phase() == core::VisitorPhase::ResetNotice);
        look(language + " reset notice");
        for (int i = 0; i < 3 && m_nav.visit().phase() == core::VisitorPhase::ResetNotice; ++i) passTime();
        REQUIRE(m_nav.visit().phase() == core::VisitorPhase::Attract);
    }

    // One frame is enough: every text of the screen is laid out (and audited) in every frame,
    // scrolled into view or not.
    void look(const std::string& where) {
        m_renderer.frame(m_nav, m_clock.now());
        ++m_screens;
        const ui::Theme& theme = m_renderer.theme();
        if (theme.highContrast() == m_access.highContrast && theme.textScale() == m_access.textScale()) ++m_screensAsAsked;
        for (const ui::RenderProblem& problem : m_renderer.ui()->audit().problems()) {
            m_problems.push_back(m_size + " " + where + ": " + problem.describe());
        }
        checkTouchTargets(where);
        checkLayout(where);
        if (m_measureContrast) measureContrast(where);
        saveScreenshot(where);
    }

    // What no text audit sees: a larger text size can push a whole control off the screen or onto
    // another one. What never scrolls (the top bar, the way on in a flow, the idle prompt) lies
    // whole on the screen, and no two targets a finger can reach overlap: neither two that never
    // scroll nor two in the same scrolling content. (Content scrolls under the fixed bars by
    // design, clipped there; the idle prompt's backdrop lies under its button by design: a touch
    // beside the button answers it too.)
    void checkLayout(const std::string& where) {
        const float width = static_cast<float>(m_renderer.width());
        const float height = static_cast<float>(m_renderer.height());
        const std::span<const ui::ItemRect> reachable = m_renderer.items().topLayer();
        for (const ui::ItemRect& item : reachable) {
            if (!item.touchTarget || !neverScrolls(item.id)) continue;
            if (item.min.x >= -0.5f && item.min.y >= -0.5f && item.max.x <= width + 0.5f && item.max.y <= height + 0.5f) continue;
            report(where, item.id + " reaches off the screen, to " + std::to_string(static_cast<int>(item.max.x)) + "x" +
                              std::to_string(static_cast<int>(item.max.y)) + " px");
        }
        for (std::size_t i = 0; i < reachable.size(); ++i) {
            const ui::ItemRect& a = reachable[i];
            if (!a.touchTarget || !a.visible || a.id == "idle/backdrop") continue;
            for (std::size_t j = i + 1; j < reachable.size(); ++j) {
                const ui::ItemRect& b = reachable[j];
                if (!b.touchTarget || !b.visible || b.id == "idle/backdrop" || neverScrolls(a.id) != neverScrolls(b.id)) continue;
                const float across = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
                const float down = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
                if (across > 1.0f && down > 1.0f) report(where, a.id + " overlaps " + b.id);
            }
        }
    }

    static bool neverScrolls(const std::string& id) {
        if (id.starts_with("bar/") || id.starts_with("idle/")) return true;
        if (!id.starts_with("flow/") || id.find("/step/") != std::string::npos) return false;
        return id.ends_with("/back") || id.ends_with("/next") || id.ends_with("/submit") || id.ends_with("/done");
    }

    // Each layout problem once, on the first screen it is seen on, not on every screen after.
    void report(const std::string& where, const std::string& problem) {
        if (m_layoutProblems.insert(problem).second) m_problems.push_back(m_size + " " + where + ": " + problem);
    }

    // KIOSK_WALK_SCREENSHOTS=DIR keeps a PNG of every screen walked, to look at what a failure
    // describes (or at what no audit can judge: whether it still looks designed). Taken once the
    // screen is at rest: a page's first frame still slides in.
    void saveScreenshot(const std::string& where) {
        static const char* folder = std::getenv("KIOSK_WALK_SCREENSHOTS");
        if (!folder || !*folder) return;
        m_renderer.settle(m_nav, m_clock.now());
        std::string name = m_size + " " + where;
        for (char& c : name) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
        }
        const std::string error = m_renderer.savePng(std::filesystem::path(folder) / (name + ".png"));
        CHECK_MESSAGE(error.empty(), error);
    }

    // Every element a finger presses is at least 2 em in both directions (60 px at 1080p: 17 mm
    // on a 24" panel). Primary buttons have the theme's touchTarget() (2.6 em); the chips (the
    // languages, "change", "today") have 2.2 em, which on a 10" 1080p panel is under 9 mm.
    // Half a pixel of rounding is allowed.
    void checkTouchTargets(const std::string& where) {
        const float minimum = m_renderer.theme().em(2.0f) - 0.5f;
        const bool nonVisual = m_nav.accessibility().nonVisual;
        for (const ui::ItemRect& item : m_renderer.items().items()) {
            if (!item.touchTarget) continue;
            ++m_touchTargets;
            // Speech guidance offers only what has words; a backdrop answers any touch.
            if (nonVisual && !item.spoken() && !item.id.ends_with("/backdrop")) {
                const std::string problem = item.id + " has no words for speech guidance";
                if (m_smallTargets.insert(problem).second) m_problems.push_back(m_size + " " + where + ": " + problem);
            }
            const float width = item.max.x - item.min.x;
            const float height = item.max.y - item.min.y;
            m_smallestTarget = std::min({m_smallestTarget, width, height});
            if (width >= minimum && height >= minimum) continue;
            const std::string problem = item.id + " is " + std::to_string(static_cast<int>(width)) + "x" +
                                        std::to_string(static_cast<int>(height)) + " px, under the touch target of " +
                                        std::to_string(static_cast<int>(minimum + 0.5f)) + " px";
            if (m_smallTargets.insert(problem).second) m_problems.push_back(m_size + " " + where + ": " + problem);
        }
    }

    // The frame just drawn is still ImGui's draw data until the next frame begins.
    void measureContrast(const std::string& where) {
        const ui::Theme& theme = m_renderer.theme();
        // The atlas is built by the first frame, and built again whenever the em changed (a
        // visitor's text size, the defaults after the reset): the meter indexes its glyphs, so it
        // is built again with it. Every frame is measured, so no rebuild can go unseen between two.
        if (!m_meter || m_meterEm != theme.em()) {
            m_meter.reset();
            m_fontStyles = ui::fontStyles(theme.fonts());
            m_meter.emplace(*ImGui::GetIO().Fonts, m_fontStyles, theme.em());
            m_meterEm = theme.em();
        }
        const ui::ContrastLevel level = theme.highContrast() ? ui::ContrastLevel::AAA : ui::ContrastLevel::AA;
        const ui::FrameContrast frame = m_meter->measure(*ImGui::GetDrawData(), theme.colors().background);
        m_measuredGlyphs += frame.glyphs;
        m_hiddenGlyphs += frame.hiddenGlyphs;
        for (const ui::TextContrast& text : frame.texts) {
            const ContrastFinding finding{m_size + " " + where, text, level};
            const std::string key = text.text + '\x1F' + hexColor(text.color) + hexColor(text.background) + levelName(level);
            const auto [it, added] = m_contrast.try_emplace(key, finding);
            if (!added && text.ratio < it->second.text.ratio) it->second = finding;
        }
    }

    void walkPack(const core::Pack& pack, const std::string& language) {
        const std::string at = language + " " + pack.id;
        for (const core::Page& page : pack.pages) {
            apply(core::GoHome{});
            apply(core::OpenPack{pack.id});
            apply(core::OpenPage{page.id});
            REQUIRE(m_nav.location().pageId == page.id);
            look(at + "/" + page.id);
            for (const core::Block& block : page.blocks) {
                const auto* quiz = std::get_if<core::QuizBlock>(&block);
                if (!quiz) continue;
                for (const core::QuizAnswer& answer : quiz->answers) {
                    apply(core::AnswerQuiz{quiz->id, answer.id});
                    look(at + "/" + page.id + " quiz " + quiz->id + " answered " + answer.id);
                }
            }
        }
        for (const core::Flow& flow : pack.flows) walkFlow(pack, flow, at);
    }

    void walkFlow(const core::Pack& pack, const core::Flow& flow, const std::string& at) {
        apply(core::GoHome{});
        apply(core::OpenPack{pack.id});
        apply(core::StartFlow{flow.id});
        REQUIRE_MESSAGE(m_nav.flowSession() != nullptr, at << " flow " << flow.id << " did not start");
        const std::vector<std::string> languages = core::languageFallbacks(m_nav.language(), m_nav.defaultLanguage());
        for (std::size_t index = 0; index < flow.steps.size(); ++index) {
            const core::FlowStep& step = flow.steps[index];
            const std::string where = at + " flow " + flow.id + "/" + step.id;
            look(where + " empty");
            apply(core::NextStep{});  // with required fields empty: every message shows
            look(where + " with its messages");
            for (const core::FlowField& field : step.fields) {
                const std::string value = core::sampleValue(field, languages, "2025-03-14");
                CHECK_MESSAGE(core::checkField(field, value) == core::FieldProblem::None,
                              where << ": no acceptable value found for field " << field.id);
                apply(core::SetFieldValue{field.id, value});
            }
            look(where + " filled");
            apply(core::NextStep{});
            REQUIRE_MESSAGE(m_nav.flowSession()->step == index + 1, where << ": Next did not lead on");
        }
        look(at + " flow " + flow.id + " summary");
        apply(core::NextStep{});
        look(at + " flow " + flow.id + " result");
        apply(core::FinishFlow{});
    }

    core::ManualClock m_clock;
    core::PackLibrary m_library;
    core::Navigator m_nav;
    platform::HeadlessRenderer m_renderer;
    std::string m_size;
    core::AccessibilitySettings m_access;
    int m_screens = 0;
    int m_screensAsAsked = 0;
    std::vector<std::string> m_problems;
    bool m_measureContrast = false;
    std::vector<ui::FontStyle> m_fontStyles;
    std::optional<ui::TextContrastMeter> m_meter;
    float m_meterEm = 0;
    std::map<std::string, ContrastFinding> m_contrast;
    int m_measuredGlyphs = 0;
    int m_hiddenGlyphs = 0;
    int m_touchTargets = 0;
    float m_smallestTarget = 1e9f;
    std::set<std::string> m_smallTargets;  // each reported once, not on every screen it is on
    std::set<std::string> m_layoutProblems;  // the same
};

// Per level (AA where the normal theme shows, AAA where the visitor asked for high contrast): the
// lowest ratio and the five worst texts; then every text below the level of the screen it is on.
void checkContrast(const ContentWalk& walk) {
    const std::vector<ContrastFinding> findings = walk.contrastFindings();
    REQUIRE_MESSAGE(!findings.empty(), "no text measured");
    CHECK(walk.measuredGlyphs() > 10000);  // every screen's text, not a few labels
    std::string report = "contrast: " + std::to_string(findings.size()) + " distinct texts, " +
                         std::to_string(walk.measuredGlyphs()) + " glyphs (" + std::to_string(walk.hiddenGlyphs()) +
                         " more clipped or behind the idle prompt's scrim)";
    for (const ui::ContrastLevel level : {ui::ContrastLevel::AAA, ui::ContrastLevel::AA}) {
        std::vector<const ContrastFinding*> atLevel;
        for (const ContrastFinding& finding : findings) {
            if (finding.level == level) atLevel.push_back(&finding);
        }
        if (atLevel.empty()) continue;
        report += std::string("\n  screens held to WCAG ") + levelName(level) + ": " + std::to_string(atLevel.size()) +
                  " distinct texts, lowest " + describe(*atLevel.front()) + "\n  five lowest:";
        for (std::size_t i = 0; i < std::min<std::size_t>(5, atLevel.size()); ++i) report += "\n    " + describe(*atLevel[i]);
    }
    MESSAGE(report);
    std::string failures;
    int failing = 0;
    for (const ContrastFinding& finding : findings) {
        if (finding.text.ratio >= finding.required()) continue;
        ++failing;
        failures += "\n  " + describe(finding);
    }
    CHECK_MESSAGE(failing == 0, failing << " texts below the contrast their screen must meet:" << failures);
}

// The shipped config's content and languages: what a visitor meets.
void walkSampleContent(const WalkSetup& setup) {
    const auto config = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
    REQUIRE(config.ok());
    ContentWalk walk(config.value().contentFolders, config.value().languages, config.value().defaultLanguage, setup);
    walk.everything();
    if (setup.measureContrast) checkContrast(walk);
    // 8 packs in 4 languages: far more than this, unless the walk silently skipped content, or the
    // visitor's settings were lost along the way (only the attract loop and the reset notices,
    // between visitors, show the defaults).
    CHECK(walk.screens() > 200);
    CHECK(walk.screensAsAsked() > 200);
    CHECK(walk.touchTargets() > 1000);
    MESSAGE(setup.describe() << ": " << walk.touchTargets() << " touch targets, the smallest side " << walk.smallestTarget() << " px");
    std::string all;
    for (const std::string& problem : walk.problems()) all += "\n  " + problem;
    CHECK_MESSAGE(walk.problems().empty(), walk.problems().size() << " problems on " << walk.screens() << " screens:" << all);
}

core::AccessibilitySettings highContrast() {
    core::AccessibilitySettings settings;
    settings.highContrast = true;
    return settings;
}

core::AccessibilitySettings textSize(int percent, bool highContrast = false) {
    core::AccessibilitySettings settings;
    settings.textSizePercent = percent;
    settings.highContrast = highContrast;
    return settings;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

}  // namespace

// Guards the guard: a pack that validates but shows raw stars, a missing glyph and a word wider
// than its column must fail the walk, each for its own reason. A fact value too wide for a tile
// beside the others makes the tiles stack instead, and is no problem.
TEST_CASE("content walk: finds raw markup, missing glyphs and text too big for its box") {
    ContentWalk walk({KIOSK_TEST_DATA "/audit-content"}, {"de"}, "de", {.width = 1280, .height = 720});
    walk.everything();
    const auto& found = walk.problems();
    CHECK(anyContains(found, "de audit-pack/start: raw markup '**' in 'Das ist **wichtig**'"));
    CHECK(anyContains(found, "de audit-pack/start: missing glyph U+6B22 in 'Willkommen"));
    CHECK(anyContains(found, "de audit-pack/start: does not fit its box"));
    CHECK(anyContains(found, "'WWWWWWWWWWWWWWWWWWWWWWWWWW'"));
    CHECK_FALSE(anyContains(found, "'WWWWWWWWWWWW'"));
}

// The contrast is measured at one size: colours do not change with it, and one walk costs seconds.
TEST_CASE("content walk: every sample screen in every language at 1920x1080 shows all its text, fitted, clean and in WCAG AA contrast") {
    walkSampleContent({.width = 1920, .height = 1080, .measureContrast = true});
}

TEST_CASE("content walk: every sample screen in every language at 1280x720 shows all its text, fitted and clean") {
    walkSampleContent({.width = 1280, .height = 720});
}

TEST_CASE("content walk: every sample screen in every language in portrait 1080x1920 shows all its text, fitted and clean") {
    walkSampleContent({.width = 1080, .height = 1920});
}

// Issue 5, vision: the visitor's high contrast holds every text to WCAG AAA (7:1, large text 4.5:1).
TEST_CASE("content walk: in high contrast every sample screen in every language at 1920x1080 shows its text at WCAG AAA contrast") {
    walkSampleContent({.width = 1920, .height = 1080, .access = highContrast(), .measureContrast = true});
}

// 200 % text doubles the em: 1920x1080 is then laid out like 960x540, 1280x720 like 640x360, and
// portrait 1080x1920 like a 540 px wide phone. Every text still fits, every target is 2 such ems.
TEST_CASE("content walk: at 200 % text every sample screen in every language at 1920x1080 reflows, fitted, clean and in WCAG AA contrast") {
    walkSampleContent({.width = 1920, .height = 1080, .access = textSize(200), .measureContrast = true});
}

TEST_CASE("content walk: at 200 % text every sample screen in every language at 1280x720 reflows, fitted and clean") {
    walkSampleContent({.width = 1280, .height = 720, .access = textSize(200)});
}

TEST_CASE("content walk: at 200 % text in high contrast every sample screen in every language in portrait 1080x1920 reflows, fitted and clean") {
    walkSampleContent({.width = 1080, .height = 1920, .access = textSize(200, true)});
}

TEST_CASE("content walk: with speech guidance every control on every sample screen in every language has words to be heard") {
    core::AccessibilitySettings settings;
    settings.nonVisual = true;
    walkSampleContent({.width = 1280, .height = 720, .access = settings});
}

TEST_CASE("content walk: at 150 % text every sample screen in every language at 1280x720 reflows, fitted and clean") {
    walkSampleContent({.width = 1280, .height = 720, .access = textSize(150)});
}
