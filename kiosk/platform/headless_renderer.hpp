// Renders the kiosk UI into memory with SDL's software renderer: screenshots and UI tests, no display.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <imgui.h>

#include "core/nav/navigator.hpp"
#include "core/pack/blocks.hpp"
#include "platform/frame.hpp"
#include "platform/imgui_runtime.hpp"
#include "platform/sdl_runtime.hpp"
#include "platform/video_players.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/theme.hpp"

struct SDL_Surface;
struct SDL_Renderer;

namespace kiosk::platform {

class HeadlessRenderer {
public:
    // Check ok() before use; error() then says why SDL or the renderer could not start.
    HeadlessRenderer(int width, int height, const ui::FontFiles& fonts);
    ~HeadlessRenderer();
    HeadlessRenderer(const HeadlessRenderer&) = delete;
    HeadlessRenderer& operator=(const HeadlessRenderer&) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    // The theme its fonts were loaded into: for tests that draw widgets into its ImGui frames.
    const ui::Theme& theme() const { return m_theme; }
    int width() const { return m_width; }
    int height() const { return m_height; }

    // Fixes the date a flow's date field starts at (golden images must not change with the day);
    // until then it is the system's local date.
    void setToday(core::CalendarDate today) { m_today = today; }

    // The staff screen behind the hidden corner taps, as in the kiosk; off unless enabled.
    void enableStaffScreen(ui::StaffAccess access) {
        if (m_ui) m_ui->enableStaffScreen(std::move(access));
    }
    // "Read aloud" on the pages, through `speech` (a test's RecordingSpeech); owned by the caller.
    void setSpeech(core::SpeechOutput* speech) {
        if (m_ui) m_ui->setSpeech(speech);
    }
    ui::StaffRequest takeStaffRequest() { return m_ui ? m_ui->takeStaffRequest() : ui::StaffRequest::None; }

    void setSpeechHintEvery(core::Duration every) {
        if (m_ui) m_ui->setSpeechHintEvery(every);
    }
    // Clips play when started (silently: no audio device here), on the clock of the frames'
    // `now`. Off by default: screenshots and layout tests show the posters.
    void enableVideoPlayback();
    const PlatformVideoPlayers* videos() const { return m_videos.get(); }
    // New content loaded: the pictures of the old go, as the window loop does after a reload.
    void forgetTextures() {
        if (m_ui) m_ui->forgetTextures();
    }
    // Low mode's line (see KioskUi::setLowModeTop).
    void setLowModeTop(float y) {
        if (m_ui) m_ui->setLowModeTop(y);
    }
    // One frame with no finger on the screen.
    void frame(core::Navigator& navigator, core::TimePoint now);
    // One frame of the caller's own shapes on `background` instead of the kiosk's screens,
    // rasterised as a kiosk frame is: for tests that look at a widget's pixels (the icons).
    void drawShapes(ImU32 background, const std::function<void(ImDrawList&)>& draw);
    // Frames with no finger until the screen is at rest: ImGui settles a layout over a few
    // frames, and a sliding page or a flung one moves a little longer (a second at most).
    void settle(core::Navigator& navigator, core::TimePoint now);
    // A finger down at `position` for one frame, lifted there the next, then gone: one tap.
    void tap(core::Navigator& navigator, ImVec2 position, core::TimePoint now);
    // The two halves of a tap, for gestures whose finger moves in between.
    void press(core::Navigator& navigator, ImVec2 position, core::TimePoint now);
    void release(core::Navigator& navigator, ImVec2 position, core::TimePoint now);
    // Finger down at `from`, moved to `to` over `steps` frames, held still a frame, lifted there.
    void drag(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now);
    // The same, but lifted while still moving: a flick that throws the page on.
    void fling(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now);

    // The non-visual mode's input, as the window loop gives it: a finger event (at its own time)
    // or a key's command, then a frame that acts on it, then the taps the mode makes, if any.
    void finger(core::Navigator& navigator, const core::FingerEvent& event);
    void command(core::Navigator& navigator, ui::NonVisualCommand command, core::TimePoint now);
    // Time passes with no finger: gestures that only time completes (a single tap) are done.
    void wait(core::Navigator& navigator, core::TimePoint now);

    // What the last frame cost (thread CPU time, build and rasterisation): for benchmarks.
    const FrameTimings& lastFrameTimings() const { return m_lastTimings; }

    // The last frame's pixels (XRGB8888, SDL_PIXELFORMAT_RGB888), owned by the renderer.
    SDL_Surface* surface() const { return m_surface; }
    std::string savePng(const std::filesystem::path& file) const;  // empty on success, else why not

    // Empty when !ok(): a renderer that failed to start has drawn nothing.
    const ui::ItemRegistry& items() const { return m_ui ? m_ui->items() : m_noItems; }
    // The UI itself, for tests that read its audit or page memory; null when !ok().
    const ui::KioskUi* ui() const { return m_ui.get(); }
    const std::string& fontWarning() const { return m_imgui ? m_imgui->fontWarning() : m_error; }

private:
    void frameWithPointer(core::Navigator& navigator, core::TimePoint now, ImVec2 position, bool down);
    void move(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now);
    void frameForNonVisualMode(core::Navigator& navigator, core::TimePoint now);

    int m_width;
    int m_height;
    std::string m_error;
    SdlRuntime m_sdl;
    SDL_Surface* m_surface = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    ui::Theme m_theme;
    std::unique_ptr<ImGuiRuntime> m_imgui;
    std::unique_ptr<PlatformVideoPlayers> m_videos;
    std::unique_ptr<ui::KioskUi> m_ui;
    ui::ItemRegistry m_noItems;
    std::optional<core::CalendarDate> m_today;
    FrameTimings m_lastTimings;
};

}  // namespace kiosk::platform
