// One fullscreen root window per frame; the screen inside it follows the navigator's location.
#include "ui/kiosk_ui.hpp"

#include "core/pack/localized_text.hpp"
#include "core/speech/page_reading.hpp"
#include "ui/access_strings.hpp"
#include "ui/frame_context.hpp"
#include "ui/imgui_scoped.hpp"
#include "ui/screens/attract_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/flow_screen.hpp"
#include "ui/screens/page_screen.hpp"
#include "ui/screens/problems_screen.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/idle_prompt.hpp"

namespace kiosk::ui {

KioskUi::KioskUi(SDL_Renderer* renderer, const Theme& theme)
    : m_theme(theme), m_textures(renderer), m_nonVisual(theme.em() / theme.textScale()) {}

void KioskUi::draw(const core::Navigator& nav, std::vector<core::Intent>& intents, core::CalendarDate today) {
    m_items.beginFrame();
    const auto languages = core::languageFallbacks(nav.language(), nav.defaultLanguage());
    FrameContext ctx{nav, m_theme, m_textures, m_items, languages, uiStrings(languages), intents, today};
    // Whatever path the screen takes below, what it said about moving on its own is kept.
    struct KeepAnimating {
        const FrameContext& ctx;
        bool& out;
        ~KeepAnimating() { out = ctx.animating; }
    } keepAnimating{ctx, m_animating};
    m_audit.beginFrame();
    ctx.audit = &m_audit;
    ctx.speech = m_speech;
    ctx.videos = m_videos;
    if (m_videos) m_videos->holdForSpeech(speaking());
    ctx.reveal = m_nonVisual.revealRequest();
    ctx.openAccessibilityMenu = &m_accessMenu.open;
    applySpeechSettings(nav.accessibility());

    placeArea(ctx, nav);
    ImGui::SetNextWindowPos(ctx.areaMin);
    ImGui::SetNextWindowSize(ctx.areaSize);
    constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                            ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    scoped::Window root("kiosk", kRootFlags);
    const std::string screen = drawScreen(ctx, nav);
    m_nonVisual.frame(ctx, screen, nav.visit().phase() == core::VisitorPhase::IdlePrompt);
}

std::string KioskUi::drawScreen(FrameContext& ctx, const core::Navigator& nav) {
    // Before anything of the visitor's: while it is open, the staff screen is all there is.
    if (m_staff && m_staff->draw(ctx)) return std::string(kStaffScreen);
    if (drawAuthorProblems(ctx, m_authorProblems)) return "problems";

    const core::VisitorPhase phase = nav.visit().phase();
    if (phase == core::VisitorPhase::Attract || phase == core::VisitorPhase::ResetNotice) {
        forgetVisitor();
        drawAttractScreen(ctx, nav.visit().slide(), phase == core::VisitorPhase::ResetNotice);
        if (phase == core::VisitorPhase::Attract) sayAttractHint(nav);
        return phase == core::VisitorPhase::Attract ? "attract" : "reset";
    }
    // Under the open menu the screen keeps still: what the non-visual mode asks to show is in the menu.
    std::optional<ItemRect> menuReveal = m_accessMenu.open ? std::exchange(ctx.reveal, std::nullopt) : std::nullopt;
    drawVisit(ctx, nav);
    if (menuReveal) ctx.reveal = std::move(menuReveal);
    std::string screen = "home";
    if (const core::FlowSession* flow = nav.flowSession()) {
        screen = "flow:" + flow->flowId + "/" + std::to_string(flow->step);
    } else if (!nav.location().isHome()) {
        screen = "page:" + nav.location().packId + "/" + nav.location().pageId;
    }
    if (drawAccessibilityMenu(ctx, m_accessMenu)) screen += "+menu";
    if (phase == core::VisitorPhase::IdlePrompt) {
        drawIdlePrompt(ctx, nav.visit().secondsLeft());
        screen += "+idle";
    }
    return screen;
}

void KioskUi::sayAttractHint(const core::Navigator& nav) {
    const auto slide = nav.visit().policy().slide;
    if (!m_speech || m_speechHintEvery <= core::Duration::zero() || slide <= core::Duration::zero()) return;
    const auto every = static_cast<std::size_t>(std::max<long>(1, static_cast<long>(m_speechHintEvery / slide)));
    const std::size_t current = nav.visit().slide();
    // Not at once when the loop begins (a visitor just left), then once per period.
    if (current == 0 || current % every != 0 || current == m_speechHintSlide || m_speech->isSpeaking()) return;
    m_speechHintSlide = current;
    std::vector<core::Utterance> hint{core::Utterance{accessStrings({nav.defaultLanguage()}).attractHint, nav.defaultLanguage(), "attract/hint"}};
    if (nav.defaultLanguage() != "en") hint.push_back(core::Utterance{accessStrings({"en"}).attractHint, "en", "attract/hint"});
    m_speech->speak(std::move(hint));
}

void KioskUi::placeArea(FrameContext& ctx, const core::Navigator& nav) const {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Staff stand at the kiosk: their screen always has the whole display.
    const bool low = nav.accessibility().lowMode && !staffScreenOpen();
    const float top = !low ? 0.0f : m_lowModeTop >= 0.0f ? std::min(m_lowModeTop, display.y * 0.6f) : display.y * 0.5f;
    ctx.areaMin = ImVec2(0, top);
    ctx.areaSize = ImVec2(display.x, display.y - top);
    if (top <= 0.0f) return;
    // Above the area, out of reach, only a quiet note of why the screen looks this way.
    const AccessStrings& words = accessStrings(ctx.languages);
    ImFont* font = m_theme.fonts().body;
    const float width = font->CalcTextSizeA(font->FontSize, display.x, 0.0f, words.lowModeOn).x;
    ImGui::GetBackgroundDrawList()->AddText(font, font->FontSize, ImVec2((display.x - width) * 0.5f, top * 0.5f - font->FontSize * 0.5f),
                                            m_theme.colors().textMuted, words.lowModeOn);
}

void KioskUi::applySpeechSettings(const core::AccessibilitySettings& settings) {
    if (!m_speech || (m_speechSettings && m_speechSettings->volume == settings.volume &&
                      m_speechSettings->speechRate == settings.speechRate)) {
        return;
    }
    m_speech->setVolume(settings.volume);
    m_speech->setRate(settings.speechRate);
    m_speechSettings = settings;
}

void KioskUi::drawVisit(FrameContext& ctx, const core::Navigator& nav) {
    const bool justArrived = !(nav.location() == m_lastLocation);
    m_lastLocation = nav.location();
    // Back (or home) shortens the path: the new page comes in from the left.
    if (justArrived) m_pageMemory.cameBack = nav.historyDepth() < m_lastHistoryDepth;
    m_lastHistoryDepth = nav.historyDepth();
    const core::Pack* pack = nav.currentPack();
    const core::Page* page = nav.currentPage();
    // A flow is drawn instead of the page that started it; the page is still where "Done" returns.
    const core::Flow* flow = nav.currentFlow();
    const core::FlowSession* session = nav.flowSession();
    // What is read aloud is the page on screen: going anywhere else (another page, home, a flow)
    // silences it, and the next page is read only when asked.
    const bool samePage = pack && page && !flow && !justArrived;
    if (!samePage && m_speech && m_speech->isSpeaking() && core::isPageReading(m_speech->currentId())) m_speech->stop();
    if (pack && flow && session) {
        drawFlowScreen(ctx, *pack, *flow, *session, m_flowMemory);
        return;
    }
    m_flowMemory = FlowScreenMemory{};  // a flow started again begins at its top
    if (pack && page) {
        drawPageScreen(ctx, *pack, *page, justArrived, m_pageMemory);
    } else {
        drawHomeScreen(ctx, justArrived);
    }
}

void KioskUi::forgetVisitor() {
    // The next visitor does not hear the last one's page (the loop's own hint they may hear).
    if (m_speech && m_speech->isSpeaking() && m_speech->currentId() != "attract/hint") m_speech->stop();
    m_flowMemory = FlowScreenMemory{};
    m_accessMenu = AccessibilityMenuMemory{};
    m_pageMemory.arriveOnPage();
    // Called on every frame of the attract loop: its own autoplaying clips must survive that, so
    // the clips are forgotten once, when a visit ends (a visit always has a location).
    const core::Location forgotten{"-", "-"};
    if (m_videos && !(m_lastLocation == forgotten)) m_videos->forgetVisitor();
    m_lastLocation = forgotten;
    forgetTypedText();
}

}  // namespace kiosk::ui
