// The frame order of DESIGN.md §3.2; intents are applied only after the draw data is rendered.
#include "platform/frame.hpp"

#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>

namespace kiosk::platform {

std::size_t runFrame(SDL_Renderer* renderer, ui::KioskUi& ui, core::Navigator& navigator, core::TimePoint now,
                     const std::function<void(ImGuiIO&)>& feedInput) {
    ImGui_ImplSDLRenderer_NewFrame();
    feedInput(ImGui::GetIO());
    ImGui::NewFrame();
    std::vector<core::Intent> intents;
    try {
        ui.draw(navigator, intents);
    } catch (...) {
        // The scoped guards have closed every window on the way out; end the frame so the next
        // one can begin, and let the caller decide what a failing screen means.
        ImGui::EndFrame();
        throw;
    }
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    for (const auto& intent : intents) navigator.apply(intent, now);
    ui.afterFrame();
    return intents.size();
}

}  // namespace kiosk::platform
