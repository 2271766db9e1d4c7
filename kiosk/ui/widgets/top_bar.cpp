// Top bar layout: navigation on the left where a hand expects "back", languages and the
// accessibility button on the right.
#include "ui/widgets/top_bar.hpp"

#include <algorithm>
#include <vector>

#include "ui/access_strings.hpp"
#include "ui/render_audit.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

float chipHeight(const Theme& theme) { return theme.em(2.2f); }
float chipGap(const Theme& theme) { return theme.em(0.4f); }

ButtonSpec languageChip(const FrameContext& ctx, const std::string& tag, bool compact, std::string& labelStorage) {
    labelStorage = compact ? languageShortName(tag) : std::string(languageName(tag));
    return ButtonSpec{"bar/lang/" + tag, labelStorage, ButtonStyle::Chip, Icon::None, tag == ctx.nav.language()};
}

float chipWidth(const FrameContext& ctx, const ButtonSpec& spec, bool compact) {
    const float height = chipHeight(ctx.theme);
    return std::max(buttonWidth(ctx, spec), compact ? height : height * 1.6f);
}

float languageSwitchWidth(const FrameContext& ctx, bool compact) {
    float width = 0;
    for (const auto& tag : ctx.nav.languages()) {
        std::string label;
        width += chipWidth(ctx, languageChip(ctx, tag, compact, label), compact) + chipGap(ctx.theme);
    }
    return width;
}

// Chips right-aligned, ending at `right`; returns where the leftmost chip starts. Drawn from
// left to right, so the non-visual mode reads them in the order the eye does.
float drawLanguageSwitch(FrameContext& ctx, bool compact, float right, float centerY) {
    const float height = chipHeight(ctx.theme);
    const float start = right - languageSwitchWidth(ctx, compact) + chipGap(ctx.theme);
    float x = start;
    for (const std::string& tag : ctx.nav.languages()) {
        std::string label;
        const ButtonSpec spec = languageChip(ctx, tag, compact, label);
        const float width = chipWidth(ctx, spec, compact);
        ImGui::SetCursorScreenPos(ImVec2(x, centerY - height * 0.5f));
        if (touchButton(ctx, spec, ImVec2(width, height)) && !spec.selected) {
            ctx.emit<core::SetLanguage>(tag);
        }
        x += width + chipGap(ctx.theme);
    }
    return start - chipGap(ctx.theme);
}

// The accessibility button: a circle a finger's width across, at the right end of the bar. Its
// place never changes, so a visitor told "the round button top right" finds it on every screen.
float accessibilityButtonSize(const Theme& theme) { return theme.touchTarget(); }

// The languages and the accessibility button travel together: everything on the bar's right.
float rightGroupWidth(const FrameContext& ctx, bool compact) {
    return languageSwitchWidth(ctx, compact) + accessibilityButtonSize(ctx.theme);
}

void drawAccessibilityButton(FrameContext& ctx, float right, float centerY) {
    const Theme& theme = ctx.theme;
    const float size = accessibilityButtonSize(theme);
    ImGui::SetCursorScreenPos(ImVec2(right - size, centerY - size * 0.5f));
    const auto [tapped, pressed, min, max] = tapTarget(ctx, "bar/accessibility", ImVec2(size, size));
    ctx.items.describeLast(accessStrings(ctx.languages).menuButton, ItemRole::Button);
    // Filled, as the sign is printed on doors and websites: it must stand out from the chips
    // beside it without being read.
    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddCircleFilled(center, size * 0.5f, pressed ? theme.colors().primaryPressed : theme.colors().primary, 40);
    drawIcon(draw, Icon::Accessibility, center, size * 0.78f, theme.em(0.09f), theme.colors().onPrimary);
    if (tapped && ctx.openAccessibilityMenu) *ctx.openAccessibilityMenu = true;
}

struct LanguageLayout {
    bool compact;
    bool ownRow;  // below the navigation row, when even short forms do not fit beside it
};

// Full names where they fit, short forms where those fit, otherwise a row of their own: the
// switch (and the accessibility button beside it) never covers back and home.
LanguageLayout chooseLanguageLayout(const FrameContext& ctx, float besideNavigation, float fullRow) {
    if (rightGroupWidth(ctx, false) <= besideNavigation) return {false, false};
    if (rightGroupWidth(ctx, true) <= besideNavigation) return {true, false};
    return {rightGroupWidth(ctx, false) > fullRow, true};
}

}  // namespace

void drawTopBar(FrameContext& ctx, std::string_view title, TopBarLeft left) {
    const Theme& theme = ctx.theme;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    const float rowHeight = theme.em(3.8f);
    const float margin = theme.em(1.2f);
    const float buttonHeight = theme.touchTarget();
    std::vector<ButtonSpec> buttons;
    if (left == TopBarLeft::BackAndHome) {
        buttons.push_back(ButtonSpec{"bar/back", ctx.strings.back, ButtonStyle::Secondary, Icon::Back});
        buttons.push_back(ButtonSpec{"bar/home", ctx.strings.home, ButtonStyle::Secondary, Icon::Home});
    } else {
        buttons.push_back(ButtonSpec{"bar/end-visit", ctx.strings.endVisit, ButtonStyle::Secondary});
    }
    float navigationWidth = theme.em(0.6f);
    for (const ButtonSpec& spec : buttons) navigationWidth += buttonWidth(ctx, spec) + theme.em(0.6f);
    // Room for the whole title between navigation and languages when they share the row; a title
    // that needs more sends the languages to a row of their own. Not on a screen short in ems
    // (large text on a landscape panel): there a second row would take a third of the height,
    // so the title gives way instead (the page's own heading says it in full).
    ImFont* font = theme.fonts().bodyBold;
    const bool shortScreen = ImGui::GetWindowHeight() < theme.em(26.0f);
    const float titleRoom = shortScreen ? 0.0f : std::max(theme.em(6.0f), textWidth(font, title) + theme.em(1.2f));
    const float besideNavigation = width - 2 * margin - navigationWidth - titleRoom;
    const LanguageLayout languages = chooseLanguageLayout(ctx, besideNavigation, width - 2 * margin);
    const float height = languages.ownRow ? rowHeight * 2 - theme.em(0.6f) : rowHeight;

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), theme.colors().surface);
    // A filled rectangle, not a line: SDL's software renderer draws a thin anti-aliased line as two
    // triangles of unequal coverage, and half of the border would vanish.
    draw.AddRectFilled(ImVec2(origin.x, origin.y + height - theme.hairline()), ImVec2(origin.x + width, origin.y + height),
                       theme.colors().border);

    const float centerY = origin.y + rowHeight * 0.5f;
    float x = origin.x + margin;
    for (const ButtonSpec& spec : buttons) {
        const float buttonWide = buttonWidth(ctx, spec);
        ImGui::SetCursorScreenPos(ImVec2(x, centerY - buttonHeight * 0.5f));
        if (touchButton(ctx, spec, ImVec2(buttonWide, buttonHeight))) {
            if (spec.itemId == "bar/back") {
                ctx.emit<core::GoBack>();
            } else if (spec.itemId == "bar/home") {
                ctx.emit<core::GoHome>();
            } else {
                ctx.emit<core::EndVisit>();
            }
        }
        x += buttonWide + theme.em(0.6f);
    }
    x += theme.em(0.6f);
    const float right = origin.x + width - margin;
    const float languagesY = languages.ownRow ? origin.y + height - rowHeight * 0.5f + theme.em(0.3f) : centerY;
    const float languagesRight = right - accessibilityButtonSize(theme) - chipGap(theme);
    const float languagesStart = drawLanguageSwitch(ctx, languages.compact, languagesRight, languagesY);
    drawAccessibilityButton(ctx, right, languagesY);
    const float titleEnd = languages.ownRow ? right : languagesStart - theme.em(0.6f);

    // The title takes what is left beside the buttons, on one line; on a screen too narrow even
    // with the languages on their own row it ends in "…" (the page's own heading says it in full).
    // Under 3 em only a letter and "…" would fit, which says nothing: then no title at all.
    const float titleWidth = titleEnd - x;
    if (titleWidth >= theme.em(3.0f)) {
        const std::string shown = ellipsized(font, title, titleWidth);
        if (ctx.audit) ctx.audit->checkText(font, shown);
        draw.AddText(font, font->FontSize, ImVec2(x, centerY - font->FontSize * 0.6f), theme.colors().text, shown.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

}  // namespace kiosk::ui
