// What the kiosk takes from the system it runs on: library versions and the fonts it draws with.
#pragma once

#include <optional>
#include <string>

#include "ui/theme.hpp"

namespace kiosk::platform {

// "SDL 2.26.5, SDL_image 2.6.3, Dear ImGui 1.86": what the display side runs on, for --version.
std::string displayLibraryVersions();

// Noto Sans from Debian's fonts-noto-core: Latin with umlauts and ß, and Cyrillic.
ui::FontFiles systemFontFiles();

// Whether the kernel's clock is disciplined by a time server (systemd-timesyncd, chrony, ntpd all
// clear the kernel's "unsynchronised" flag); nullopt when the kernel cannot be asked.
std::optional<bool> systemClockSynchronised();

}  // namespace kiosk::platform
