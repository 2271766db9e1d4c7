// ImGui set-up: no ini file (nothing to leak between visitors), no cursor changes, the kiosk theme.
#include "platform/imgui_runtime.hpp"

#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

namespace kiosk::platform {

ImGuiRuntime::ImGuiRuntime(SDL_Window* window, SDL_Renderer* renderer, ui::Theme& theme, const ui::FontFiles& fonts)
    : m_context(nullptr), m_hasWindow(window != nullptr) {
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Without this flag the 1.86 SDL backend shows the cursor again on every frame.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    m_fontWarning = theme.loadFonts(*io.Fonts, fonts);
    theme.applyTo(ImGui::GetStyle());
    if (m_hasWindow) ImGui_ImplSDL2_InitForSDLRenderer(window);
    ImGui_ImplSDLRenderer_Init(renderer);
}

ImGuiRuntime::~ImGuiRuntime() {
    // The backends shut down against the current context; make sure it is this one.
    ImGui::SetCurrentContext(m_context);
    ImGui_ImplSDLRenderer_Shutdown();
    if (m_hasWindow) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(m_context);
}

}  // namespace kiosk::platform
