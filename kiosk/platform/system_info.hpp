// What the kiosk takes from the system it runs on: library versions and the fonts it draws with.
#pragma once

#include <string>

#include "ui/theme.hpp"

namespace kiosk::platform {

// "SDL 2.26.5, SDL_image 2.6.3, Dear ImGui 1.86": what the display side runs on, for --version.
std::string displayLibraryVersions();

// Noto Sans from Debian's fonts-noto-core: Latin with umlauts and ß, and Cyrillic.
ui::FontFiles systemFontFiles();

}  // namespace kiosk::platform
