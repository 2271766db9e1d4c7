// Top bar layout: navigation on the left where a hand expects "back", languages on the right.
#include "ui/widgets/top_bar.hpp"

#include <algorithm>

#include "ui/widgets/buttons.hpp"

namespace kiosk::ui {
namespace {

// Chips right-aligned, ending at `right`; returns where the leftmost chip starts.
float drawLanguageSwitch(FrameContext& ctx, float right, float centerY) {
    const Theme& theme = ctx.theme;
    const float height = theme.em(2.2f);
    const auto& languages = ctx.nav.languages();
    float x = right;
    for (auto it = languages.rbegin(); it != languages.rend(); ++it) {
        ButtonSpec spec{"bar/lang/" + *it, languageName(*it), ButtonStyle::Chip, Icon::None, *it == ctx.nav.language()};
        const float width = std::max(buttonWidth(ctx, spec), height * 1.6f);
        x -= width;
        ImGui::SetCursorScreenPos(ImVec2(x, centerY - height * 0.5f));
        if (touchButton(ctx, spec, ImVec2(width, height)) && !spec.selected) {
            ctx.intents.push_back(core::SetLanguage{*it});
        }
        x -= theme.em(0.4f);
    }
    return x;
}

}  // namespace

float topBarHeight(const Theme& theme) { return theme.em(3.8f); }

void drawTopBar(FrameContext& ctx, std::string_view title, bool showNavigation) {
    const Theme& theme = ctx.theme;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth();
    const float height = topBarHeight(theme);
    const float centerY = origin.y + height * 0.5f;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), theme.colors().surface);
    // A filled rectangle, not a line: SDL's software renderer draws a thin anti-aliased line as two
    // triangles of unequal coverage, and half of the border would vanish.
    draw.AddRectFilled(ImVec2(origin.x, origin.y + height - theme.hairline()), ImVec2(origin.x + width, origin.y + height),
                       theme.colors().border);

    const float margin = theme.em(1.2f);
    float x = origin.x + margin;
    if (showNavigation) {
        const float buttonHeight = theme.touchTarget();
        ButtonSpec back{"bar/back", ctx.strings.back, ButtonStyle::Secondary, Icon::Back};
        ButtonSpec home{"bar/home", ctx.strings.home, ButtonStyle::Secondary, Icon::Home};
        for (ButtonSpec* spec : {&back, &home}) {
            const float buttonWide = buttonWidth(ctx, *spec);
            ImGui::SetCursorScreenPos(ImVec2(x, centerY - buttonHeight * 0.5f));
            if (touchButton(ctx, *spec, ImVec2(buttonWide, buttonHeight))) {
                if (spec == &back) {
                    ctx.intents.push_back(core::GoBack{});
                } else {
                    ctx.intents.push_back(core::GoHome{});
                }
            }
            x += buttonWide + theme.em(0.6f);
        }
        x += theme.em(0.6f);
    }
    const float languagesStart = drawLanguageSwitch(ctx, origin.x + width - margin, centerY);

    // The title takes what is left between the buttons and the language switch, clipped, never wrapped.
    ImFont* font = theme.fonts().bodyBold;
    const ImVec4 clip(x, origin.y, std::max(x, languagesStart - theme.em(0.6f)), origin.y + height);
    draw.AddText(font, font->FontSize, ImVec2(x, centerY - font->FontSize * 0.6f), theme.colors().text,
                 title.data(), title.data() + title.size(), 0.0f, &clip);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

}  // namespace kiosk::ui
