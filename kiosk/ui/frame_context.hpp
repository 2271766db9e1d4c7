// What every screen and widget gets for one frame: the state to read and the place to put intents.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/nav/intent.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/blocks.hpp"
#include "core/speech/speech_output.hpp"
#include "ui/item_registry.hpp"
#include "ui/render_audit.hpp"
#include "ui/texture_cache.hpp"
#include "ui/theme.hpp"
#include "ui/ui_strings.hpp"
#include "ui/video_playback.hpp"

namespace kiosk::ui {

struct FrameContext {
    const core::Navigator& nav;
    const Theme& theme;
    TextureCache& textures;
    ItemRegistry& items;
    std::vector<std::string> languages;  // the visitor's language first, then its fallbacks
    const UiStrings& strings;
    std::vector<core::Intent>& intents;
    // The local date, from the platform: where a date field starts. Passed in, never read from
    // the system here, so tests can fix it.
    core::CalendarDate today;
    // Where text drawing reports missing glyphs, overflow and raw markup; null: nobody listens.
    RenderAudit* audit = nullptr;
    // Speech output (issue 5); null: no "read aloud" on the pages.
    core::SpeechOutput* speech = nullptr;
    // Who plays the clips (issue 11); null: clips show their posters only.
    VideoPlayers* videos = nullptr;
    // The part of the display the visitor's screens use: all of it, or in low mode only the
    // lower part, within reach from a wheelchair. Overlays (the idle prompt, menus) keep to it.
    ImVec2 areaMin{0, 0};
    ImVec2 areaSize{0, 0};
    // The top bar's accessibility button sets it to open the menu (ui/widgets/accessibility_menu.hpp).
    // A flag the KioskUi owns, not an intent: whether a panel is open is the UI's memory, like a
    // page's scroll position; the navigator only holds what the menu changes. Null: nobody opens it.
    bool* openAccessibilityMenu = nullptr;
    // Set by whatever moves on its own (a flung page): the loop draws another frame soon.
    bool animating = false;
    // Set by a widget that follows a finger sideways (a clip's seek bar): the page it is on does
    // not scroll under the finger meanwhile.
    bool fingerTaken = false;
    // An element the non-visual mode moved to, where the last frame drew it, outside its
    // scrolling area: the area that drew it scrolls it into view (touchScroll) and clears this.
    std::optional<ItemRect> reveal = std::nullopt;

    // Says `text` in the visitor's language, at once (cutting off what is heard) or after what
    // waits; `id` tells the utterance apart (never a page reading's id). Silent without speech.
    void say(std::string text, std::string id, bool afterWhatIsSaid = false) {
        if (!speech) return;
        std::vector<core::Utterance> utterance{core::Utterance{std::move(text), nav.language(), std::move(id)}};
        if (afterWhatIsSaid) {
            speech->append(std::move(utterance));
        } else {
            speech->speak(std::move(utterance));
        }
    }

    // Asks for `T` (an intent type) to happen after this frame. Built in place in the vector: a
    // moved temporary variant trips GCC 12's maybe-uninitialized false positive at -O2.
    template <class T, class... Args>
    void emit(Args&&... args) {
        intents.emplace_back(std::in_place_type<T>, T{std::forward<Args>(args)...});
    }
};

}  // namespace kiosk::ui
