// What a screen asks for. Screens only emit intents; the frame loop applies them after rendering.
#pragma once

#include <string>
#include <variant>

namespace kiosk::core {

struct OpenPack {
    std::string packId;
};
struct OpenPage {
    std::string pageId;  // within the current pack
};
struct GoBack {};
struct GoHome {};
struct SetLanguage {
    std::string language;
};

using Intent = std::variant<OpenPack, OpenPage, GoBack, GoHome, SetLanguage>;

}  // namespace kiosk::core
