// The text layout's line breaking with the kiosk's real fonts: where a word wider than its line
// may break (a web address, at its slashes and dots) and where it must be reported instead.
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/render_audit.hpp"
#include "ui/widgets/text_layout.hpp"

namespace {

using namespace kiosk;

// The layout's lines as text, "|" between them.
std::string linesOf(const ui::TextLayout& layout) {
    std::string lines;
    float top = -1;
    for (const ui::PlacedText& piece : layout.pieces) {
        if (top >= 0 && piece.lineTop != top) lines += '|';
        top = piece.lineTop;
        lines += std::string(piece.text);
    }
    return lines;
}

// Fonts are in the atlas once a frame was drawn; any screen will do.
struct LoadedFonts {
    core::PackLibrary library;
    core::ManualClock clock;
    core::Navigator nav;
    platform::HeadlessRenderer renderer;

    LoadedFonts() : nav(library, {"de"}, "de", std::chrono::seconds(60), clock.now()), renderer(1280, 720, platform::systemFontFiles()) {
        REQUIRE_MESSAGE(renderer.ok(), renderer.error());
        renderer.frame(nav, clock.now());
    }
    ImFont* body() const { return renderer.theme().fonts().body; }
};

}  // namespace

TEST_CASE("text layout: a web address wider than its line breaks after a slash or before a dot, and is no overflow") {
    LoadedFonts fonts;
    ui::RenderAudit audit;
    const std::string_view path = "gematik.de/anwendungen/e-patientenakte";
    const float narrow = ui::textWidth(fonts.body(), "gematik.de/anwendungen/") + 1.0f;
    const ui::TextLayout wrapped = ui::layoutText(fonts.body(), IM_COL32_WHITE, path, narrow, ui::kLabelLineHeight, &audit);
    CHECK(linesOf(wrapped) == "gematik.de/anwendungen/|e-patientenakte");
    CHECK(wrapped.size.x <= narrow);

    const std::string_view host = "wohnsitzanmeldung.gov.de";
    const float hostWidth = ui::textWidth(fonts.body(), "wohnsitzanmeldung") + 1.0f;
    CHECK(linesOf(ui::layoutText(fonts.body(), IM_COL32_WHITE, host, hostWidth, ui::kLabelLineHeight, &audit)) ==
          "wohnsitzanmeldung|.gov.de");
    CHECK_MESSAGE(audit.clean(), audit.problems().front().describe());

    // Where it fits, an address stays whole on its line, after the words before it.
    CHECK(linesOf(ui::layoutText(fonts.body(), IM_COL32_WHITE, "Siehe wohnsitzanmeldung.gov.de", 2000.0f, ui::kLabelLineHeight,
                                 &audit)) == "Siehe wohnsitzanmeldung.gov.de");
}

TEST_CASE("text layout: a word without slashes or inner dots wider than its line is cut and reported, its final dot too") {
    LoadedFonts fonts;
    ui::RenderAudit audit;
    const float narrow = ui::textWidth(fonts.body(), "Zulassungsbeh") + 1.0f;
    const ui::TextLayout cut = ui::layoutText(fonts.body(), IM_COL32_WHITE, "Zulassungsbehörde.", narrow, ui::kLabelLineHeight, &audit);
    CHECK(cut.lines == 2);
    REQUIRE(audit.problems().size() == 1);
    CHECK(audit.problems().front().kind == ui::RenderProblem::Kind::Overflow);
    CHECK(audit.problems().front().text == "Zulassungsbehörde.");

    // A piece between two breaks that is still too wide: not an address that fits, so reported.
    ui::RenderAudit second;
    const float tiny = ui::textWidth(fonts.body(), "gematik") + 1.0f;
    ui::layoutText(fonts.body(), IM_COL32_WHITE, "gematik.de/anwendungen", tiny, ui::kLabelLineHeight, &second);
    CHECK(second.problems().size() == 1);
}
