// Applies intents to the navigation state and resets it when the visitor walks away.
#include "core/nav/navigator.hpp"

#include <algorithm>

#include "core/util/log.hpp"

namespace kiosk::core {

Navigator::Navigator(const PackLibrary& library, std::vector<std::string> languages, std::string defaultLanguage,
                     Duration idleReset, TimePoint now)
    : m_library(library),
      m_languages(std::move(languages)),
      m_defaultLanguage(std::move(defaultLanguage)),
      m_idleReset(idleReset),
      m_language(m_defaultLanguage),
      m_lastActivity(now) {}

const Pack* Navigator::currentPack() const {
    return m_location.isHome() ? nullptr : m_library.findPack(m_location.packId);
}

const Page* Navigator::currentPage() const {
    const Pack* pack = currentPack();
    return pack ? pack->findPage(m_location.pageId) : nullptr;
}

void Navigator::apply(const Intent& intent, TimePoint now) {
    m_lastActivity = now;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, OpenPack>) {
                const Pack* pack = m_library.findPack(i.packId);
                if (!pack) {
                    logWarning("nav", "ignored: open unknown pack '" + i.packId + "'");
                    return;
                }
                m_history.push_back(m_location);
                m_location = Location{pack->id, pack->startPage};
            } else if constexpr (std::is_same_v<T, OpenPage>) {
                const Pack* pack = currentPack();
                if (!pack || !pack->findPage(i.pageId)) {
                    logWarning("nav", "ignored: open unknown page '" + i.pageId + "'");
                    return;
                }
                m_history.push_back(m_location);
                m_location.pageId = i.pageId;
            } else if constexpr (std::is_same_v<T, GoBack>) {
                if (m_history.empty()) {
                    m_location = Location{};
                } else {
                    m_location = m_history.back();
                    m_history.pop_back();
                }
            } else if constexpr (std::is_same_v<T, GoHome>) {
                m_location = Location{};
                m_history.clear();
            } else if constexpr (std::is_same_v<T, SetLanguage>) {
                if (std::find(m_languages.begin(), m_languages.end(), i.language) == m_languages.end()) {
                    logWarning("nav", "ignored: language '" + i.language + "' is not configured");
                    return;
                }
                m_language = i.language;
            }
        },
        intent);
}

bool Navigator::visitorPresent() const {
    return !m_location.isHome() || !m_history.empty() || m_language != m_defaultLanguage;
}

void Navigator::resetVisitor() {
    m_location = Location{};
    m_history.clear();
    m_language = m_defaultLanguage;
}

bool Navigator::tick(TimePoint now) {
    if (!visitorPresent() || now - m_lastActivity < m_idleReset) return false;
    resetVisitor();
    return true;
}

std::optional<TimePoint> Navigator::nextDeadline() const {
    if (!visitorPresent()) return std::nullopt;
    return m_lastActivity + m_idleReset;
}

}  // namespace kiosk::core
