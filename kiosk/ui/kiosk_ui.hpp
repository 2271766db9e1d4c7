// The whole visitor UI for one frame: picks the screen for the navigator's state and draws it.
#pragma once

#include <vector>

#include "core/nav/intent.hpp"
#include "core/nav/navigator.hpp"
#include "ui/item_registry.hpp"
#include "ui/texture_cache.hpp"
#include "ui/theme.hpp"

struct SDL_Renderer;

namespace kiosk::ui {

class KioskUi {
public:
    KioskUi(SDL_Renderer* renderer, const Theme& theme);

    // Between ImGui::NewFrame() and ImGui::Render(). Reads `nav`, never changes it: what the
    // visitor asked for is appended to `intents`, for the loop to apply after rendering.
    void draw(const core::Navigator& nav, std::vector<core::Intent>& intents);

    // After the frame is presented, when no draw data refers to textures any more.
    void afterFrame() { m_textures.collectGarbage(); }

    const ItemRegistry& items() const { return m_items; }
    const TextureCache& textures() const { return m_textures; }

private:
    const Theme& m_theme;
    TextureCache m_textures;
    ItemRegistry m_items;
    core::Location m_lastLocation{"-", "-"};  // never a real location, so the first frame "arrives"
};

}  // namespace kiosk::ui
