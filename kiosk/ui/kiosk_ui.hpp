// The whole visitor UI for one frame: picks the screen for the navigator's state and draws it.
#pragma once

#include <optional>

#include <vector>

#include "core/nav/intent.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/blocks.hpp"
#include "ui/blocks/page_memory.hpp"
#include "ui/item_registry.hpp"
#include "ui/non_visual_mode.hpp"
#include "ui/render_audit.hpp"
#include "ui/screens/flow_screen.hpp"
#include "ui/staff/staff_screen.hpp"
#include "ui/texture_cache.hpp"
#include "ui/theme.hpp"
#include "ui/video_playback.hpp"
#include "ui/widgets/accessibility_menu.hpp"

struct SDL_Renderer;

namespace kiosk::ui {

class KioskUi {
public:
    KioskUi(SDL_Renderer* renderer, const Theme& theme);

    // Between ImGui::NewFrame() and ImGui::Render(). Reads `nav`, never changes it: what the
    // visitor asked for is appended to `intents`, for the loop to apply after rendering.
    // `today` is the local date, for date fields.
    void draw(const core::Navigator& nav, std::vector<core::Intent>& intents, core::CalendarDate today);

    // Something on screen moves on its own (a flung page): draw another frame soon.
    bool wantsAnotherFrame() const { return m_animating; }

    // After the frame is presented, when no draw data refers to textures any more.
    void afterFrame() {
        m_textures.collectGarbage();
        if (m_videos) m_videos->afterFrame();
    }

    // Preview only: the problems of the pack being written. With errors they replace the screen
    // (the pack cannot be shown); warnings show in a strip at the bottom. Empty: nothing shown.
    void setAuthorProblems(core::Diagnostics problems) { m_authorProblems = std::move(problems); }
    // Between frames, after files changed on disk: pictures are decoded again when next drawn.
    void forgetTextures() { m_textures.clear(); }

    // Opens the staff screen to the hidden corner taps (the kiosk; not screenshots or previews).
    void enableStaffScreen(StaffAccess access) { m_staff.emplace(std::move(access)); }
    // What staff asked for in the last frame (reload, quit), once.
    StaffRequest takeStaffRequest() { return m_staff ? m_staff->takeRequest() : StaffRequest::None; }
    bool staffScreenOpen() const { return m_staff && m_staff->isOpen(); }
    // Pages offer "read aloud" through it; null (the default): they do not. Owned by the caller.
    void setSpeech(core::SpeechOutput* speech) { m_speech = speech; }
    // Clips play through it; null (the default): they show their posters. Owned by the caller.
    void setVideoPlayers(VideoPlayers* videos) { m_videos = videos; }
    // A visitor watches a clip they started: the visit goes on (finishFrame notes the activity).
    bool clipWatched() const { return m_videos && m_videos->watched(); }
    // While a page is read aloud the loop redraws now and then, so the highlight follows.
    bool speaking() const { return m_speech && m_speech->isSpeaking(); }
    // Low mode: everything the visitor presses lies below this line (pixels from the top, see
    // core/access/reach.hpp). Until set: the lower half.
    void setLowModeTop(float y) { m_lowModeTop = y; }
    // The attract loop says how to turn on speech guidance this often (0: never), in the
    // kiosk's default language and English: a blind visitor cannot read the screen's hint.
    void setSpeechHintEvery(core::Duration every) { m_speechHintEvery = every; }
    // Touch and keys for the non-visual mode, fed by the platform between frames.
    NonVisualMode& nonVisual() { return m_nonVisual; }
    const NonVisualMode& nonVisual() const { return m_nonVisual; }

    const ItemRegistry& items() const { return m_items; }
    const TextureCache& textures() const { return m_textures; }
    // Text problems of the last frame (missing glyphs, overflow, raw markup): for tests.
    const RenderAudit& audit() const { return m_audit; }
    // Galleries' positions on the current page: for tests.
    const PageScreenMemory& pageMemory() const { return m_pageMemory; }

private:
    // Draws what the navigator's state calls for; returns its name for the non-visual mode.
    std::string drawScreen(FrameContext& ctx, const core::Navigator& nav);
    void drawVisit(FrameContext& ctx, const core::Navigator& nav);
    void sayAttractHint(const core::Navigator& nav);
    // Where the visitor's screens go this frame: all the display, or its lower part in low mode.
    void placeArea(FrameContext& ctx, const core::Navigator& nav) const;
    // The visitor's volume and speech rate reach the speech output when they change.
    void applySpeechSettings(const core::AccessibilitySettings& settings);
    // Between visitors: nothing the last one saw or typed survives in the UI (ImGui's text
    // buffers included), and the next visit starts on fresh screens.
    void forgetVisitor();

    const Theme& m_theme;
    TextureCache m_textures;
    ItemRegistry m_items;
    core::Location m_lastLocation{"-", "-"};  // never a real location, so the first frame "arrives"
    std::size_t m_lastHistoryDepth = 0;
    FlowScreenMemory m_flowMemory;
    PageScreenMemory m_pageMemory;
    RenderAudit m_audit;
    core::Diagnostics m_authorProblems;
    core::SpeechOutput* m_speech = nullptr;
    VideoPlayers* m_videos = nullptr;
    std::optional<core::AccessibilitySettings> m_speechSettings;  // last given to m_speech
    NonVisualMode m_nonVisual;
    AccessibilityMenuMemory m_accessMenu;  // open or not: the UI's memory, forgotten with the visitor
    float m_lowModeTop = -1.0f;  // < 0: the lower half
    core::Duration m_speechHintEvery{0};
    std::size_t m_speechHintSlide = 0;  // the attract picture at which the hint was last said
    std::optional<StaffScreen> m_staff;
    bool m_animating = false;
};

}  // namespace kiosk::ui
