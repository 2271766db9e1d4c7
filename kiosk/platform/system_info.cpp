// The one place that names system paths and asks libraries for their versions.
#include "platform/system_info.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <imgui.h>
#include <sys/timex.h>

namespace kiosk::platform {

std::string displayLibraryVersions() {
    SDL_version sdl{};
    SDL_GetVersion(&sdl);
    const SDL_version* image = IMG_Linked_Version();
    auto text = [](const SDL_version& v) {
        return std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch);
    };
    return "SDL " + text(sdl) + ", SDL_image " + text(*image) + ", Dear ImGui " + IMGUI_VERSION;
}

ui::FontFiles systemFontFiles() {
    return ui::FontFiles{"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                         "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                         "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
                         "/usr/share/fonts/truetype/noto/NotoSans-BoldItalic.ttf"};
}

std::optional<bool> systemClockSynchronised() {
    timex query{};  // modes 0: only reads, which needs no privilege
    const int state = ntp_adjtime(&query);
    if (state == -1) return std::nullopt;
    return state != TIME_ERROR;
}

}  // namespace kiosk::platform
