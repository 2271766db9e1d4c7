// Text in several languages, and the order in which languages stand in for a missing translation.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// The languages to try, best first: "de-x-ls" → "de" → the kiosk's default → "de" → "en".
// Dropping subtags first keeps Leichte Sprache readers in German rather than English.
std::vector<std::string> languageFallbacks(std::string_view wanted, std::string_view kioskDefault);

// One value per language: plain strings for titles and labels, parsed rich text for Markdown.
template <class T>
class Localized {
public:
    void set(std::string language, T value) { m_byLanguage[std::move(language)] = std::move(value); }
    bool empty() const { return m_byLanguage.empty(); }
    bool has(std::string_view language) const { return m_byLanguage.find(language) != m_byLanguage.end(); }
    const std::map<std::string, T, std::less<>>& all() const { return m_byLanguage; }

    // The first translation along `fallbacks`; any translation after that; an empty value for none.
    const T& in(const std::vector<std::string>& fallbacks) const {
        static const T none{};
        for (const auto& language : fallbacks) {
            if (auto it = m_byLanguage.find(language); it != m_byLanguage.end()) return it->second;
        }
        return m_byLanguage.empty() ? none : m_byLanguage.begin()->second;
    }

    // The language of what in(fallbacks) returns; empty for none. Speech reads a stand-in
    // translation with its own language's voice, not the visitor's.
    std::string languageIn(const std::vector<std::string>& fallbacks) const {
        for (const auto& language : fallbacks) {
            if (m_byLanguage.find(language) != m_byLanguage.end()) return language;
        }
        return m_byLanguage.empty() ? std::string() : m_byLanguage.begin()->first;
    }

private:
    std::map<std::string, T, std::less<>> m_byLanguage;
};

using LocalizedText = Localized<std::string>;

}  // namespace kiosk::core
