#include "ui/staff/staff_self_test_view.hpp"

#include <algorithm>

#include "ui/imgui_scoped.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {

void StaffSelfTestView::open(std::vector<core::SelfTestCheck> checks) {
    m_checks = std::move(checks);
    m_toTop = true;
}

bool StaffSelfTestView::draw(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const StaffStrings& words = staffStrings(ctx.nav.language());
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = theme.em(2.0f);
    const float width = size.x - 2 * margin;

    ImGui::SetCursorPos(ImVec2(margin, theme.em(1.2f)));
    drawWrapped(ctx, theme.fonts().display, colors.text, words.selfTestTitle, width - theme.em(10.0f), kLabelLineHeight);
    const ButtonSpec back{"staff/selftest/back", words.back, ButtonStyle::Secondary, Icon::Back};
    const float backWidth = buttonWidth(ctx, back);
    ImGui::SetCursorPos(ImVec2(size.x - margin - backWidth, theme.em(1.0f)));
    const bool leave = touchButton(ctx, back, ImVec2(backWidth, theme.touchTarget()));

    const auto toFix = std::count_if(m_checks.begin(), m_checks.end(), [](const auto& c) { return !c.ok; });
    ImGui::SetCursorPos(ImVec2(margin, theme.em(4.6f)));
    const std::string verdict = toFix == 0 ? std::string(words.selfTestReady)
                                           : fillPlaceholders(words.selfTestNotReady, {{"count", std::to_string(toFix)}});
    const ImVec2 verdictTop = ImGui::GetCursorScreenPos();
    drawWrapped(ctx, theme.fonts().heading, toFix == 0 ? colors.success : colors.failure, verdict, width, kLabelLineHeight);
    ctx.items.record(toFix == 0 ? "staff/selftest/ready" : "staff/selftest/not-ready/" + std::to_string(toFix), verdictTop,
                     ImVec2(verdictTop.x + width, ImGui::GetCursorScreenPos().y));
    ImGui::Dummy(ImVec2(0, theme.em(0.6f)));

    // The checks scroll by touch: eight of them with their fixes are taller than a 720 p display.
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(0, top));
    const scoped::Child area("staff/selftest/list", ImVec2(size.x, size.y - top), ImGuiWindowFlags_None);
    if (m_toTop) ImGui::SetScrollY(0.0f);
    m_toTop = false;
    const float labelWidth = theme.em(6.0f);
    for (const core::SelfTestCheck& check : m_checks) {
        const float y = ImGui::GetCursorPosY() + theme.em(0.4f);
        const ImVec2 rowTop(ImGui::GetCursorScreenPos().x + margin, ImGui::GetCursorScreenPos().y);
        ImGui::SetCursorPos(ImVec2(margin, y));
        drawWrapped(ctx, theme.fonts().bodyBold, check.ok ? colors.success : colors.failure, check.ok ? words.selfTestOk : words.selfTestFix,
                    labelWidth - theme.em(0.5f), kLabelLineHeight);
        const float labelBottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(margin + labelWidth, y));
        drawWrapped(ctx, theme.fonts().bodyBold, colors.text, check.name, width - labelWidth, kLabelLineHeight);
        ImGui::SetCursorPosX(margin + labelWidth);
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, check.detail, width - labelWidth);
        if (!check.ok) {
            ImGui::SetCursorPosX(margin + labelWidth);
            drawWrapped(ctx, theme.fonts().small, colors.text, check.fix, width - labelWidth);
        }
        ImGui::SetCursorPosY(std::max(labelBottom, ImGui::GetCursorPosY()) + theme.em(0.3f));
        ctx.items.record("staff/selftest/" + check.name + (check.ok ? "/ok" : "/fix"), rowTop,
                         ImVec2(rowTop.x + width, ImGui::GetCursorScreenPos().y));
    }
    ImGui::Dummy(ImVec2(0, margin));
    touchScroll(ctx);
    return leave;
}

}  // namespace kiosk::ui
