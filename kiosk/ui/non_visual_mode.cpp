// Focus lives by element id across frames: the registry is rebuilt every frame, ids are stable.
#include "ui/non_visual_mode.hpp"

#include <algorithm>
#include <limits>

#include "ui/access_strings.hpp"

namespace kiosk::ui {
namespace {

core::GestureTuning tuningFor(float fingerSize) {
    core::GestureTuning tuning;
    tuning.tapSlop = fingerSize * 0.7f;          // 21 px at 1080p: a tap wobbles less
    tuning.swipeMinDistance = fingerSize * 2.5f; // 75 px: a deliberate flick, not a slipping tap
    return tuning;
}

const char* roleWord(const AccessStrings& words, ItemRole role) {
    switch (role) {
        case ItemRole::Button: return words.button;
        case ItemRole::Link: return words.link;
        case ItemRole::TextField: return words.textField;
        case ItemRole::Option: return words.option;
        case ItemRole::Key: return words.key;
        case ItemRole::Heading: return words.heading;
        case ItemRole::Picture: return words.picture;
        case ItemRole::Problem: return words.problem;
        case ItemRole::Text:
        case ItemRole::None: return nullptr;
    }
    return nullptr;
}

float area(const ItemRect& item) { return (item.max.x - item.min.x) * (item.max.y - item.min.y); }

}  // namespace

NonVisualMode::NonVisualMode(float fingerSize) : m_gestures(tuningFor(fingerSize)) {}

void NonVisualMode::fingerEvent(const core::FingerEvent& event) {
    for (const core::Gesture& gesture : m_gestures.handle(event)) m_pending.push_back(gesture);
}

void NonVisualMode::command(NonVisualCommand command) { m_commands.push_back(command); }

void NonVisualMode::poll(core::TimePoint now) {
    for (const core::Gesture& gesture : m_gestures.poll(now)) m_pending.push_back(gesture);
}

std::optional<ImVec2> NonVisualMode::takeTap() {
    if (m_tap && m_focus.ends_with("/next")) m_framesSinceNext = 0;
    return std::exchange(m_tap, std::nullopt);
}

bool NonVisualMode::takePointerCancel() { return std::exchange(m_cancelPointer, false); }

void NonVisualMode::frame(FrameContext& ctx, const std::string& screen, bool idlePrompt) {
    const std::vector<core::Gesture> gestures = std::exchange(m_pending, {});
    const std::vector<NonVisualCommand> commands = std::exchange(m_commands, {});
    m_reveal.reset();
    if (screen == kStaffScreen) {
        m_active = false;
        m_gestures.reset();
        return;
    }
    m_active = ctx.nav.accessibility().nonVisual;

    const bool toggled = std::any_of(gestures.begin(), gestures.end(),
                                     [](const core::Gesture& g) { return g.kind == core::Gesture::Kind::TwoFingerHold; }) ||
                         std::find(commands.begin(), commands.end(), NonVisualCommand::Toggle) != commands.end();
    if (toggled) {
        toggle(ctx);
        return;  // the other gestures of this contact were made before the mode changed
    }
    if (!m_active) {
        m_focus.clear();
        m_screen.clear();
        m_activating.clear();
        return;
    }
    if (screen != m_screen) {
        m_screen = screen;
        m_activating.clear();
        m_framesSinceNext.reset();
        announceScreen(ctx, false);
    }
    // The tap's press and release take a frame each and the step changes after the release:
    // on the third frame still on the same step, "next" was refused. What to fix is said.
    if (m_framesSinceNext && ++*m_framesSinceNext >= 3) {
        m_framesSinceNext.reset();
        announceScreen(ctx, false);
    }
    // The prompt asks "are you still there?": any gesture at all answers yes, since finding
    // its button by touch would take longer than the countdown allows.
    if (idlePrompt && (!gestures.empty() || !commands.empty())) {
        ctx.emit<core::StillHere>();
        return;
    }
    for (const core::Gesture& gesture : gestures) {
        switch (gesture.kind) {
            case core::Gesture::Kind::Touch: touch(ctx, ImVec2(gesture.x, gesture.y)); break;
            case core::Gesture::Kind::SwipeRight: move(ctx, +1); break;
            case core::Gesture::Kind::SwipeLeft: move(ctx, -1); break;
            case core::Gesture::Kind::DoubleTap: activate(ctx); break;
            case core::Gesture::Kind::SwipeUp:
            case core::Gesture::Kind::SwipeDown:
            case core::Gesture::Kind::TwoFingerHold: break;  // scrolling follows the focus; no use for them yet
        }
    }
    for (const NonVisualCommand command : commands) {
        if (command == NonVisualCommand::Next) move(ctx, +1);
        if (command == NonVisualCommand::Previous) move(ctx, -1);
        if (command == NonVisualCommand::Activate) activate(ctx);
    }
    // An element asked for while out of view is tapped once its area scrolled it in.
    if (!m_activating.empty()) {
        const auto item = ctx.items.find(m_activating);
        if (!item) {
            m_activating.clear();
        } else if (item->visible) {
            m_tap = item->center();
            m_activating.clear();
        } else {
            m_reveal = item;
        }
    }
    // A thick frame around the element in focus, for a sighted companion and for low vision.
    if (const auto item = ctx.items.find(m_focus)) {
        if (!item->visible) m_reveal = m_reveal ? m_reveal : item;
        const float pad = ctx.theme.em(0.2f);
        ImGui::GetForegroundDrawList()->AddRect(ImVec2(item->min.x - pad, item->min.y - pad), ImVec2(item->max.x + pad, item->max.y + pad),
                                                ctx.theme.colors().text, ctx.theme.cornerRadius(), 0, ctx.theme.em(0.2f));
    }
}

void NonVisualMode::toggle(FrameContext& ctx) {
    core::AccessibilitySettings settings = ctx.nav.accessibility();
    settings.nonVisual = !settings.nonVisual;
    // From the attract loop, the gesture also begins the visit it is meant for.
    if (ctx.nav.visit().phase() == core::VisitorPhase::Attract) ctx.emit<core::StartVisit>();
    ctx.emit<core::SetAccessibility>(settings);
    m_gestures.reset();
    m_cancelPointer = true;
    m_focus.clear();
    m_activating.clear();
    m_screen.clear();  // the next frame says where the visitor is, after the explanation
    const AccessStrings& words = accessStrings(ctx.languages);
    say(ctx, settings.nonVisual ? words.nonVisualOn : words.nonVisualOff);
    m_skipNextScreenInterrupt = settings.nonVisual;
}

void NonVisualMode::announceScreen(FrameContext& ctx, bool afterWhatIsSaid) {
    const auto items = ctx.items.topLayer();
    // A refused "next" shows what to fix: the first of those is said, not the step's title again.
    auto heading = std::find_if(items.begin(), items.end(), [](const ItemRect& i) { return i.spoken() && i.role == ItemRole::Problem; });
    if (heading == items.end()) {
        heading = std::find_if(items.begin(), items.end(), [](const ItemRect& i) { return i.spoken() && i.role == ItemRole::Heading; });
    }
    if (heading == items.end()) heading = std::find_if(items.begin(), items.end(), [](const ItemRect& i) { return i.spoken(); });
    if (heading == items.end()) {
        m_focus.clear();
        return;
    }
    m_focus = heading->id;
    say(ctx, describe(ctx, *heading), afterWhatIsSaid || std::exchange(m_skipNextScreenInterrupt, false));
}

void NonVisualMode::focusOn(FrameContext& ctx, const ItemRect& item) {
    m_focus = item.id;
    if (!item.visible) m_reveal = item;
    say(ctx, describe(ctx, item));
}

void NonVisualMode::move(FrameContext& ctx, int direction) {
    const auto items = ctx.items.topLayer();
    std::vector<std::size_t> spoken;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].spoken()) spoken.push_back(i);
    }
    if (spoken.empty()) return;
    const auto current = std::find_if(spoken.begin(), spoken.end(), [&](std::size_t i) { return items[i].id == m_focus; });
    const AccessStrings& words = accessStrings(ctx.languages);
    if (current == spoken.end()) {  // nothing in focus: the first (or last) element
        focusOn(ctx, items[direction > 0 ? spoken.front() : spoken.back()]);
        return;
    }
    const auto position = current - spoken.begin();
    const auto next = position + direction;
    if (next < 0) {
        say(ctx, words.firstElement);
        return;
    }
    if (next >= static_cast<std::ptrdiff_t>(spoken.size())) {
        say(ctx, words.lastElement);
        return;
    }
    focusOn(ctx, items[spoken[static_cast<std::size_t>(next)]]);
}

void NonVisualMode::activate(FrameContext& ctx) {
    const auto item = ctx.items.find(m_focus);
    if (!item || !(item->touchTarget || item->role == ItemRole::Link)) return;  // a text is read, not pressed
    if (item->visible) {
        m_tap = item->center();
    } else {
        m_activating = item->id;
        m_reveal = item;
    }
}

void NonVisualMode::touch(FrameContext& ctx, ImVec2 at) {
    // The smallest spoken element under the finger: a button inside a card, not the card.
    const ItemRect* found = nullptr;
    for (const ItemRect& item : ctx.items.topLayer()) {
        if (!item.spoken() || !item.visible) continue;
        if (at.x < item.min.x || at.y < item.min.y || at.x >= item.max.x || at.y >= item.max.y) continue;
        if (!found || area(item) < area(*found)) found = &item;
    }
    if (!found) return;
    // A finger resting on the element just said says nothing more; touched again later, it repeats.
    if (found->id == m_focus && ctx.speech && ctx.speech->isSpeaking()) return;
    focusOn(ctx, *found);
}

void NonVisualMode::say(FrameContext& ctx, std::string text, bool afterWhatIsSaid) {
    ctx.say(std::move(text), "non-visual", afterWhatIsSaid);
}

std::string NonVisualMode::describe(FrameContext& ctx, const ItemRect& item) const {
    const AccessStrings& words = accessStrings(ctx.languages);
    std::string text = item.label;
    if (const char* role = roleWord(words, item.role)) text += std::string(", ") + role;
    if (item.role == ItemRole::TextField) text += ", " + (item.value.empty() ? std::string(words.empty) : item.value);
    if (item.selected) text += std::string(", ") + words.selected;
    return text;
}

}  // namespace kiosk::ui
