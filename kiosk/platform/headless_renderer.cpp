// A software renderer on an XRGB8888 surface: the same pixels on every machine, so images can be compared.
#include "platform/headless_renderer.hpp"

#include <cfloat>

#include <SDL.h>
#include <SDL_image.h>
#include <imgui_impl_sdlrenderer.h>

#include "platform/draw_data_renderer.hpp"
#include "platform/frame.hpp"

namespace kiosk::platform {

HeadlessRenderer::HeadlessRenderer(int width, int height, const ui::FontFiles& fonts)
    : m_width(width), m_height(height), m_sdl(VideoTarget::Headless), m_theme(ui::Theme::forDisplay(width, height)) {
    if (!m_sdl.ok()) {
        m_error = m_sdl.error();
        return;
    }
    // The format of a window surface on X11 and the dummy driver: the pixels a kiosk shows
    // when it falls back to the software renderer, through the same blitters. SDL has no fast
    // blitters into RGBA32 (ABGR8888), so every glyph and translucent fill would go through its
    // generic per-pixel path and tests and benchmarks would measure a kiosk that does not exist.
    m_surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
    if (m_surface) m_renderer = SDL_CreateSoftwareRenderer(m_surface);
    if (!m_renderer) {
        m_error = std::string("cannot create a software renderer of ") + std::to_string(width) + "x" +
                  std::to_string(height) + ": " + SDL_GetError();
        return;
    }
    m_imgui = std::make_unique<ImGuiRuntime>(nullptr, m_renderer, m_theme, fonts);
    m_ui = std::make_unique<ui::KioskUi>(m_renderer, m_theme);
}

HeadlessRenderer::~HeadlessRenderer() {
    m_ui.reset();  // textures before the renderer that owns them
    m_videos.reset();
    m_imgui.reset();
    if (m_renderer) SDL_DestroyRenderer(m_renderer);
    if (m_surface) SDL_FreeSurface(m_surface);
}

void HeadlessRenderer::frameWithPointer(core::Navigator& navigator, core::TimePoint now, ImVec2 position, bool down) {
    if (!ok()) return;
    // As in the window loop: a finger on the screen is a visitor who is still there.
    if (down) navigator.noteActivity(now);
    m_imgui->adaptTo(navigator.accessibility());
    if (m_videos) m_videos->update(now);
    const auto intents = drawFrame(m_renderer, *m_ui, navigator, m_theme.colors().background, [&](ImGuiIO& io) {
        io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
        io.DeltaTime = 1.0f / 60.0f;  // fixed, so frames are reproducible
        io.MousePos = position;
        io.MouseDown[0] = down;
    }, m_today, &m_lastTimings);
    finishFrame(*m_ui, navigator, intents, now);
}

void HeadlessRenderer::frame(core::Navigator& navigator, core::TimePoint now) {
    frameWithPointer(navigator, now, ImVec2(-FLT_MAX, -FLT_MAX), false);
}

void HeadlessRenderer::drawShapes(ImU32 background, const std::function<void(ImDrawList&)>& draw) {
    if (!ok()) return;
    ImGui_ImplSDLRenderer_NewFrame();  // makes the font texture if no kiosk frame has yet
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    draw(*ImGui::GetBackgroundDrawList());
    ImGui::Render();
    auto channel = [background](int shift) { return static_cast<Uint8>((background >> shift) & 0xFF); };
    SDL_SetRenderDrawColor(m_renderer, channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), 255);
    SDL_RenderClear(m_renderer);
    renderDrawData(m_renderer, ImGui::GetDrawData());
}

void HeadlessRenderer::settle(core::Navigator& navigator, core::TimePoint now) {
    constexpr int kLayoutFrames = 3;
    constexpr int kLongestMotionFrames = 60;  // a second at the fixed 60 fps of headless frames
    for (int i = 0; i < kLayoutFrames; ++i) frame(navigator, now);
    for (int i = 0; i < kLongestMotionFrames && m_ui && m_ui->wantsAnotherFrame(); ++i) frame(navigator, now);
}

void HeadlessRenderer::tap(core::Navigator& navigator, ImVec2 position, core::TimePoint now) {
    press(navigator, position, now);
    release(navigator, position, now);
}

void HeadlessRenderer::press(core::Navigator& navigator, ImVec2 position, core::TimePoint now) {
    frameWithPointer(navigator, now, position, true);
}

void HeadlessRenderer::release(core::Navigator& navigator, ImVec2 position, core::TimePoint now) {
    frameWithPointer(navigator, now, position, false);
    frame(navigator, now);  // the finger is gone: nothing stays hovered
}

void HeadlessRenderer::move(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now) {
    press(navigator, from, now);
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        frameWithPointer(navigator, now, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true);
    }
}

void HeadlessRenderer::drag(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now) {
    move(navigator, from, to, steps, now);
    frameWithPointer(navigator, now, to, true);  // the finger rests before it lifts: no fling
    release(navigator, to, now);
}

void HeadlessRenderer::fling(core::Navigator& navigator, ImVec2 from, ImVec2 to, int steps, core::TimePoint now) {
    move(navigator, from, to, steps, now);
    release(navigator, to, now);
}

void HeadlessRenderer::finger(core::Navigator& navigator, const core::FingerEvent& event) {
    if (!ok()) return;
    m_ui->nonVisual().fingerEvent(event);
    navigator.noteActivity(event.at);
    m_ui->nonVisual().poll(event.at);
    // Most events complete no gesture: only one that did needs frames, as in the window loop.
    if (m_ui->nonVisual().hasPending()) frameForNonVisualMode(navigator, event.at);
}

void HeadlessRenderer::command(core::Navigator& navigator, ui::NonVisualCommand command, core::TimePoint now) {
    if (!ok()) return;
    m_ui->nonVisual().command(command);
    navigator.noteActivity(now);
    frameForNonVisualMode(navigator, now);
}

void HeadlessRenderer::wait(core::Navigator& navigator, core::TimePoint now) {
    if (!ok()) return;
    frameForNonVisualMode(navigator, now);
}

void HeadlessRenderer::enableVideoPlayback() {
    if (!ok() || m_videos) return;
    m_videos = std::make_unique<PlatformVideoPlayers>(m_renderer, false);
    m_ui->setVideoPlayers(m_videos.get());
}

void HeadlessRenderer::frameForNonVisualMode(core::Navigator& navigator, core::TimePoint now) {
    m_ui->nonVisual().poll(now);
    settle(navigator, now);
    // The mode's tap is a real one, with the window loop's frames: press, release, settle. An
    // element out of view is tapped after its page scrolled it in, a few frames later.
    for (int round = 0; round < 3; ++round) {
        m_ui->nonVisual().takePointerCancel();  // no finger is down here: nothing to let go of
        const auto tap = m_ui->nonVisual().takeTap();
        if (!tap) continue;
        frameWithPointer(navigator, now, *tap, true);
        release(navigator, *tap, now);
        settle(navigator, now);
    }
}

std::string HeadlessRenderer::savePng(const std::filesystem::path& file) const {
    if (IMG_SavePNG(m_surface, file.c_str()) != 0) {
        return "cannot write " + file.string() + ": " + IMG_GetError();
    }
    return {};
}

}  // namespace kiosk::platform
