// libFuzzer harness: the input is the kiosk's config file (config/kiosk.toml), read with
// loadConfig as the kiosk reads it at every start: every section, its ranges and the rules that
// span keys. What it accepts must hold to the ranges the rest of the kiosk relies on.
#include <algorithm>

#include "core/config/kiosk_config.hpp"
#include "fuzz_scratch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    static const std::filesystem::path file = fuzz::scratchFolder("config") / "kiosk.toml";
    fuzz::writeFile(file, fuzz::asText(data, size));
    const auto loaded = core::loadConfig(file);
    if (!loaded) {
        fuzz::require(!loaded.error().empty(), "a config refused without a problem");
        for (const core::Error& problem : loaded.error()) fuzz::require(!problem.describe().empty(), "a config problem without a message");
        return 0;
    }
    const core::KioskConfig& config = loaded.value();
    fuzz::require(core::validateConfig(config, file.string()).empty(), "an accepted config fails validateConfig");
    fuzz::require(std::find(config.languages.begin(), config.languages.end(), config.defaultLanguage) != config.languages.end(),
                  "an accepted config whose default language is not available");
    const core::WindowConfig& window = config.window;
    fuzz::require(window.width >= core::kMinWindowWidth && window.width <= core::kMaxWindowSide && window.height >= core::kMinWindowHeight &&
                      window.height <= core::kMaxWindowSide,
                  "an accepted window size outside the limits");
    fuzz::require(window.rotation % 90 == 0 && window.rotation >= 0 && window.rotation <= 270, "an accepted rotation that is not 0/90/180/270");
    fuzz::require(config.usage.minCellSessions >= core::kMinCellSessionsFloor, "an accepted usage.min_cell_sessions below the floor");
    const core::IdlePolicy policy = core::idlePolicy(config);
    fuzz::require(policy.flow >= policy.page && policy.prompt <= policy.page / 2 && policy.prompt.count() > 0, "an idle policy without time for a visit");
    for (const auto& folder : config.contentFolders) fuzz::require(folder.is_absolute(), "a content folder left relative");
    return 0;
}
