#include "platform/out_of_service_loop.hpp"

#include <algorithm>
#include <chrono>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "core/util/clock.hpp"
#include "platform/draw_data_renderer.hpp"
#include "platform/imgui_runtime.hpp"
#include "platform/kiosk_window.hpp"
#include "platform/rotation.hpp"
#include "platform/sdl_runtime.hpp"
#include "ui/out_of_service_view.hpp"

namespace kiosk::platform {

WindowLoopResult runOutOfServiceScreen(const core::WindowConfig& config, int maxFrames, const ui::FontFiles& fonts,
                                       ServiceNotifier& notifier) {
    WindowLoopResult result;
    SdlRuntime sdl(VideoTarget::Display);
    if (!sdl.ok()) {
        result.error = sdl.error();
        return result;
    }
    std::optional<KioskWindow> opened = openKioskWindow(config, result.error);
    if (!opened) return result;
    SDL_Renderer* renderer = opened->renderer.get();
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    RotatedCanvas canvas(renderer, config.rotation, width, height);
    ui::Theme theme = ui::Theme::forDisplay(static_cast<int>(canvas.logicalSize().x), static_cast<int>(canvas.logicalSize().y),
                                            config.diagonalInches);
    ImGuiRuntime imgui(opened->window.get(), renderer, theme, fonts);

    const core::SteadyClock clock;
    bool redraw = true;
    bool running = true;
    while (running) {
        if (redraw) {
            ImGui_ImplSDLRenderer_NewFrame();
            ImGui_ImplSDL2_NewFrame();
            ImGui::GetIO().DisplaySize = canvas.logicalSize();
            ImGui::NewFrame();
            ui::drawOutOfService(theme, canvas.logicalSize());
            ImGui::Render();
            canvas.beginFrame();
            SDL_RenderClear(renderer);
            renderDrawData(renderer, ImGui::GetDrawData());
            canvas.present();
            if (++result.framesDrawn == 1) notifier.ready();
            if (maxFrames > 0 && result.framesDrawn >= maxFrames) break;
            // ImGui lays out a new font atlas over a second frame; after that, nothing changes.
            redraw = result.framesDrawn < 2;
        }
        notifier.alive(clock.now());
        int timeout = redraw ? 0 : 60'000;
        if (const auto due = notifier.nextPingDue()) {
            timeout = std::min<int>(timeout, static_cast<int>(std::max<long long>(
                0, std::chrono::duration_cast<std::chrono::milliseconds>(*due - clock.now()).count())));
        }
        SDL_Event event;
        for (bool got = SDL_WaitEventTimeout(&event, timeout) != 0; got; got = SDL_PollEvent(&event) != 0) {
            // Touches and keys do nothing here; only the supervisor ends this screen.
            if (event.type == SDL_QUIT) running = false;
            if (event.type == SDL_WINDOWEVENT) redraw = true;
        }
    }
    notifier.stopping();
    return result;
}

}  // namespace kiosk::platform
