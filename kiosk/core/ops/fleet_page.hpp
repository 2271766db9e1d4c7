// `kiosk fleet --html`: the same listing as one static page for a browser on the server. Self-
// contained (style inline; no scripts, fonts, images or links to anywhere), so it can be served
// from any folder or opened as a file, and every text from a heartbeat is escaped.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/ops/fleet.hpp"

namespace kiosk::core {

std::string fleetPage(const std::vector<FleetRow>& rows, const std::filesystem::path& dir, WallTime now);

}  // namespace kiosk::core
