// Large keys and plain words: staff are not administrators, and they stand at a public screen.
#include "ui/staff/staff_screen.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <sodium.h>

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

std::string uptimeText(double seconds) {
    const long total = static_cast<long>(seconds);
    const long hours = total / 3600;
    const long minutes = (total % 3600) / 60;
    if (hours > 0) return std::to_string(hours) + " h " + (minutes < 10 ? "0" : "") + std::to_string(minutes) + " min";
    return std::to_string(minutes) + " min";
}

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
    return m_mode != Mode::Closed;
}

StaffRequest StaffScreen::takeRequest() { return std::exchange(m_request, StaffRequest::None); }

void StaffScreen::close() {
    if (!m_digits.empty()) sodium_memzero(m_digits.data(), m_digits.size());
    m_digits.clear();
    m_message.clear();
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
    const float width = std::min(size.x - theme.em(4.0f), theme.em(36.0f));
    const float x = (size.x - width) * 0.5f;
    auto line = [&](const char* label, const std::string& value) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, label, width, kLabelLineHeight);
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().bodyBold, colors.text, value, width, kLabelLineHeight);
        ImGui::Dummy(ImVec2(0, theme.em(0.5f)));
    };

    ImGui::SetCursorPos(ImVec2(x, theme.em(2.0f)));
    drawWrapped(ctx, theme.fonts().display, colors.text, words.statusTitle, width, kLabelLineHeight);
    ImGui::Dummy(ImVec2(0, theme.em(0.8f)));
    line(words.version, KIOSK_VERSION);
    line(words.uptime, uptimeText(ImGui::GetTime()));
    const core::PackLibrary& library = ctx.nav.library();
    std::string packs;
    for (const core::Pack& pack : library.packs) packs += (packs.empty() ? "" : ", ") + pack.id + " " + pack.version;
    line(words.packs, std::to_string(library.packs.size()) + (packs.empty() ? "" : ": " + packs));
    std::string folders;
    for (const auto& folder : m_access.contentFolders) folders += (folders.empty() ? "" : ", ") + folder.string();
    line(words.contentFolders, folders);
    const auto errors = std::count_if(library.problems.begin(), library.problems.end(), [](const core::Error& e) { return !e.isWarning(); });
    if (errors > 0) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().bodyBold, colors.failure,
                    fillPlaceholders(words.contentProblems, {{"count", std::to_string(errors)}}), width);
    }
    ImGui::Dummy(ImVec2(0, theme.em(1.2f)));

    const ImVec2 button(width, std::max(theme.touchTarget(), theme.em(3.2f)));
    ImGui::SetCursorPosX(x);
    if (touchButton(ctx, ButtonSpec{"staff/reload", words.reload, ButtonStyle::Primary}, button)) {
        m_request = StaffRequest::ReloadContent;
    }
    ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    ImGui::SetCursorPosX(x);
    if (touchButton(ctx, ButtonSpec{"staff/close", words.close, ButtonStyle::Secondary}, button)) close();
    ImGui::Dummy(ImVec2(0, theme.em(0.4f)));
    ImGui::SetCursorPosX(x);
    if (touchButton(ctx, ButtonSpec{"staff/exit", words.exitKiosk, ButtonStyle::Secondary}, button)) {
        m_request = StaffRequest::Exit;
        close();
    }
}

}  // namespace kiosk::ui
