// `kiosk out-of-service` on a real screen: the notice of ui/out_of_service_view.hpp, redrawn only
// when the window changes, until SIGTERM (systemd ends the fallback unit and tries the kiosk again).
#pragma once

#include "core/config/kiosk_config.hpp"
#include "platform/service_notifier.hpp"
#include "platform/window_loop.hpp"
#include "ui/theme.hpp"

namespace kiosk::platform {

// maxFrames > 0: draw that many frames, then return (tests).
WindowLoopResult runOutOfServiceScreen(const core::WindowConfig& window, int maxFrames, const ui::FontFiles& fonts,
                                       ServiceNotifier& notifier);

}  // namespace kiosk::platform
