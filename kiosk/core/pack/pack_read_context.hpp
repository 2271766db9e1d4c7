// What the readers of one pack's files share: where the pack is, its languages, and which pages
// and flows exist (so links can be checked while reading).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace kiosk::core {

struct PackReadContext {
    std::filesystem::path folder;        // resolved, absolute
    std::vector<std::string> languages;  // the pack's declared languages
    std::set<std::string, std::less<>> pageIds;  // page files present, loadable or not
    std::set<std::string, std::less<>> flowIds;
    // Every page and flow some link, button or next_page leads to, for "nothing leads here" warnings.
    std::set<std::string, std::less<>> linkedPages;
    std::set<std::string, std::less<>> linkedFlows;
};

}  // namespace kiosk::core
