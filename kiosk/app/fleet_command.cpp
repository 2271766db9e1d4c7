// `kiosk fleet DIR`: for the operator on the hub's server, every kiosk's last heartbeat from the
// WebDAV folder they send to, problems first. Exit code 0 only when every kiosk is fine, so a
// timer or a monitoring system can run it and raise the alarm on 1.
#include <algorithm>
#include <cstdio>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "core/ops/fleet.hpp"
#include "core/ops/fleet_page.hpp"
#include "core/util/atomic_file.hpp"

namespace kiosk::app {

int fleetCommand(const CommandLine& line) {
    const FleetCommandOptions& options = line.fleet;
    std::error_code ec;
    if (!std::filesystem::is_directory(options.dir, ec)) {
        std::fprintf(stderr, "fleet: %s: error: not a folder (name the folder the kiosks' heartbeats arrive in, e.g. /srv/kiosk-stats)\n",
                     options.dir.c_str());
        return kExitUsage;
    }
    core::FleetOptions assess;
    assess.now = core::SystemWallClock().now();
    if (options.staleMinutes > 0) assess.staleAfter = std::chrono::minutes(options.staleMinutes);
    const std::vector<core::FleetRow> rows = core::assessFleet(core::readFleetFolder(options.dir), assess);
    std::fputs(core::fleetText(rows, options.dir).c_str(), stdout);

    if (!options.html.empty()) {
        if (const std::string failed = core::writeFileAtomically(options.html, core::fleetPage(rows, options.dir, assess.now)); !failed.empty()) {
            std::fprintf(stderr, "fleet: %s (choose a folder that exists and can be written)\n", failed.c_str());
            return kExitFailure;
        }
        std::printf("fleet: wrote %s\n", options.html.c_str());
    }
    const bool allFine = !rows.empty() && std::all_of(rows.begin(), rows.end(), [](const core::FleetRow& row) { return row.state == core::FleetState::Fine; });
    return allFine ? kExitOk : kExitFailure;
}

}  // namespace kiosk::app
