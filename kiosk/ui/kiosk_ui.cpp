// One fullscreen root window per frame; the screen inside it follows the navigator's location.
#include "ui/kiosk_ui.hpp"

#include "core/pack/localized_text.hpp"
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
    ctx.reveal = m_nonVisual.revealRequest();
    applySpeechSettings(nav.accessibility());

    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                            ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    scoped::Window root("kiosk", kRootFlags);
    const std::string screen = drawScreen(ctx, nav);
    m_nonVisual.frame(ctx, screen, nav.visit().phase() == core::VisitorPhase::IdlePrompt);
}

std::string KioskUi::drawScreen(FrameContext& ctx, const core::Navigator& nav) {
    // Before anything of the visitor's: while it is open, the staff screen is all there is.
    if (m_staff && m_staff->draw(ctx)) return "staff";
    if (drawAuthorProblems(ctx, m_authorProblems)) return "problems";

    const core::VisitorPhase phase = nav.visit().phase();
    if (phase == core::VisitorPhase::Attract || phase == core::VisitorPhase::ResetNotice) {
        forgetVisitor();
        drawAttractScreen(ctx, nav.visit().slide(), phase == core::VisitorPhase::ResetNotice);
        return phase == core::VisitorPhase::Attract ? "attract" : "reset";
    }
    drawVisit(ctx, nav);
    std::string screen = "home";
    if (const core::FlowSession* flow = nav.flowSession()) {
        screen = "flow:" + flow->flowId + "/" + std::to_string(flow->step);
    } else if (!nav.location().isHome()) {
        screen = "page:" + nav.location().packId + "/" + nav.location().pageId;
    }
    if (phase == core::VisitorPhase::IdlePrompt) {
        drawIdlePrompt(ctx, nav.visit().secondsLeft());
        screen += "+idle";
    }
    return screen;
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
    if (!samePage && m_speech && m_speech->isSpeaking()) m_speech->stop();
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
    // The next visitor does not hear the last one's page.
    if (m_speech && m_speech->isSpeaking()) m_speech->stop();
    m_flowMemory = FlowScreenMemory{};
    m_pageMemory.arriveOnPage();
    m_lastLocation = core::Location{"-", "-"};
    forgetTypedText();
}

}  // namespace kiosk::ui
