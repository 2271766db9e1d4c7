// The event-mode self-test (issue 8): before a kiosk goes to an event without network, one list
// of everything it needs there, each entry saying "ok" or exactly what to fix. It repairs nothing
// (staff decide, the kiosk reports); at most it creates an empty trusted/<catalog>/ as a sync would.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/config/kiosk_config.hpp"
#include "core/speech/voice_plan.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

struct SelfTestCheck {
    std::string name;    // stable, so the staff screen and scripts can find a check: "disk space"
    bool ok;
    std::string detail;  // what was found, naming the file or folder
    std::string fix;     // what staff do about it; empty when ok
};

inline constexpr std::uintmax_t kEventMinFreeBytes = std::uintmax_t{200} * 1024 * 1024;
// A clock before this year was never set (a board without a battery starts in 1970 or 2000):
// this build did not exist then.
inline constexpr int kEarliestPlausibleYear = 2026;

struct SelfTestInput {
    KioskConfig config;
    std::filesystem::path stateFolder;
    std::vector<std::filesystem::path> fontFiles;          // the kiosk cannot draw text without these
    std::vector<std::filesystem::path> optionalFontFiles;  // missing ones lose emphasis only
    std::string fontFix = "install the missing font files";  // the app knows which package has them
    // The speech engine's voice for a VoicePlan's voiceLanguage ("de", "en-gb"), loaded for real:
    // the app asks espeak-ng (platform/espeak_synth.hpp), tests answer themselves. Empty: there
    // is no speech engine to ask, and the check says it was not checked.
    std::function<VoiceLookup(const std::string& voiceLanguage)> speechVoice;
    std::string speechFix = "install the speech voices";  // the app knows which package has them
    // Free bytes for an unprivileged writer in the file system holding a path; nullopt when it
    // cannot be asked. Empty: statvfs. Tests inject a number.
    std::function<std::optional<std::uintmax_t>(const std::filesystem::path&)> freeBytes;
    std::uintmax_t minFreeBytes = kEventMinFreeBytes;
    WallTime now;
    int earliestYear = kEarliestPlausibleYear;
};

// Always the same checks in the same order (content, synced content, fonts, speech voices, disk
// space, broken state, staff PIN, clock), so a list on screen does not jump between runs.
std::vector<SelfTestCheck> runSelfTest(const SelfTestInput& input);

}  // namespace kiosk::core
