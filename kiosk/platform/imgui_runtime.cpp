// ImGui set-up: no ini file (nothing to leak between visitors), no cursor changes, the kiosk theme.
#include "platform/imgui_runtime.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

namespace kiosk::platform {
namespace {

// Without a window no SDL backend maps ImGui's keys; mapped as imgui_impl_sdl.cpp (1.86) does, a
// headless kiosk reads key presses at the same io.KeysDown indices as a windowed one. The
// on-screen keyboard's backspace is such a press, and tests type through it.
void mapKeysAsTheSdlBackendDoes(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = SDL_SCANCODE_TAB;
    io.KeyMap[ImGuiKey_LeftArrow] = SDL_SCANCODE_LEFT;
    io.KeyMap[ImGuiKey_RightArrow] = SDL_SCANCODE_RIGHT;
    io.KeyMap[ImGuiKey_UpArrow] = SDL_SCANCODE_UP;
    io.KeyMap[ImGuiKey_DownArrow] = SDL_SCANCODE_DOWN;
    io.KeyMap[ImGuiKey_PageUp] = SDL_SCANCODE_PAGEUP;
    io.KeyMap[ImGuiKey_PageDown] = SDL_SCANCODE_PAGEDOWN;
    io.KeyMap[ImGuiKey_Home] = SDL_SCANCODE_HOME;
    io.KeyMap[ImGuiKey_End] = SDL_SCANCODE_END;
    io.KeyMap[ImGuiKey_Insert] = SDL_SCANCODE_INSERT;
    io.KeyMap[ImGuiKey_Delete] = SDL_SCANCODE_DELETE;
    io.KeyMap[ImGuiKey_Backspace] = SDL_SCANCODE_BACKSPACE;
    io.KeyMap[ImGuiKey_Space] = SDL_SCANCODE_SPACE;
    io.KeyMap[ImGuiKey_Enter] = SDL_SCANCODE_RETURN;
    io.KeyMap[ImGuiKey_Escape] = SDL_SCANCODE_ESCAPE;
    io.KeyMap[ImGuiKey_KeyPadEnter] = SDL_SCANCODE_KP_ENTER;
    io.KeyMap[ImGuiKey_A] = SDL_SCANCODE_A;
    io.KeyMap[ImGuiKey_C] = SDL_SCANCODE_C;
    io.KeyMap[ImGuiKey_V] = SDL_SCANCODE_V;
    io.KeyMap[ImGuiKey_X] = SDL_SCANCODE_X;
    io.KeyMap[ImGuiKey_Y] = SDL_SCANCODE_Y;
    io.KeyMap[ImGuiKey_Z] = SDL_SCANCODE_Z;
}

// Builds the atlas, uploads it, and frees what only building needed: ImGui's CPU copies of the
// atlas (8-bit and RGBA, 5 bytes a pixel: 5 MiB at 1080p, where the atlas is 1024x1024) and the
// font files it read into memory (eight faces of about 0.5 MiB each). The texture keeps the
// only copy of the pixels; drawing needs only the glyphs' metrics and coordinates, which stay.
// A new text size builds everything again from the files (Theme::loadFonts).
void uploadFontAtlas() {
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.ClearTexData();
    atlas.ClearInputData();
}

}  // namespace

ImGuiRuntime::ImGuiRuntime(SDL_Window* window, SDL_Renderer* renderer, ui::Theme& theme, const ui::FontFiles& fonts)
    : m_context(nullptr), m_theme(theme), m_fontFiles(fonts), m_hasWindow(window != nullptr) {
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Without this flag the 1.86 SDL backend shows the cursor again on every frame.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    m_fontWarning = theme.loadFonts(*io.Fonts, fonts);
    theme.applyTo(ImGui::GetStyle());
    if (m_hasWindow) {
        ImGui_ImplSDL2_InitForSDLRenderer(window);
    } else {
        mapKeysAsTheSdlBackendDoes(io);
    }
    ImGui_ImplSDLRenderer_Init(renderer);
    uploadFontAtlas();
    // No clipboard: Ctrl+C in a form field would keep one visitor's text for the next one's
    // Ctrl+V (and put it in the desktop's clipboard). Set after the SDL backend, which installs
    // SDL's; without a backend ImGui would keep its own copy in memory.
    io.SetClipboardTextFn = nullptr;
    io.GetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
}

bool ImGuiRuntime::adaptTo(const core::AccessibilitySettings& settings) {
    const bool contrastChanged = m_theme.highContrast() != settings.highContrast;
    m_theme.setHighContrast(settings.highContrast);
    const bool sizeChanged = m_theme.setTextScale(settings.textScale());
    if (!contrastChanged && !sizeChanged) return false;
    ImGui::SetCurrentContext(m_context);
    if (sizeChanged) {
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        m_fontWarning = m_theme.loadFonts(*ImGui::GetIO().Fonts, m_fontFiles);
        uploadFontAtlas();
    }
    m_theme.applyTo(ImGui::GetStyle());
    return true;
}

ImGuiRuntime::~ImGuiRuntime() {
    // The backends shut down against the current context; make sure it is this one.
    ImGui::SetCurrentContext(m_context);
    ImGui_ImplSDLRenderer_Shutdown();
    if (m_hasWindow) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(m_context);
}

}  // namespace kiosk::platform
