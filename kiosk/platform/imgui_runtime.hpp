// The Dear ImGui context and its SDL backends, configured for a touch kiosk.
#pragma once

#include <string>

#include "core/access/accessibility_settings.hpp"
#include "ui/theme.hpp"

struct ImGuiContext;
struct SDL_Window;
struct SDL_Renderer;

namespace kiosk::platform {

class ImGuiRuntime {
public:
    // `window` may be null (headless): then no platform backend runs and the caller feeds input.
    ImGuiRuntime(SDL_Window* window, SDL_Renderer* renderer, ui::Theme& theme, const ui::FontFiles& fonts);
    ~ImGuiRuntime();
    ImGuiRuntime(const ImGuiRuntime&) = delete;
    ImGuiRuntime& operator=(const ImGuiRuntime&) = delete;

    // Non-empty when the fonts could not be loaded and ImGui's built-in font stands in.
    const std::string& fontWarning() const { return m_fontWarning; }

    // Between frames (never between NewFrame and Render): gives the theme the visitor's contrast
    // and text size. A new text size loads the fonts again at the new em, which takes a few
    // tens of milliseconds once, when the visitor changes it. True when anything changed.
    bool adaptTo(const core::AccessibilitySettings& settings);

private:
    ImGuiContext* m_context;
    ui::Theme& m_theme;
    ui::FontFiles m_fontFiles;
    bool m_hasWindow;
    std::string m_fontWarning;
};

}  // namespace kiosk::platform
