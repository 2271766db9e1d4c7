// Large keys and plain words: staff are not administrators, and they stand at a public screen.
#include "ui/staff/staff_screen.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <set>
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

// Every count the view shows goes through here: a suppressed cell only ever says "<k".
std::string shownCount(const core::StatsCell& cell, int k) {
    return cell.suppressed ? "<" + std::to_string(k) : std::to_string(cell.value);
}

std::string visitLength(const core::StatsCell& cell, int k) {
    if (cell.suppressed) return "<" + std::to_string(k);
    const std::int64_t minutes = cell.value / 60;
    const std::int64_t seconds = cell.value % 60;
    if (minutes == 0) return std::to_string(seconds) + " s";
    return std::to_string(minutes) + " min " + (seconds < 10 ? "0" : "") + std::to_string(seconds) + " s";
}

// The local dates ("YYYY-MM-DD", as `kiosk stats` names its days) of the period, oldest first,
// so days without visits keep their place on the axis. Counted by calendar (mktime at noon)
// rather than by subtracting 24 h, which skips or repeats a date where daylight saving changes.
// Rows the statistics have on a date outside it (the clock moved) are kept, not dropped.
std::vector<std::string> periodDates(core::WallTime now, int days, const std::vector<core::StatsRow>& perDay) {
    std::set<std::string> dates;
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm today{};
    localtime_r(&t, &today);
    for (int back = 0; back <= days; ++back) {
        std::tm day = today;
        day.tm_mday -= back;
        day.tm_hour = 12;
        day.tm_min = day.tm_sec = 0;
        day.tm_isdst = -1;
        const std::time_t noon = std::mktime(&day);
        std::tm normalized{};
        localtime_r(&noon, &normalized);
        char text[16];
        std::strftime(text, sizeof text, "%Y-%m-%d", &normalized);
        dates.insert(text);
    }
    for (const core::StatsRow& row : perDay) dates.insert(row.name);
    return {dates.begin(), dates.end()};
}

// A suppressed cell's bar: outlined and hatched, so it never reads as a measured length. The
// caller gives it a fixed size, never one from the hidden value.
void hatchedBar(ImDrawList& draw, const Theme& theme, ImVec2 min, ImVec2 max) {
    const Palette& colors = theme.colors();
    draw.AddRectFilled(min, max, colors.surfaceMuted);
    {
        scoped::DrawClip clip(draw, min, max);
        const float step = theme.em(0.5f);
        const float height = max.y - min.y;
        for (float x = min.x - height; x < max.x; x += step) {
            draw.AddLine(ImVec2(x, max.y), ImVec2(x + height, min.y), colors.textMuted, theme.hairline());
        }
    }
    draw.AddRect(min, max, colors.textMuted, 0.0f, 0, theme.hairline() * 2.0f);
}

// One line of text at a screen position, audited like every other text.
float labelAt(const FrameContext& ctx, ImFont* font, ImU32 color, ImVec2 at, const std::string& text, float available) {
    const float width = checkLabel(ctx, font, text, available);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, at, color, text.data(), text.data() + text.size());
    return width;
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
    return m_mode != Mode::Closed;
}

StaffRequest StaffScreen::takeRequest() { return std::exchange(m_request, StaffRequest::None); }

void StaffScreen::close() {
    if (!m_digits.empty()) sodium_memzero(m_digits.data(), m_digits.size());
    m_digits.clear();
    m_message.clear();
    m_stats.reset();
    m_statsError.clear();
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
    // Side by side: one more full-width row would push "quit" off a 720 p display.
    const bool withStats = m_access.wallClock != nullptr;
    const ImVec2 half((width - theme.em(0.8f)) * 0.5f, button.y);
    const float rowY = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(x, rowY));
    if (touchButton(ctx, ButtonSpec{"staff/reload", words.reload, ButtonStyle::Primary}, withStats ? half : button)) {
        m_request = StaffRequest::ReloadContent;
    }
    if (withStats) {
        ImGui::SetCursorPos(ImVec2(x + half.x + theme.em(0.8f), rowY));
        if (touchButton(ctx, ButtonSpec{"staff/stats", words.statistics, ButtonStyle::Secondary}, half)) openStats();
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
    m_stats.reset();
    m_statsError.clear();
    core::StatsRequest request;
    request.now = m_statsAt = m_access.wallClock->now();
    request.days = 30;
    request.minCellSessions = m_access.minCellSessions;
    request.top = 5;
    // Read once, on the frame loop, when staff tap the button: a read-only query of a file of a
    // few months takes milliseconds, no visitor is using the screen meanwhile, and every later
    // frame draws from m_stats without touching SQLite.
    auto stats = core::computeUsageStats(core::usageDatabasePath(m_access.stateFolder), request);
    if (stats) {
        m_stats = std::move(stats.value());
    } else {
        m_statsError = stats.error().describe();
    }
}

void StaffScreen::drawStats(FrameContext& ctx) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = wordsFor(ctx);
    const ImVec2 size = fillBackground(ctx);
    const ImVec2 origin = ImGui::GetWindowPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float margin = theme.em(2.0f);
    const float left = origin.x + margin;
    const float width = size.x - 2 * margin;
    const float gap = theme.em(0.8f);

    // The way back first, top right, where it is on every screen of the kiosk.
    const ButtonSpec backSpec{"staff/stats/back", words.back, ButtonStyle::Secondary, Icon::Back};
    const float backWidth = buttonWidth(ctx, backSpec);
    ImGui::SetCursorPos(ImVec2(size.x - margin - backWidth, theme.em(1.0f)));
    if (touchButton(ctx, backSpec, ImVec2(backWidth, theme.touchTarget()))) {
        m_stats.reset();
        m_mode = Mode::Menu;
        return;
    }
    const int days = m_stats ? m_stats->days : 30;
    ImGui::SetCursorPos(ImVec2(margin, theme.em(1.0f)));
    drawWrapped(ctx, fonts.display, colors.text, fillPlaceholders(words.statsTitle, {{"days", std::to_string(days)}}),
                width - backWidth - gap, kLabelLineHeight);
    float y = origin.y + std::max(ImGui::GetCursorPosY(), theme.em(1.0f) + theme.touchTarget()) + gap;

    if (!m_stats) {
        ImGui::SetCursorPos(ImVec2(margin, y - origin.y));
        drawWrapped(ctx, fonts.bodyBold, colors.failure, std::string(words.statsUnreadable) + " " + m_statsError, width);
        return;
    }
    const core::UsageStats& stats = *m_stats;
    const int k = stats.minCellSessions;

    // Three key numbers side by side.
    const std::array<std::pair<const char*, std::string>, 3> totals{{
        {words.statsSessions, shownCount(stats.sessions, k)},
        {words.statsAverage, visitLength(stats.averageSeconds, k)},
        {words.statsMedian, visitLength(stats.medianSeconds, k)},
    }};
    const float column = (width - 2 * gap) / 3.0f;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const float cx = left + static_cast<float>(i) * (column + gap);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(cx, y), totals[i].first, column);
        labelAt(ctx, fonts.heading, colors.text, ImVec2(cx, y + fonts.small->FontSize * kLabelLineHeight), totals[i].second, column);
    }
    y += fonts.small->FontSize * kLabelLineHeight + fonts.heading->FontSize * kLabelLineHeight + gap;

    // Visits per day: one slot per date of the period, a filled bar per day with visits.
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(left, y), words.statsPerDay, width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.3f);
    const std::vector<std::string> dates = periodDates(m_statsAt, days, stats.perDay);
    const float slot = width / static_cast<float>(std::max<std::size_t>(dates.size(), 1));
    const float barWidth = std::max(slot * 0.7f, theme.hairline());
    const float valueHeight = fonts.small->FontSize * kLabelLineHeight;
    const float chartHeight = theme.em(6.0f);
    const float baseline = y + valueHeight + chartHeight;
    std::int64_t largest = 1;
    for (const core::StatsRow& row : stats.perDay) {
        if (!row.sessions.suppressed) largest = std::max(largest, row.sessions.value);
    }
    auto barHeight = [&](std::int64_t value) {
        return std::max(theme.hairline() * 2.0f, chartHeight * static_cast<float>(value) / static_cast<float>(largest));
    };
    draw.AddLine(ImVec2(left, baseline), ImVec2(left + width, baseline), colors.border, theme.hairline());
    std::string lastMonth;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const std::string& date = dates[i];
        const float sx = left + static_cast<float>(i) * slot;
        const float bx = sx + (slot - barWidth) * 0.5f;
        // Day of the month under every slot; the month under the first one and where it changes.
        const std::string dayOfMonth = date.size() == 10 ? std::to_string(std::stoi(date.substr(8, 2))) : date;
        const float dayWidth = textWidth(fonts.small, dayOfMonth);
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(sx + (slot - dayWidth) * 0.5f, baseline + theme.em(0.2f)), dayOfMonth, slot);
        const std::string month = date.size() == 10 ? date.substr(5, 2) + "/" + date.substr(0, 4) : "";
        if (month != lastMonth) {
            // Wider than a slot: a month that begins in the last slots ends at the chart's edge.
            const float mx = std::min(sx, left + width - textWidth(fonts.small, month));
            labelAt(ctx, fonts.small, colors.textMuted, ImVec2(mx, baseline + theme.em(0.2f) + valueHeight), month, left + width - mx);
            lastMonth = month;
        }
        const auto row = std::find_if(stats.perDay.begin(), stats.perDay.end(), [&](const core::StatsRow& r) { return r.name == date; });
        if (row == stats.perDay.end()) continue;
        // A hidden day stands at one fixed height whatever it hides (a secondarily hidden one may
        // be large): tall enough that the hatching reads as "not shown", never as a measured few.
        const float top = baseline - (row->sessions.suppressed ? std::min(chartHeight, theme.em(2.5f)) : barHeight(row->sessions.value));
        if (row->sessions.suppressed) {
            hatchedBar(draw, theme, ImVec2(bx, top), ImVec2(bx + barWidth, baseline));
        } else {
            draw.AddRectFilled(ImVec2(bx, top), ImVec2(bx + barWidth, baseline), colors.primary);
        }
        const std::string value = shownCount(row->sessions, k);
        const float valueWidth = textWidth(fonts.small, value);
        labelAt(ctx, fonts.small, colors.text, ImVec2(sx + (slot - valueWidth) * 0.5f, top - valueHeight), value, slot);
        // The registry is also the screen's map for speech output: what a bar says is in its id.
        ctx.items.record("staff/stats/day/" + date, ImVec2(sx, y), ImVec2(sx + slot, baseline));
        ctx.items.record("staff/stats/day/" + date + "/value/" + value, ImVec2(sx, top - valueHeight), ImVec2(sx + slot, top));
    }
    y = baseline + theme.em(0.2f) + 2 * valueHeight + gap;

    // Top packs and languages as horizontal bars, in two columns.
    auto horizontalBars = [&](const char* title, const char* kind, const std::vector<core::StatsRow>& rows, float cx, float cw) {
        float ry = y;
        labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(cx, ry), title, cw);
        ry += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.3f);
        if (rows.empty()) {
            labelAt(ctx, fonts.body, colors.textMuted, ImVec2(cx, ry), words.statsNone, cw);
            return;
        }
        const float nameWidth = cw * 0.38f;
        const float valueWidth = theme.em(3.5f);
        const float barSpace = cw - nameWidth - valueWidth - gap;
        const float rowHeight = fonts.body->FontSize * kLabelLineHeight + theme.em(0.3f);
        std::int64_t most = 1;
        for (const core::StatsRow& row : rows) {
            if (!row.sessions.suppressed) most = std::max(most, row.sessions.value);
        }
        for (const core::StatsRow& row : rows) {
            const std::string name = ellipsized(fonts.body, row.name, nameWidth - gap);
            labelAt(ctx, fonts.body, colors.text, ImVec2(cx, ry), name, nameWidth);
            const float bx = cx + nameWidth;
            // Hidden rows get one fixed length, as hidden days get one height.
            const float length = row.sessions.suppressed
                                     ? std::min(barSpace, theme.em(3.0f))
                                     : std::max(theme.hairline() * 2.0f, barSpace * static_cast<float>(row.sessions.value) / static_cast<float>(most));
            const ImVec2 barMin(bx, ry + theme.em(0.15f));
            const ImVec2 barMax(bx + length, ry + rowHeight - theme.em(0.45f));
            if (row.sessions.suppressed) {
                hatchedBar(draw, theme, barMin, barMax);
            } else {
                draw.AddRectFilled(barMin, barMax, colors.primary);
            }
            const std::string value = shownCount(row.sessions, k);
            labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(barMax.x + theme.em(0.4f), ry), value, valueWidth);
            const std::string id = std::string("staff/stats/") + kind + "/" + row.name;
            ctx.items.record(id, ImVec2(cx, ry), ImVec2(cx + cw, ry + rowHeight));
            ctx.items.record(id + "/value/" + value, ImVec2(barMax.x, ry), ImVec2(barMax.x + valueWidth, ry + rowHeight));
            ry += rowHeight;
        }
    };
    const float packsWidth = (width - 2 * gap) * 0.6f;
    horizontalBars(words.statsPacks, "pack", stats.packs, left, packsWidth);
    horizontalBars(words.statsLanguages, "language", stats.languages, left + packsWidth + 2 * gap, width - packsWidth - 2 * gap);

    // What "<k" means, at the foot of the screen where it is read last.
    const std::string note = fillPlaceholders(words.statsSuppressed, {{"k", std::to_string(k)}});
    const TextLayout layout = layoutText(fonts.small, colors.textMuted, note, width, kLabelLineHeight, ctx.audit);
    drawTextLayout(draw, ImVec2(left, origin.y + size.y - theme.em(1.0f) - layout.size.y), layout);
}

}  // namespace kiosk::ui
