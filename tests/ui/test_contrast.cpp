// WCAG contrast arithmetic against known pairs, and the draw-data meter against a frame whose
// colours are known: text on a card, under a translucent layer, on a picture, covered, clipped.
#include <algorithm>
#include <cstdint>
#include <string>

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/pack/pack_library.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"
#include "ui/contrast.hpp"
#include "ui/text_contrast.hpp"

namespace {

using namespace kiosk;

constexpr ImU32 rgb(unsigned value) { return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 0xFF); }

const ui::TextContrast* findText(const ui::FrameContrast& frame, const std::string& text) {
    const auto found = std::find_if(frame.texts.begin(), frame.texts.end(), [&](const ui::TextContrast& t) { return t.text == text; });
    return found == frame.texts.end() ? nullptr : &*found;
}

std::string allTexts(const ui::FrameContrast& frame) {
    std::string all;
    for (const ui::TextContrast& t : frame.texts) all += " '" + t.text + "'";
    return std::to_string(frame.texts.size()) + " texts:" + all;
}

}  // namespace

TEST_CASE("contrast: WCAG ratios of known colour pairs") {
    CHECK(ui::contrastRatio(rgb(0x000000), rgb(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(ui::contrastRatio(rgb(0xFFFFFF), rgb(0x000000)) == doctest::Approx(21.0));  // either order
    CHECK(ui::contrastRatio(rgb(0x767676), rgb(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.002));  // the lightest AA grey
    CHECK(ui::contrastRatio(rgb(0x777777), rgb(0xFFFFFF)) < 4.5);
    CHECK(ui::contrastRatio(rgb(0x595959), rgb(0xFFFFFF)) == doctest::Approx(7.0).epsilon(0.002));
    CHECK(ui::contrastRatio(rgb(0x0000FF), rgb(0xFFFFFF)) == doctest::Approx(8.59).epsilon(0.002));
    CHECK(ui::contrastRatio(rgb(0xFF0000), rgb(0xFFFFFF)) == doctest::Approx(4.0).epsilon(0.002));
    CHECK(ui::contrastRatio(rgb(0x3A7BD5), rgb(0x3A7BD5)) == doctest::Approx(1.0));
    CHECK(ui::relativeLuminance(rgb(0xFFFFFF)) == doctest::Approx(1.0));
    CHECK(ui::relativeLuminance(rgb(0x000000)) == doctest::Approx(0.0));
}

TEST_CASE("contrast: a translucent colour blends over its background, and large text is counted in ems") {
    CHECK(ui::blendOver(IM_COL32(0, 0, 0, 128), rgb(0xFFFFFF)) == rgb(0x7F7F7F));
    CHECK(ui::blendOver(IM_COL32(0x12, 0x34, 0x56, 255), rgb(0xFFFFFF)) == rgb(0x123456));
    CHECK(ui::blendOver(IM_COL32(0x12, 0x34, 0x56, 0), rgb(0xABCDEF)) == rgb(0xABCDEF));
    // At 1080p one em is 30 px: 45 px regular or 35 px bold is large, body and subheadings are not.
    CHECK(ui::isLargeText(45.0f, false, 30.0f));
    CHECK_FALSE(ui::isLargeText(44.0f, false, 30.0f));
    CHECK(ui::isLargeText(35.0f, true, 30.0f));
    CHECK_FALSE(ui::isLargeText(34.5f, true, 30.0f));
    CHECK_FALSE(ui::isLargeText(30.0f, true, 30.0f));
    CHECK(ui::requiredContrast(false) == 4.5);
    CHECK(ui::requiredContrast(true) == 3.0);
    CHECK(ui::requiredContrast(false, ui::ContrastLevel::AAA) == 7.0);
    CHECK(ui::requiredContrast(true, ui::ContrastLevel::AAA) == 4.5);
}

TEST_CASE("text contrast: measured from the draw data over cards, translucent layers and pictures, not behind covers") {
    platform::HeadlessRenderer renderer(1280, 720, platform::systemFontFiles());
    REQUIRE(renderer.ok());
    core::PackLibrary library;
    core::Navigator nav{library, {"de"}, "de", std::chrono::seconds(60), core::TimePoint{}};
    renderer.frame(nav, core::TimePoint{});  // one kiosk frame builds the font atlas

    const ui::Fonts& fonts = renderer.theme().fonts();
    const ImU32 clear = rgb(0xF3F6FA);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 720));
    ImGui::Begin("contrast", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float size = fonts.body->FontSize;
    draw.AddRectFilled(ImVec2(10, 10), ImVec2(600, 100), rgb(0xFFFFFF), 12.0f);
    draw.AddText(fonts.body, size, ImVec2(20, 20), rgb(0x777777), "Grau auf Weiß");
    draw.AddText(fonts.heading, fonts.heading->FontSize, ImVec2(20, 55), rgb(0x777777), "Groß");
    draw.AddText(fonts.body, size, ImVec2(700, 20), rgb(0x1B2330), "Auf dem Grund");
    draw.AddRectFilled(ImVec2(10, 120), ImVec2(600, 200), rgb(0xFFFFFF));
    draw.AddRectFilled(ImVec2(10, 120), ImVec2(600, 200), IM_COL32(0, 0, 0, 128));
    draw.AddText(fonts.body, size, ImVec2(20, 130), IM_COL32(0, 0, 0, 255), "Schwarz unter Schleier");
    draw.AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)), ImVec2(10, 220), ImVec2(600, 300));
    draw.AddText(fonts.bodyBold, size, ImVec2(20, 230), rgb(0xFFFFFF), "Weiß auf Bild");
    draw.AddText(fonts.body, size, ImVec2(20, 330), rgb(0xEEEEEE), "Verdeckt");
    draw.AddRectFilled(ImVec2(10, 320), ImVec2(600, 400), rgb(0x1B2330));
    // Scrolled nearly out of a list: ImGui still emits the line whose top is inside, the clip
    // rectangle hides every glyph.
    draw.PushClipRect(ImVec2(10, 420), ImVec2(600, 431));
    draw.AddText(fonts.body, size, ImVec2(20, 430), rgb(0xEEEEEE), "Weggeschnitten");
    draw.PopClipRect();
    ImGui::End();
    ImGui::Render();

    const auto styles = ui::fontStyles(fonts);
    const ui::TextContrastMeter meter(*ImGui::GetIO().Fonts, styles, renderer.theme().em());
    const ui::FrameContrast frame = meter.measure(*ImGui::GetDrawData(), clear);

    INFO(allTexts(frame), ", hidden glyphs: ", frame.hiddenGlyphs);
    const ui::TextContrast* grey = findText(frame, "Grau auf Weiß");
    REQUIRE(grey != nullptr);
    CHECK(grey->background == rgb(0xFFFFFF));
    CHECK(grey->ratio == doctest::Approx(ui::contrastRatio(rgb(0x777777), rgb(0xFFFFFF))));
    CHECK_FALSE(grey->large);
    CHECK_FALSE(grey->bold);
    CHECK(grey->fontPixels == doctest::Approx(size));

    const ui::TextContrast* large = findText(frame, "Groß");
    REQUIRE(large != nullptr);
    CHECK(large->large);
    CHECK(large->bold);

    const ui::TextContrast* onClear = findText(frame, "Auf dem Grund");
    REQUIRE(onClear != nullptr);
    CHECK(onClear->background == clear);

    const ui::TextContrast* veiled = findText(frame, "Schwarz unter Schleier");
    REQUIRE(veiled != nullptr);
    CHECK(veiled->background == rgb(0x7F7F7F));
    CHECK(veiled->ratio == doctest::Approx(ui::contrastRatio(rgb(0x000000), rgb(0x7F7F7F))));

    // A picture may be white where the text is: white text on it is measured as 1:1.
    const ui::TextContrast* onPicture = findText(frame, "Weiß auf Bild");
    REQUIRE(onPicture != nullptr);
    CHECK(onPicture->overImage);
    CHECK(onPicture->ratio == doctest::Approx(1.0));

    CHECK(findText(frame, "Verdeckt") == nullptr);
    CHECK(findText(frame, "Weggeschnitten") == nullptr);
    CHECK(frame.hiddenGlyphs == 8 + 14);
    CHECK(frame.texts.size() == 5);
}
