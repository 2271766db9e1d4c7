// What every screen and widget gets for one frame: the state to read and the place to put intents.
#pragma once

#include <string>
#include <vector>

#include "core/nav/intent.hpp"
#include "core/nav/navigator.hpp"
#include "ui/item_registry.hpp"
#include "ui/texture_cache.hpp"
#include "ui/theme.hpp"
#include "ui/ui_strings.hpp"

namespace kiosk::ui {

struct FrameContext {
    const core::Navigator& nav;
    const Theme& theme;
    TextureCache& textures;
    ItemRegistry& items;
    std::vector<std::string> languages;  // the visitor's language first, then its fallbacks
    const UiStrings& strings;
    std::vector<core::Intent>& intents;
};

}  // namespace kiosk::ui
