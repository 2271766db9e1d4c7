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

class LocalizedText {
public:
    void set(std::string language, std::string text) { m_byLanguage[std::move(language)] = std::move(text); }
    bool empty() const { return m_byLanguage.empty(); }
    bool has(std::string_view language) const { return m_byLanguage.find(language) != m_byLanguage.end(); }
    const std::map<std::string, std::string, std::less<>>& all() const { return m_byLanguage; }

    // The first translation along `fallbacks`; any translation after that; "" for no text at all.
    const std::string& in(const std::vector<std::string>& fallbacks) const;

private:
    std::map<std::string, std::string, std::less<>> m_byLanguage;
};

}  // namespace kiosk::core
