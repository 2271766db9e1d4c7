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

struct SyncLine {
    std::string text;
    bool problem = false;
};

// What is shown of a catalog and when it was last synced, then the last attempt's problem.
SyncLine syncLine(const std::string& catalog, const std::vector<core::CatalogStatus>& statuses, const StaffStrings& words) {
    const auto status = std::find_if(statuses.begin(), statuses.end(), [&](const auto& s) { return s.catalog == catalog; });
    if (status == statuses.end()) return SyncLine{words.syncNever, true};
    SyncLine out;
    if (status->activeVersion > 0) {
        out.text = fillPlaceholders(words.syncShown, {{"version", std::to_string(status->activeVersion)}, {"packs", std::to_string(status->shown.size())}}) + "; ";
    }
    if (status->lastSuccess) {
        const std::time_t t = std::chrono::system_clock::to_time_t(*status->lastSuccess);
        std::tm local{};
        localtime_r(&t, &local);
        char when[32];
        std::strftime(when, sizeof when, "%d.%m.%Y %H:%M", &local);
        out.text += fillPlaceholders(words.syncLastSuccess, {{"time", when}});
    } else {
        out.text += words.syncNever;
    }
    if (!status->problem.empty()) {
        out.text += "\n" + status->problem;
        out.problem = true;
    }
    return out;
}

struct UsageLogStatus {
    std::string text;
    std::size_t problems = 0;  // 0: the log is well
};

// The log's own words (English, as in the operator's log file); the latest few, since a disk
// that keeps failing would otherwise fill the screen.
UsageLogStatus usageLogStatus(const core::SqliteUsageLog& log, const StaffStrings& words) {
    const std::vector<std::string> warnings = log.warnings();
    const std::uint64_t dropped = log.droppedEvents();
    UsageLogStatus status;
    constexpr std::size_t kShown = 3;
    for (std::size_t i = warnings.size() > kShown ? warnings.size() - kShown : 0; i < warnings.size(); ++i) {
        status.text += (status.text.empty() ? "" : "\n") + warnings[i];
    }
    if (dropped > 0) status.text += (status.text.empty() ? "" : "\n") + fillPlaceholders(words.usageDropped, {{"count", std::to_string(dropped)}});
    status.problems = warnings.size() + (dropped > 0 ? 1 : 0);
    if (status.problems == 0) status.text = words.usageLogOk;
    return status;
}

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
            m_syncStatus = core::readSyncStatus(m_access.stateFolder);
            m_syncStarted = false;
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
    // Label and value side by side: the status has to leave room for every button on a 720 p display.
    const float labelWidth = theme.em(9.0f);
    auto line = [&](const char* label, const std::string& value, ImU32 valueColor) {
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(x, y + theme.em(0.15f)));
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, label, labelWidth - theme.em(0.5f), kLabelLineHeight);
        const float labelBottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPos(ImVec2(x + labelWidth, y));
        drawWrapped(ctx, theme.fonts().bodyBold, valueColor, value, width - labelWidth, kLabelLineHeight);
        ImGui::SetCursorPosY(std::max(labelBottom, ImGui::GetCursorPosY()) + theme.em(0.35f));
    };

    ImGui::SetCursorPos(ImVec2(x, theme.em(2.0f)));
    drawWrapped(ctx, theme.fonts().display, colors.text, words.statusTitle, width, kLabelLineHeight);
    ImGui::Dummy(ImVec2(0, theme.em(0.8f)));
    line(words.version, KIOSK_VERSION, colors.text);
    line(words.uptime, uptimeText(ImGui::GetTime()), colors.text);
    const core::PackLibrary& library = ctx.nav.library();
    std::string packs;
    for (const core::Pack& pack : library.packs) packs += (packs.empty() ? "" : ", ") + pack.id + " " + pack.version;
    line(words.packs, std::to_string(library.packs.size()) + (packs.empty() ? "" : ": " + packs), colors.text);
    std::string folders;
    for (const auto& folder : m_access.contentFolders) folders += (folders.empty() ? "" : ", ") + folder.string();
    line(words.contentFolders, folders, colors.text);
    const auto errors = std::count_if(library.problems.begin(), library.problems.end(), [](const core::Error& e) { return !e.isWarning(); });
    if (errors > 0) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().bodyBold, colors.failure,
                    fillPlaceholders(words.contentProblems, {{"count", std::to_string(errors)}}), width);
    }
    if (m_access.usageLog) {
        const UsageLogStatus usage = usageLogStatus(*m_access.usageLog, words);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        line(words.usageLog, usage.text, usage.problems ? colors.failure : colors.text);
        // In the registry for tests and speech output: whether the log is well, or how many problems it has.
        ctx.items.record(usage.problems ? "staff/usage-log/problems/" + std::to_string(usage.problems) : "staff/usage-log/ok",
                         ImVec2(x, top.y), ImVec2(x + width, ImGui::GetCursorScreenPos().y));
    }
    for (const std::string& catalog : m_access.syncCatalogs) {
        const SyncLine sync = syncLine(catalog, m_syncStatus, words);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        line(fillPlaceholders(words.syncLabel, {{"catalog", catalog}}).c_str(), sync.text, sync.problem ? colors.failure : colors.text);
        ctx.items.record("staff/sync/" + catalog + (sync.problem ? "/problem" : "/ok"), ImVec2(x, top.y), ImVec2(x + width, ImGui::GetCursorScreenPos().y));
    }
    ImGui::Dummy(ImVec2(0, theme.em(1.2f)));

    const ImVec2 button(width, std::max(theme.touchTarget(), theme.em(3.2f)));
    // The actions side by side in one row: one more full-width row would push "quit" off a 720 p display.
    std::vector<ButtonSpec> actions{ButtonSpec{"staff/reload", words.reload, ButtonStyle::Primary}};
    if (m_access.wallClock) actions.push_back(ButtonSpec{"staff/stats", words.statistics, ButtonStyle::Secondary});
    if (m_access.selfTest) actions.push_back(ButtonSpec{"staff/selftest", words.selfTest, ButtonStyle::Secondary});
    if (m_access.syncNow && !m_access.syncCatalogs.empty()) actions.push_back(ButtonSpec{"staff/sync-now", words.syncNow, ButtonStyle::Secondary});
    const float gap = theme.em(0.8f);
    const float actionWidth = (width - gap * static_cast<float>(actions.size() - 1)) / static_cast<float>(actions.size());
    const float rowY = ImGui::GetCursorPosY();
    for (std::size_t i = 0; i < actions.size(); ++i) {
        ImGui::SetCursorPos(ImVec2(x + static_cast<float>(i) * (actionWidth + gap), rowY));
        if (!touchButton(ctx, actions[i], ImVec2(actionWidth, button.y))) continue;
        const std::string& id = actions[i].itemId;
        if (id == "staff/reload") {
            m_request = StaffRequest::ReloadContent;
        } else if (id == "staff/stats") {
            openStats();
        } else if (id == "staff/selftest") {
            m_selfTestView.open(m_access.selfTest());
            m_mode = Mode::SelfTest;
        } else {
            m_access.syncNow();
            m_syncStarted = true;
        }
    }
    if (m_syncStarted) {
        ImGui::SetCursorPosX(x);
        drawWrapped(ctx, theme.fonts().small, colors.textMuted, words.syncStarted, width);
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
