// Walks every screen of the sample content (home, every page, every quiz answer's feedback, every
// flow step empty, with its messages, filled, then its summary and result) in every language of
// the shipped config, at a landscape, a small and a portrait size, and fails on anything the
// RenderAudit saw: a missing glyph, text that does not fit its box, raw markup.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/config/kiosk_config.hpp"
#include "core/nav/field_check.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk;

class ContentWalk {
public:
    ContentWalk(const std::vector<std::filesystem::path>& contentFolders, const std::vector<std::string>& languages,
                const std::string& defaultLanguage, int width, int height)
        : m_library(core::loadPackLibrary(contentFolders)),
          m_nav(m_library, languages, defaultLanguage, std::chrono::hours(1), m_clock.now()),
          m_renderer(width, height, platform::systemFontFiles()),
          m_size(std::to_string(width) + "x" + std::to_string(height)) {
        for (const core::Error& problem : m_library.problems) CHECK_MESSAGE(false, problem.describe());
        REQUIRE_MESSAGE(m_renderer.ok(), m_renderer.error());
        REQUIRE_MESSAGE(m_renderer.fontWarning().empty(), m_renderer.fontWarning());
    }

    void everything() {
        for (const std::string& language : m_nav.languages()) {
            m_nav.apply(core::GoHome{}, m_clock.now());
            m_nav.apply(core::SetLanguage{language}, m_clock.now());
            look(language + " home");
            for (const core::Pack& pack : m_library.packs) walkPack(pack, language);
        }
    }

    int screens() const { return m_screens; }
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    void apply(const core::Intent& intent) { m_nav.apply(intent, m_clock.now()); }

    // One frame is enough: every text of the screen is laid out (and audited) in every frame,
    // scrolled into view or not.
    void look(const std::string& where) {
        m_renderer.frame(m_nav, m_clock.now());
        ++m_screens;
        for (const ui::RenderProblem& problem : m_renderer.ui()->audit().problems()) {
            m_problems.push_back(m_size + " " + where + ": " + problem.describe());
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
    int m_screens = 0;
    std::vector<std::string> m_problems;
};

// The shipped config's content and languages: what a visitor meets.
void walkSampleContentAt(int width, int height) {
    const auto config = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
    REQUIRE(config.ok());
    ContentWalk walk(config.value().contentFolders, config.value().languages, config.value().defaultLanguage, width, height);
    walk.everything();
    // 8 packs in 4 languages: far more than this, unless the walk silently skipped content.
    CHECK(walk.screens() > 200);
    std::string all;
    for (const std::string& problem : walk.problems()) all += "\n  " + problem;
    CHECK_MESSAGE(walk.problems().empty(), walk.problems().size() << " text problems on " << walk.screens() << " screens:" << all);
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(part) != std::string::npos; });
}

}  // namespace

// Guards the guard: a pack that validates but shows raw stars, a missing glyph and a word wider
// than its tile must fail the walk, each for its own reason.
TEST_CASE("content walk: finds raw markup, missing glyphs and text too big for its box") {
    ContentWalk walk({KIOSK_TEST_DATA "/audit-content"}, {"de"}, "de", 1280, 720);
    walk.everything();
    const auto& found = walk.problems();
    CHECK(anyContains(found, "de audit-pack/start: raw markup '**' in 'Das ist **wichtig**'"));
    CHECK(anyContains(found, "de audit-pack/start: missing glyph U+6B22 in 'Willkommen"));
    CHECK(anyContains(found, "de audit-pack/start: does not fit its box"));
    CHECK(anyContains(found, "'WWWWWWWWWWWW'"));
}

TEST_CASE("content walk: every sample screen in every language at 1920x1080 shows all its text, fitted and clean") {
    walkSampleContentAt(1920, 1080);
}

TEST_CASE("content walk: every sample screen in every language at 1280x720 shows all its text, fitted and clean") {
    walkSampleContentAt(1280, 720);
}

TEST_CASE("content walk: every sample screen in every language in portrait 1080x1920 shows all its text, fitted and clean") {
    walkSampleContentAt(1080, 1920);
}
