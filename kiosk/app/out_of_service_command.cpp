// `kiosk out-of-service`: what deploy/systemd/showroom-kiosk-fallback.service shows.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/util/log.hpp"
#include "platform/out_of_service_loop.hpp"
#include "platform/system_info.hpp"

namespace kiosk::app {

int outOfServiceCommand(const CommandLine& line) {
    // The screen's size and rotation come from the config when it can be read: a portrait screen
    // must not show this on its side. A broken config (perhaps why the kiosk failed) changes nothing here.
    core::WindowConfig window;
    if (auto config = loadEffectiveConfig(line.overrides)) window = config->window;
    core::logInfo("out-of-service", "showing the out-of-service notice; why the kiosk failed: journalctl -u showroom-kiosk");
    platform::ServiceNotifier notifier = platform::ServiceNotifier::fromEnvironment();
    const auto result = platform::runOutOfServiceScreen(window, line.run.frames, platform::systemFontFiles(), notifier);
    if (!result.error.empty()) {
        std::fprintf(stderr, "kiosk: %s\n", result.error.c_str());
        return kExitNoDisplay;
    }
    return kExitOk;
}

}  // namespace kiosk::app
