#include "simulated_visitor.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <utility>

namespace kiosk::soak {
namespace {

using namespace std::chrono_literals;

// What a finger goes for, and how often a visitor does: typing once the keyboard is up, going on
// in a flow, filling fields from their examples, reading on through links; now and then a
// language, read aloud, the accessibility menu, a clip; rarely "End visit".
enum class Aim { Key, Forward, Helper, Field, Navigation, Language, ReadAloud, Accessibility, Clip, EndVisit, Other, Count };
constexpr std::array<double, static_cast<std::size_t>(Aim::Count)> kAimWeights = {45, 14, 20, 8, 6, 2, 1.5, 2, 3, 1, 30};

bool endsWith(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}
bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

Aim aimOf(const ui::ItemRect& item) {
    const std::string_view id = item.id;
    if (id.rfind("keyboard/", 0) == 0) return Aim::Key;
    if (id == "bar/end-visit") return Aim::EndVisit;
    if (id.rfind("bar/lang/", 0) == 0) return Aim::Language;
    if (id == "page/read-aloud") return Aim::ReadAloud;
    if (id == "bar/accessibility" || id.rfind("a11y/", 0) == 0) return Aim::Accessibility;
    if (id == "bar/back" || id == "bar/home" || endsWith(id, "/back")) return Aim::Navigation;
    if (endsWith(id, "/next") || endsWith(id, "/submit") || endsWith(id, "/done")) return Aim::Forward;
    if (contains(id, "/example") || contains(id, "/today") || contains(id, "/option/")) return Aim::Helper;
    if (item.role == ui::ItemRole::TextField) return Aim::Field;
    if (contains(id, "/video/") || contains(id, "sign-language")) return Aim::Clip;
    return Aim::Other;
}

}  // namespace

SimulatedVisitor::SimulatedVisitor(platform::HeadlessRenderer& renderer, core::Navigator& navigator, SoakTime& time, std::uint32_t seed,
                                   std::function<bool()> betweenActions)
    : m_renderer(renderer), m_navigator(navigator), m_time(time), m_random(seed), m_betweenActions(std::move(betweenActions)),
      m_trace(std::getenv("KIOSK_SOAK_TRACE") ? std::atoi(std::getenv("KIOSK_SOAK_TRACE")) : 0) {}

std::vector<ui::ItemRect> SimulatedVisitor::touchTargets() const {
    std::vector<ui::ItemRect> targets;
    const float width = static_cast<float>(m_renderer.width());
    // The topmost layer only: under the idle prompt or the accessibility menu nothing is in reach.
    // Targets scrolled out of view count: a visitor scrolls to a button they saw further down.
    for (const ui::ItemRect& item : m_renderer.items().topLayer()) {
        const ImVec2 c = item.center();
        if (item.touchTarget && c.x > 0 && c.x < width) targets.push_back(item);
    }
    return targets;
}

bool SimulatedVisitor::reveal(const std::string& itemId, VisitTally& tally) {
    const float h = static_cast<float>(m_renderer.height());
    for (int attempt = 0; attempt < 8; ++attempt) {
        const auto item = m_renderer.items().find(itemId);
        if (!item) return false;
        // Anywhere clear of the screen's edges; the end of a page stops a little above the bottom.
        if (item->visible && item->center().y > h * 0.1f && item->center().y < h * 0.9f) return true;
        // Towards the middle of what the keyboard (if it is up) leaves, by a drag at the left
        // margin, where nothing reacts to a tap: from one end of that span, at most to the other.
        const auto keyboard = m_renderer.items().find("keyboard");
        const float top = h * 0.2f;
        const float bottom = keyboard ? keyboard->min.y - h * 0.05f : h * 0.8f;
        const float middle = (top + bottom) * 0.5f;
        const float distance = std::clamp(item->center().y - middle, -(bottom - top), bottom - top);
        const float from = distance > 0 ? bottom : top;
        m_renderer.drag(m_navigator, ImVec2(4, from), ImVec2(4, from - distance), 6, m_time.now());
        settle();
        ++tally.drags;
        m_timeUp = m_betweenActions() || m_timeUp;
    }
    const auto item = m_renderer.items().find(itemId);
    return item && item->visible;
}

bool SimulatedVisitor::inFlowResult() const {
    const core::FlowSession* flow = m_navigator.flowSession();
    return flow && !flow->caseNumber.empty();
}

void SimulatedVisitor::think(core::Duration longest) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(longest).count();
    m_time.advance(std::chrono::milliseconds(between(200, static_cast<int>(std::max<long long>(ms, 200)))));
    if (m_navigator.tick(m_time.now())) settle();
}

void SimulatedVisitor::tap(const ui::ItemRect& item, VisitTally& tally) {
    const std::string languageBefore = m_navigator.language();
    const bool resultBefore = inFlowResult();
    if (m_trace) std::fprintf(stderr, "[soak] tap %s\n", item.id.empty() ? "(the middle of the screen)" : item.id.c_str());
    m_renderer.tap(m_navigator, item.center(), m_time.now());
    settle();
    ++tally.taps;
    if (m_navigator.language() != languageBefore) ++tally.languageChanges;
    if (inFlowResult() && !resultBefore) ++tally.flowsFinished;
    m_timeUp = m_betweenActions() || m_timeUp;
}

void SimulatedVisitor::dragPage(VisitTally& tally) {
    // At the left margin, where nothing reacts to a tap: a finger scrolling the page, either way.
    const float h = static_cast<float>(m_renderer.height());
    const float from = h * (0.3f + 0.4f * std::uniform_real_distribution<float>(0, 1)(m_random));
    const float by = h * 0.3f * (chance(0.6) ? -1.0f : 1.0f);
    m_renderer.drag(m_navigator, ImVec2(4, from), ImVec2(4, from + by), between(3, 8), m_time.now());
    settle();
    ++tally.drags;
    m_timeUp = m_betweenActions() || m_timeUp;
}

void SimulatedVisitor::act(VisitTally& tally) {
    if (!m_navigator.location().isHome() && chance(0.08)) {
        dragPage(tally);
    } else {
        aimAndTap(tally);
    }
}

void SimulatedVisitor::tapById(const std::string& itemId, VisitTally& tally) {
    if (!reveal(itemId, tally)) return;
    if (const auto item = m_renderer.items().find(itemId)) tap(*item, tally);
    think(3s);
}

void SimulatedVisitor::fillStep(VisitTally& tally) {
    // Every field of the step as a visitor who reads the hints fills it: a text field's example,
    // a date's "today", one of a choice's options, a required box ticked; then on.
    std::vector<std::string> fields;
    std::vector<std::string> ids;
    for (const ui::ItemRect& item : touchTargets()) {
        ids.push_back(item.id);
        const auto at = item.id.find("/field/");
        if (item.id.find("/step/") == std::string::npos || at == std::string::npos) continue;
        const std::string field = item.id.substr(0, item.id.find('/', at + 7));
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) fields.push_back(field);
    }
    const auto has = [&ids](const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    for (const std::string& field : fields) {
        std::vector<std::string> options;
        for (const std::string& id : ids) {
            if (id.rfind(field + "/option/", 0) == 0) options.push_back(id);
        }
        if (has(field + "/example")) {
            tapById(field + "/example", tally);
        } else if (has(field + "/today")) {
            tapById(field + "/today", tally);
        } else if (!options.empty()) {
            tapById(options[static_cast<std::size_t>(between(0, static_cast<int>(options.size()) - 1))], tally);
        } else if (const auto box = m_renderer.items().find(field); box && box->role == ui::ItemRole::Option && !box->selected) {
            tapById(field, tally);
        }
    }
    for (const std::string& id : ids) {
        if (endsWith(id, "/next") || endsWith(id, "/submit") || endsWith(id, "/done")) {
            tapById(id, tally);
            break;
        }
    }
}

void SimulatedVisitor::aimAndTap(VisitTally& tally) {
    if (m_navigator.flowSession() && chance(0.35)) {
        fillStep(tally);
        return;
    }
    const std::vector<ui::ItemRect> targets = touchTargets();
    if (m_trace > 1) {
        for (const auto& t : targets) std::fprintf(stderr, "[soak]   target %s%s\n", t.id.c_str(), t.visible ? "" : " (out of view)");
    }
    if (targets.empty()) {
        // Nothing to press (a screen between two states): a finger on the middle of the screen.
        ui::ItemRect middle;
        middle.max = ImVec2(static_cast<float>(m_renderer.width()), static_cast<float>(m_renderer.height()));
        tap(middle, tally);
        return;
    }
    std::array<std::vector<const ui::ItemRect*>, static_cast<std::size_t>(Aim::Count)> byAim;
    for (const auto& item : targets) byAim[static_cast<std::size_t>(aimOf(item))].push_back(&item);
    std::array<double, static_cast<std::size_t>(Aim::Count)> weights{};
    for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = byAim[i].empty() ? 0.0 : kAimWeights[i];
    // Someone who started a form mostly goes on with it.
    if (m_navigator.flowSession()) {
        weights[static_cast<std::size_t>(Aim::Navigation)] *= 0.2;
        weights[static_cast<std::size_t>(Aim::Language)] *= 0.5;
    }
    const auto aim = static_cast<Aim>(std::discrete_distribution<std::size_t>(weights.begin(), weights.end())(m_random));
    const auto& choices = byAim[static_cast<std::size_t>(aim)];
    const ui::ItemRect& chosen = *choices[static_cast<std::size_t>(between(0, static_cast<int>(choices.size()) - 1))];
    if (!chosen.visible && !reveal(chosen.id, tally)) return;
    // Where it is now: the frames since may have scrolled it.
    const auto item = m_renderer.items().find(chosen.id);
    if (!item) return;
    tap(*item, tally);
    // A word, not a letter: a few more keys in a row.
    for (int more = aim == Aim::Key ? between(1, 7) : 0; more > 0; --more) {
        const auto& keys = byAim[static_cast<std::size_t>(Aim::Key)];
        const auto key = m_renderer.items().find(keys[static_cast<std::size_t>(between(0, static_cast<int>(keys.size()) - 1))]->id);
        if (!key) break;
        tap(*key, tally);
        ++tally.keys;
        think(600ms);
    }
    if (aim == Aim::Key) ++tally.keys;
    if (aim == Aim::ReadAloud) ++tally.readAloud;
    if (aim == Aim::EndVisit) ++tally.endVisitTaps;
    // Keys come quickly; anything else is read first.
    think(aim == Aim::Key ? 900ms : 8s);
}

void SimulatedVisitor::walkAway(VisitTally& tally) {
    // One visitor in ten turns back when the prompt asks, and goes on for a few more taps.
    bool comesBack = chance(0.1) && !m_timeUp;
    // The prompt counts down once a second; the reset notice shows for seconds; the attract loop
    // follows. A visit still on screen after this many deadlines is stuck.
    for (int deadline = 0; deadline < 400 && m_navigator.visit().phase() != core::VisitorPhase::Attract; ++deadline) {
        const auto due = m_navigator.nextDeadline();
        if (!due) throw std::runtime_error("a visit has no idle deadline: it would never end");
        const auto before = m_navigator.visit().phase();
        // Several countdown seconds at a time: each would only redraw a number.
        const core::Duration skip = before == core::VisitorPhase::IdlePrompt ? std::chrono::seconds(between(0, 6)) : core::Duration{};
        if (*due > m_time.now()) m_time.advance(*due - m_time.now() + skip);
        if (m_navigator.tick(m_time.now())) m_renderer.frame(m_navigator, m_time.now());
        m_timeUp = m_betweenActions() || m_timeUp;
        const auto after = m_navigator.visit().phase();
        if (after == core::VisitorPhase::ResetNotice && before != core::VisitorPhase::ResetNotice) ++tally.idleResets;
        if (after == core::VisitorPhase::IdlePrompt && comesBack) {
            comesBack = false;
            settle();
            if (const auto button = m_renderer.items().find("idle/continue")) {
                tap(*button, tally);
                ++tally.stillHere;
                for (int i = between(1, 5); i > 0 && !m_timeUp && m_navigator.visit().phase() == core::VisitorPhase::Visiting; --i) act(tally);
            }
        }
    }
    if (m_navigator.visit().phase() != core::VisitorPhase::Attract) throw std::runtime_error("a visit did not end by the idle reset");
    settle();
}

void SimulatedVisitor::endVisitByButton(VisitTally& tally) {
    // "End visit" is on the home screen's top bar.
    if (!m_navigator.location().isHome() || m_navigator.flowSession()) {
        if (const auto home = m_renderer.items().find("bar/home")) tap(*home, tally);
    }
    if (const auto end = m_renderer.items().find("bar/end-visit")) {
        tap(*end, tally);
        ++tally.endVisitTaps;
    }
}

void SimulatedVisitor::warmUpTour(VisitTally& tally, const std::function<void()>& stayingOn) {
    const auto start = m_renderer.items().find("attract/start");
    if (!start) throw std::runtime_error("the attract loop shows no 'attract/start'");
    tap(*start, tally);
    ++tally.visits;
    // The pack with both kinds of clip, each played for a few seconds; the page read aloud.
    tapById("home/pack/innovationshub", tally);
    for (const char* clip : {"page/start/video/explainer/play", "page/sign-language", "page/start/sign-language/play"}) {
        tapById(clip, tally);
        for (int second = 0; second < 3; ++second) {
            m_time.advance(1s);
            m_renderer.frame(m_navigator, m_time.now());
        }
    }
    tapById("page/read-aloud", tally);
    ++tally.readAloud;
    for (const std::string& language : m_navigator.languages()) tapById("bar/lang/" + language, tally);
    tapById("bar/lang/" + m_navigator.defaultLanguage(), tally);
    // The sample hub's workshop sign-up to its result: a few letters typed on the on-screen
    // keyboard into each text field, then every field filled from its hints.
    for (const char* link : {"page/start/button/to-offers", "page/offers/button/to-events", "page/events/button/try-signup"}) {
        tapById(link, tally);
    }
    for (int step = 0; step < 8 && m_navigator.flowSession() && !inFlowResult(); ++step) {
        for (const ui::ItemRect& field : touchTargets()) {
            if (field.role != ui::ItemRole::TextField) continue;
            tapById(field.id, tally);
            for (const char* key : {"keyboard/key/k", "keyboard/key/i", "keyboard/key/o"}) {
                if (const auto item = m_renderer.items().find(key)) {
                    tap(*item, tally);
                    ++tally.keys;
                }
            }
        }
        fillStep(tally);
    }
    stayingOn();
    endVisitByButton(tally);
    walkAway(tally);
}

void SimulatedVisitor::visit(VisitTally& tally) {
    if (m_navigator.visit().phase() != core::VisitorPhase::Attract) throw std::runtime_error("a visit began outside the attract loop");
    const auto start = m_renderer.items().find("attract/start");
    if (!start) throw std::runtime_error("the attract loop shows no 'attract/start'");
    tap(*start, tally);
    if (m_navigator.visit().phase() != core::VisitorPhase::Visiting) throw std::runtime_error("the first touch did not begin a visit");
    ++tally.visits;
    // Some look in briefly; most stay for a pack or two, long enough to finish a form.
    for (int i = chance(0.4) ? between(3, 10) : between(10, 45); i > 0 && !m_timeUp && m_navigator.visit().phase() == core::VisitorPhase::Visiting; --i) {
        act(tally);
    }
    if (m_navigator.visit().phase() == core::VisitorPhase::Visiting && chance(0.15)) endVisitByButton(tally);
    walkAway(tally);  // also the reset notice after "End visit"
}

}  // namespace kiosk::soak
