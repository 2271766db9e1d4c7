// Icon buttons drawn like the gallery's arrows, and a seek bar that follows the finger.
#include "ui/widgets/video_controls.hpp"

#include <algorithm>
#include <cmath>

#include "ui/video_strings.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/text_layout.hpp"
#include "ui/widgets/touch.hpp"

namespace kiosk::ui {
namespace {

constexpr double kSkipSeconds = 10.0;
constexpr float kVolumeStep = 0.2f;

struct IconButton {
    std::string itemId;
    Icon icon;
    const char* spokenName;
    bool selected = false;  // a toggle that is on: filled, not only coloured
};

// A square touch target with an icon, at the cursor; true when tapped.
bool iconButton(FrameContext& ctx, const IconButton& button, float size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const auto [tapped, pressed, min, max] = tapTarget(ctx, button.itemId, ImVec2(size, size));
    ctx.items.describeLast(button.spokenName, ItemRole::Button, button.selected);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImU32 fill = button.selected ? colors.primary : (pressed ? colors.surfacePressed : colors.surface);
    const ImU32 ink = button.selected ? colors.onPrimary : colors.primary;
    draw.AddRectFilled(min, max, fill, theme.cornerRadius());
    draw.AddRect(min, max, button.selected ? colors.primary : colors.border, theme.cornerRadius(), 0, theme.hairline() * 2);
    const ImVec2 center((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    drawIcon(draw, button.icon, center, size * 0.5f, std::max(2.0f, theme.em(0.12f)), ink);
    return tapped;
}

// A text button ("−10 s") of the controls' height.
bool skipButton(FrameContext& ctx, const std::string& itemId, const char* shown, const char* spokenName, float size) {
    const ButtonSpec spec{itemId, shown, ButtonStyle::Secondary};
    const bool tapped = touchButton(ctx, spec, ImVec2(std::max(size, buttonWidth(ctx, spec)), size));
    ctx.items.describeLast(spokenName, ItemRole::Button);
    return tapped;
}

float skipWidth(const FrameContext& ctx, const char* shown, float size) {
    return std::max(size, buttonWidth(ctx, ButtonSpec{"", shown, ButtonStyle::Secondary}));
}

// The track with the played part filled and a round thumb; a finger that went down on it moves
// the thumb while held, and the clip goes there when it lifts. (Not an ImGui active item: the
// page's drag-to-scroll releases those.)
void seekBar(FrameContext& ctx, const std::string& itemId, VideoPlayback& player, ImVec2 size) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const VideoStrings& words = videoStrings(ctx.languages);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImGui::Dummy(size);
    const double length = std::max(player.duration(), 0.001);
    const std::string value = clockText(player.position()) + " / " + clockText(player.duration());
    ctx.items.record(itemId, min, max);
    ctx.items.describeLast(words.position, ItemRole::Text, false, value);

    const float inset = theme.em(0.7f);
    const float left = min.x + inset;
    const float right = max.x - inset;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 downAt = io.MouseClickedPos[0];
    const bool fingerFromHere = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                                downAt.x >= min.x && downAt.x <= max.x && downAt.y >= min.y && downAt.y <= max.y;
    auto placeAt = [&](float x) { return std::clamp((x - left) / std::max(right - left, 1.0f), 0.0f, 1.0f); };
    // A finger that sets off mostly up or down meant the page: it scrolls, and the clip stays.
    ImGuiStorage& storage = *ImGui::GetStateStorage();
    const ImGuiID scrolling = ImGui::GetID((itemId + "/scrolling").c_str());
    if (fingerFromHere && io.MouseClicked[0]) storage.SetBool(scrolling, false);
    const float dx = std::abs(io.MousePos.x - downAt.x);
    const float dy = std::abs(io.MousePos.y - downAt.y);
    if (fingerFromHere && io.MouseDown[0] && dy > theme.dragThreshold() && dy > dx) storage.SetBool(scrolling, true);
    const bool seeking = fingerFromHere && !storage.GetBool(scrolling, false);
    float fraction = static_cast<float>(std::clamp(player.position() / length, 0.0, 1.0));
    if (seeking && io.MouseDown[0]) {
        fraction = placeAt(io.MousePos.x);
        ctx.fingerTaken = dx > theme.dragThreshold();
    }
    if (seeking && io.MouseReleased[0]) {
        fraction = placeAt(io.MousePos.x);
        player.seek(fraction * length);
    }

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float y = (min.y + max.y) * 0.5f;
    const float track = theme.em(0.35f);
    const float thumbX = left + (right - left) * fraction;
    draw.AddRectFilled(ImVec2(left, y - track * 0.5f), ImVec2(right, y + track * 0.5f), colors.border, track * 0.5f);
    draw.AddRectFilled(ImVec2(left, y - track * 0.5f), ImVec2(thumbX, y + track * 0.5f), colors.primary, track * 0.5f);
    draw.AddCircleFilled(ImVec2(thumbX, y), theme.em(0.6f), colors.primary, 24);
    draw.AddCircleFilled(ImVec2(thumbX, y), theme.em(0.6f) - theme.hairline() * 3, colors.surface, 24);
}

}  // namespace

std::string clockText(double seconds) {
    // Rounded down, as players count: "0:01" once a whole second has played.
    const long total = static_cast<long>(std::floor(std::max(seconds, 0.0) + 1e-6));
    const long hours = total / 3600;
    const long minutes = (total / 60) % 60;
    const long rest = total % 60;
    auto two = [](long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return hours > 0 ? std::to_string(hours) + ":" + two(minutes) + ":" + two(rest) : std::to_string(minutes) + ":" + two(rest);
}

namespace {

// Places controls left to right from `origin`, `width` wide, a row of `rowHeight` each: a control
// that does not fit on the row goes on the next one. Nothing ever lies outside `width`.
class ControlFlow {
public:
    ControlFlow(ImVec2 origin, float width, float rowHeight, float gap)
        : m_origin(origin), m_width(width), m_rowHeight(rowHeight), m_gap(gap), m_x(origin.x), m_y(origin.y) {}
    // The cursor goes where a control of `controlWidth` fits; its left edge is returned.
    float place(float controlWidth) {
        if (m_x > m_origin.x && m_x + controlWidth > m_origin.x + m_width) newRow();
        const float left = m_x;
        ImGui::SetCursorScreenPos(ImVec2(m_x, m_y));
        m_x += controlWidth + m_gap;
        m_used = true;
        return left;
    }
    void newRow() {
        m_x = m_origin.x;
        m_y += m_rowHeight + m_gap;
    }
    float rowTop() const { return m_y; }
    // What is left of the current row for a control that takes the rest (the seek bar).
    float rest() const { return m_origin.x + m_width - m_x; }
    float height() const { return m_used ? m_y + m_rowHeight - m_origin.y : 0.0f; }

private:
    ImVec2 m_origin;
    float m_width;
    float m_rowHeight;
    float m_gap;
    float m_x;
    float m_y;
    bool m_used = false;
};

}  // namespace

float drawVideoControls(FrameContext& ctx, const VideoControlsSpec& spec, VideoPlayback& player, VideoPlayers& players,
                        float width) {
    const Theme& theme = ctx.theme;
    const VideoStrings& words = videoStrings(ctx.languages);
    const float size = theme.touchTarget();
    const float gap = theme.em(0.5f);
    const char* back = "–10 s";  // an en dash: the kiosk's fonts have no minus sign
    const char* forward = "+10 s";
    const ImFont* small = theme.fonts().small;
    const float timeWidth = textWidth(small, clockText(player.duration()) + " / " + clockText(player.duration())) + gap;
    const float backWidth = skipWidth(ctx, back, size);
    const float forwardWidth = skipWidth(ctx, forward, size);

    // In reading order: play, back, the seek bar, forward, the time, then subtitles, sound,
    // quieter, louder, what is seen. One row when all fit with a bar of at least 6 em; else
    // they flow onto more rows, and the bar takes a row of its own when it would be shorter.
    const int settingButtons = (spec.hasSubtitles ? 1 : 0) + (player.hasSound() ? 3 : 0) + (spec.audioDescription.empty() ? 0 : 1);
    const float transport = size + backWidth + forwardWidth + 3 * gap;
    const float settings = settingButtons * (size + gap);
    const float minimumBar = theme.em(6.0f);
    const bool oneRow = transport + timeWidth + gap + settings + minimumBar <= width;
    const bool barBeside = transport + gap + minimumBar <= width;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ControlFlow flow(origin, width, size, gap);

    const VideoState state = player.state();
    const bool playing = state == VideoState::Playing;
    flow.place(size);
    const IconButton playButton{spec.itemId + "/play", playing ? Icon::Pause : (state == VideoState::Ended ? Icon::Replay : Icon::Play),
                                playing ? words.pause : (state == VideoState::Ended ? words.playAgain : words.play)};
    if (iconButton(ctx, playButton, size)) {
        if (playing) {
            player.pause();
        } else {
            player.play();
        }
    }
    flow.place(backWidth);
    if (skipButton(ctx, spec.itemId + "/back", back, words.back10, size)) player.seek(player.position() - kSkipSeconds);
    auto seekBarHere = [&](float barWidth) {
        flow.place(barWidth);
        seekBar(ctx, spec.itemId + "/position", player, ImVec2(barWidth, size));
    };
    if (barBeside) {
        const float besides = forwardWidth + gap + (oneRow ? timeWidth + gap + settings : 0.0f);
        seekBarHere(std::max(minimumBar, flow.rest() - besides));
    }
    flow.place(forwardWidth);
    if (skipButton(ctx, spec.itemId + "/forward", forward, words.forward10, size)) player.seek(player.position() + kSkipSeconds);
    if (!barBeside) {
        flow.newRow();
        seekBarHere(width);
    }

    const float timeLeft = flow.place(timeWidth);
    const std::string time = clockText(player.position()) + " / " + clockText(player.duration());
    const TextLayout timeText = layoutText(theme.fonts().small, theme.colors().text, time, timeWidth, kLabelLineHeight, ctx.audit);
    drawTextLayout(*ImGui::GetWindowDrawList(), ImVec2(timeLeft, flow.rowTop() + (size - timeText.size.y) * 0.5f), timeText);
    if (!oneRow && settingButtons > 0 && barBeside && flow.rest() < settings) flow.newRow();

    if (spec.hasSubtitles) {
        flow.place(size);
        const bool on = players.subtitlesOn();
        if (iconButton(ctx, {spec.itemId + "/subtitles", on ? Icon::Subtitles : Icon::SubtitlesOff, words.subtitles, on}, size)) {
            players.setSubtitlesOn(!on);
        }
    }
    if (player.hasSound()) {
        flow.place(size);
        const bool on = player.soundOn();
        if (iconButton(ctx, {spec.itemId + "/sound", on ? Icon::SoundOn : Icon::SoundOff, on ? words.soundOff : words.soundOn}, size)) {
            player.setSoundOn(!on);
        }
        flow.place(size);
        if (iconButton(ctx, {spec.itemId + "/quieter", Icon::Minus, words.quieter}, size)) {
            players.setVolume(players.volume() - kVolumeStep);
        }
        flow.place(size);
        if (iconButton(ctx, {spec.itemId + "/louder", Icon::Plus, words.louder}, size)) {
            players.setVolume(players.volume() + kVolumeStep);
            player.setSoundOn(true);
        }
    }
    if (!spec.audioDescription.empty()) {
        flow.place(size);
        if (iconButton(ctx, {spec.itemId + "/description", Icon::AudioDescription, words.audioDescription}, size)) {
            ctx.say(spec.audioDescription, spec.itemId + "/description");
        }
    }
    const float height = flow.height();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    return height;
}

}  // namespace kiosk::ui
