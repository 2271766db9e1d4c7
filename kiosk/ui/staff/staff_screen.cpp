// Large keys and plain words: staff are not administrators, and they stand at a public screen.
#include "ui/staff/staff_screen.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <string>
#include <utility>

#include <sodium.h>

#include "core/sync/sync_status.hpp"
#include "core/usage/usage_database.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

// Staff who walk away leave no open door: the screen closes after this long without a touch.
constexpr double kCloseAfterSeconds = 120.0;
constexpr std::size_t kLongestPin = 12;

const StaffStrings& wordsFor(const FrameContext& ctx) { return staffStrings(ctx.languages.front()); }

// Staff screens fill the display, opaque: nothing of the visitor's screen shows or takes a touch.
ImVec2 fillBackground(const FrameContext& ctx) {
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), ctx.theme.colors().surface);
    return size;
}

}  // namespace

bool StaffScreen::draw(FrameContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    const double now = ImGui::GetTime();
    if (ImGui::IsMouseClicked(0)) {
        m_lastTouch = now;
        if (m_mode == Mode::Closed && m_access.pin &&
            m_gesture.noteTap(io.MousePos.x, io.MousePos.y, io.DisplaySize.x, io.DisplaySize.y, now)) {
            m_mode = Mode::Pin;
            // Say at once what stands in the way, before anyone types a PIN in vain.
            const auto wait = m_access.pin->waitLeft();
            m_message = !m_access.pin->isSet() ? wordsFor(ctx).noPinSet
                        : wait.count() > 0     ? fillPlaceholders(wordsFor(ctx).waitSeconds, {{"seconds", std::to_string(wait.count())}})
                                               : "";
        }
    }
    if (m_mode != Mode::Closed && now - m_lastTouch > kCloseAfterSeconds) close();
    if (m_mode == Mode::Pin) drawPinPad(ctx);
    if (m_mode == Mode::Menu) drawMenu(ctx);
    if (m_mode == Mode::Stats) drawStats(ctx);
    if (m_mode == Mode::SelfTest) {
        fillBackground(ctx);
        if (m_selfTestView.draw(ctx)) {
            m_selfTestView.close();
            m_mode = Mode::Menu;
        }
    }
    return m_mode != Mode::Closed;
}

StaffRequest StaffScreen::takeRequest() { return std::exchange(m_request, StaffRequest::None); }

void StaffScreen::close() {
    if (!m_digits.empty()) sodium_memzero(m_digits.data(), m_digits.size());
    m_digits.clear();
    m_message.clear();
    m_statsView.close();
    m_mode = Mode::Closed;
}

void StaffScreen::pressKey(char key) {
    if (key == '<') {
        if (!m_digits.empty()) m_digits.back() = '\0', m_digits.pop_back();
    } else if (m_digits.size() < kLongestPin) {
        m_digits.push_back(key);
    }
}

void StaffScreen::submitPin(FrameContext& ctx) {
    const StaffStrings& words = wordsFor(ctx);
    // Argon2id takes about 0.1 s here, on the frame loop: staff wait that once, and no visitor
    // is using the screen while the PIN pad is open.
    const core::StaffPin::Verdict verdict = m_access.pin->verify(m_digits);
    sodium_memzero(m_digits.data(), m_digits.size());
    m_digits.clear();
    using Kind = core::StaffPin::Verdict::Kind;
    const std::string wait = fillPlaceholders(words.waitSeconds, {{"seconds", std::to_string(verdict.wait.count())}});
    switch (verdict.kind) {
        case Kind::Accepted:
            // Read once per opening: the menu never touches a file while it is drawn.
            m_facts = readStaffFacts(m_access);
            m_syncStarted = false;
            m_importStarted = false;
            m_mode = Mode::Menu;
            m_message.clear();
            m_request = StaffRequest::TookOver;
            break;
        case Kind::Wrong: m_message = std::string(words.wrongPin) + (verdict.wait.count() > 0 ? " " + wait : ""); break;
        case Kind::Waiting: m_message = wait; break;
        case Kind::NotSet: m_message = words.noPinSet; break;
        case Kind::Unreadable: m_message = std::string(words.pinUnreadable) + " " + verdict.detail; break;
    }
}

void StaffScreen::drawPinPad(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const StaffStrings& words = wordsFor(ctx);
    const ImVec2 size = fillBackground(ctx);
    const float key = std::max(theme.touchTarget() * 1.4f, theme.em(4.0f));
    const float gap = theme.em(0.8f);
    const float padWidth = 3 * key + 2 * gap;
    const float x = (size.x - padWidth) * 0.5f;
    const float textWidth = std::min(size.x - theme.em(4.0f), theme.em(30.0f));
    const float textX = (size.x - textWidth) * 0.5f;

    ImGui::SetCursorPos(ImVec2(textX, theme.em(2.0f)));
    drawWrapped(ctx, theme.fonts().display, colors.text, words.title, textWidth, kLabelLineHeight);
    ImGui::SetCursorPosX(textX);
    drawWrapped(ctx, theme.fonts().body, colors.textMuted, words.enterPin, textWidth);

    // One dot per digit typed, never the digits.
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 dotsAt = ImGui::GetCursorScreenPos();
    const float dot = theme.em(0.9f);
    const float dotsWidth = static_cast<float>(std::max<std::size_t>(m_digits.size(), 1)) * dot * 1.6f;
    const float dotY = dotsAt.y + theme.em(1.2f);
    for (std::size_t i = 0; i < m_digits.size(); ++i) {
        draw.AddCircleFilled(ImVec2(ImGui::GetWindowPos().x + (size.x - dotsWidth) * 0.5f + dot * 0.8f + static_cast<float>(i) * dot * 1.6f, dotY),
                             dot * 0.5f, colors.text, 24);
    }
    ImGui::Dummy(ImVec2(0, theme.em(2.4f)));
    if (!m_message.empty()) {
        ImGui::SetCursorPosX(textX);
        drawWrapped(ctx, theme.fonts().bodyBold, colors.text, m_message, textWidth);
    }
    ImGui::Dummy(ImVec2(0, theme.em(0.8f)));

    static constexpr std::array<char, 12> kKeys{'1', '2', '3', '4', '5', '6', '7', '8', '9', '<', '0', '='};
    const float top = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        const char k = kKeys[i];
        ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i % 3) * (key + gap), top + static_cast<float>(i / 3) * (key + gap)));
        // The delete key is a drawn arrow: the fonts' glyph set has no ⌫.
        const std::string label = k == '<' ? "" : k == '=' ? words.ok : std::string(1, k);
        const std::string id = k == '<' ? "staff/key/back" : k == '=' ? "staff/key/ok" : std::string("staff/key/") + k;
        const ButtonSpec spec{id, label, k == '=' ? ButtonStyle::Primary : ButtonStyle::Secondary, k == '<' ? Icon::Back : Icon::None};
        if (!touchButton(ctx, spec, ImVec2(key, key))) continue;
        if (k == '=') {
            submitPin(ctx);
        } else {
            pressKey(k);
        }
    }
    ImGui::SetCursorPos(ImVec2(x, top + 4 * (key + gap)));
    if (touchButton(ctx, ButtonSpec{"staff/cancel", words.cancel, ButtonStyle::Secondary}, ImVec2(padWidth, theme.touchTarget()))) {
        close();
    }
}

void StaffScreen::drawMenu(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const StaffStrings& words = wordsFor(ctx);
    const ImVec2 size = fillBackground(ctx);
    // A landscape screen has room beside the status, not below it: the actions go into a column
    // on the right, so a status that grows (a sync problem, a full disk) never pushes them off
    // a 720 p display. A portrait screen stacks them under the status.
    const bool beside = size.x >= size.y * 1.2f;
    const float total = std::min(size.x - theme.em(4.0f), theme.em(beside ? 60.0f : 36.0f));
    const float left = (size.x - total) * 0.5f;
    const float gap = theme.em(2.0f);
    const float width = beside ? (total - gap) * 0.62f : total;
    const float actionsX = beside ? left + width + gap : left;
    const float actionsWidth = beside ? total - width - gap : total;
    const float x = left;
    const float labelWidth = theme.em(8.0f);
    auto line = [&](const char* label, const std::string& value, ImU32 valueColor) {
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(x, y + theme.em(0.15f)));
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, label, labelWidth - theme.em(0.5f), kLabelLineHeight);
        const float labelBottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(x + labelWidth, y));
        drawWrapped(ctx, theme.fonts().bodyBold, valueColor, value, width - labelWidth, kLabelLineHeight);
        ImGui::SetCursorPosY(std::max(labelBottom, ImGui::GetCursorPosY()) + theme.em(0.3f));
    };

    const float top = theme.em(1.5f);
    ImGui::SetCursorPos(ImVec2(x, top));
    drawWrapped(ctx, theme.fonts().display, colors.text, words.statusTitle, width, kLabelLineHeight);
    ImGui::Dummy(ImVec2(0, theme.em(0.6f)));
    const float statusTop = ImGui::GetCursorPosY();
    for (const StatusLine& status : staffStatusLines({m_access, m_facts, ctx.nav.library(), words, ImGui::GetTime()})) {
        const ImVec2 from = ImGui::GetCursorScreenPos();
        const ImU32 color = status.problem ? colors.failure : colors.text;
        if (status.label.empty()) {
            ImGui::SetCursorPosX(x);
            drawWrapped(ctx, theme.fonts().bodyBold, color, status.value, width);
        } else {
            line(status.label.c_str(), status.value, color);
        }
        if (!status.itemId.empty()) ctx.items.record(status.itemId, ImVec2(x, from.y), ImVec2(x + width, ImGui::GetCursorScreenPos().y));
    }
    if (beside) {
        ImGui::SetCursorPosY(statusTop);
    } else {
        ImGui::Dummy(ImVec2(0, theme.em(1.0f)));
    }
    drawActions(ctx, actionsX, actionsWidth, beside);
}

void StaffScreen::drawActions(FrameContext& ctx, float x, float width, bool oneColumn) {
    const Theme& theme = ctx.theme;
    const StaffStrings& words = wordsFor(ctx);
    const float height = std::max(theme.touchTarget(), theme.em(3.0f));
    const float gap = theme.em(0.6f);
    std::string tapped;
    // One button per row in a column; side by side in rows of their group under the status.
    auto row = [&](const std::vector<ButtonSpec>& buttons) {
        const std::size_t perRow = oneColumn ? 1 : buttons.size();
        for (std::size_t first = 0; first < buttons.size(); first += perRow) {
            const std::size_t count = std::min(perRow, buttons.size() - first);
            const float buttonWidth = (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
            const float rowY = ImGui::GetCursorPosY();
            for (std::size_t i = 0; i < count; ++i) {
                ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (buttonWidth + gap), rowY));
                if (touchButton(ctx, buttons[first + i], ImVec2(buttonWidth, height))) tapped = buttons[first + i].itemId;
            }
            ImGui::SetCursorPosY(rowY + height + gap);
        }
    };
    // The content: what is on the screen and where it comes from.
    std::vector<ButtonSpec> content{ButtonSpec{"staff/reload", words.reload, ButtonStyle::Primary}};
    if (m_access.syncNow && !m_access.syncCatalogs.empty()) content.push_back(ButtonSpec{"staff/sync-now", words.syncNow, ButtonStyle::Secondary});
    if (m_access.importNow) content.push_back(ButtonSpec{"staff/import", words.importUsb, ButtonStyle::Secondary});
    row(content);
    // Checks, and the kiosk itself.
    std::vector<ButtonSpec> checks;
    if (m_access.wallClock) checks.push_back(ButtonSpec{"staff/stats", words.statistics, ButtonStyle::Secondary});
    if (m_access.selfTest) checks.push_back(ButtonSpec{"staff/selftest", words.selfTest, ButtonStyle::Secondary});
    checks.push_back(ButtonSpec{"staff/restart", words.restart, ButtonStyle::Secondary});
    row(checks);
    for (const char* started : {m_syncStarted ? words.syncStarted : nullptr, m_importStarted ? words.importStarted : nullptr}) {
        if (started == nullptr) continue;
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().small, theme.colors().textMuted, started, width);
        ImGui::Dummy(ImVec2(0, gap));
    }
    std::vector<ButtonSpec> leaving{ButtonSpec{"staff/close", words.close, ButtonStyle::Secondary}};
    if (m_access.allowQuit) leaving.push_back(ButtonSpec{"staff/exit", words.exitKiosk, ButtonStyle::Secondary});
    row(leaving);

    if (tapped == "staff/reload") {
        m_request = StaffRequest::ReloadContent;
    } else if (tapped == "staff/sync-now") {
        m_access.syncNow();
        m_syncStarted = true;
    } else if (tapped == "staff/import") {
        m_access.importNow();
        m_importStarted = true;
    } else if (tapped == "staff/stats") {
        openStats();
    } else if (tapped == "staff/selftest") {
        m_selfTestView.open(m_access.selfTest());
        m_mode = Mode::SelfTest;
    } else if (tapped == "staff/restart") {
        m_request = StaffRequest::Restart;
        close();
    } else if (tapped == "staff/close") {
        close();
    } else if (tapped == "staff/exit") {
        m_request = StaffRequest::Exit;
        close();
    }
}

void StaffScreen::openStats() {
    m_mode = Mode::Stats;
    m_statsView.open(m_access.stateFolder, m_access.wallClock->now(), m_access.minCellSessions);
}

void StaffScreen::drawStats(FrameContext& ctx) {
    fillBackground(ctx);
    if (m_statsView.draw(ctx)) {
        m_statsView.close();
        m_mode = Mode::Menu;
    }
}

}  // namespace kiosk::ui
