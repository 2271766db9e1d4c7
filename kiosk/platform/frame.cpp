// The frame order of DESIGN.md §3.2: draw, render, (caller presents), then apply intents.
#include "platform/frame.hpp"

#include <chrono>
#include <ctime>

#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>

#include "platform/draw_data_renderer.hpp"

namespace kiosk::platform {

namespace {

double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

core::CalendarDate localToday() {
    // localtime_r, not std::chrono's time zones: GCC 12 (Debian 12) does not ship them.
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    if (!localtime_r(&now, &local)) return core::CalendarDate{1970, 1, 1};
    return core::CalendarDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::vector<core::Intent> drawFrame(SDL_Renderer* renderer, ui::KioskUi& ui, const core::Navigator& navigator,
                                    ImU32 clearColor, const std::function<void(ImGuiIO&)>& feedInput,
                                    std::optional<core::CalendarDate> today, FrameTimings* timings) {
    const double started = timings ? threadCpuSeconds() : 0.0;
    ImGui_ImplSDLRenderer_NewFrame();
    feedInput(ImGui::GetIO());
    ImGui::NewFrame();
    std::vector<core::Intent> intents;
    try {
        ui.draw(navigator, intents, today ? *today : localToday());
    } catch (...) {
        // The scoped guards have closed every window on the way out; end the frame so the next
        // one can begin, and let the caller decide what a failing screen means.
        ImGui::EndFrame();
        throw;
    }
    ImGui::Render();
    const double built = timings ? threadCpuSeconds() : 0.0;
    auto channel = [clearColor](int shift) { return static_cast<Uint8>((clearColor >> shift) & 0xFF); };
    SDL_SetRenderDrawColor(renderer, channel(IM_COL32_R_SHIFT), channel(IM_COL32_G_SHIFT), channel(IM_COL32_B_SHIFT), 255);
    SDL_RenderClear(renderer);
    renderDrawData(renderer, ImGui::GetDrawData());
    if (timings) *timings = FrameTimings{built - started, threadCpuSeconds() - built};
    return intents;
}

void finishFrame(ui::KioskUi& ui, core::Navigator& navigator, const std::vector<core::Intent>& intents,
                 core::TimePoint now) {
    for (const auto& intent : intents) navigator.apply(intent, now);
    // Someone watching a clip is there, as someone listening to speech is (the window loop).
    if (ui.clipWatched()) navigator.noteActivity(now);
    ui.afterFrame();
}

}  // namespace kiosk::platform
