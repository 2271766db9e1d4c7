// `kiosk heartbeat`: one heartbeat now, written and sent as the running kiosk would, for scripts
// (after an installation, from a monitoring timer) and tests. Exit code 6 when it did not arrive.
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/heartbeat_sender.hpp"
#include "app/startup.hpp"
#include "core/ops/heartbeat.hpp"

namespace kiosk::app {

int heartbeatCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const std::filesystem::path state = prepareStateFolder(*config);
    // No uptime: this process is not the kiosk that runs the screen.
    const core::Heartbeat heartbeat = currentHeartbeat(*config, state, core::SystemWallClock().now(), std::nullopt, std::nullopt);
    const HeartbeatDelivery delivery = deliverHeartbeat(*config, state, heartbeat);

    for (const auto& warning : heartbeat.warnings) std::printf("heartbeat: warning: %s\n", warning.c_str());
    if (delivery.fileProblem.empty()) std::printf("heartbeat: wrote %s\n", core::heartbeatFilePath(state).c_str());
    if (!delivery.fileProblem.empty()) std::fprintf(stderr, "heartbeat: %s\n", delivery.fileProblem.c_str());
    if (!delivery.credentialsWarning.empty()) std::fprintf(stderr, "heartbeat: %s\n", delivery.credentialsWarning.c_str());
    if (!delivery.sending) {
        std::printf("heartbeat: not sent: heartbeat.url is not set in the config\n");
    } else if (delivery.outcome.sent) {
        std::printf("heartbeat: sent to %s\n", heartbeatUrl(config->heartbeat).c_str());
    } else {
        std::fprintf(stderr, "heartbeat: %s\n", delivery.outcome.problem.c_str());
        return delivery.outcome.kind == "credentials" ? kExitConfig : kExitUnavailable;
    }
    return delivery.fileProblem.empty() ? kExitOk : kExitFailure;
}

}  // namespace kiosk::app
