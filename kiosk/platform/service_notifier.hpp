// Tells systemd that the kiosk is up and that its frame loop is alive (sd_notify), so a hung
// loop is killed and restarted by the unit's WatchdogSec instead of freezing the screen for hours.
#pragma once

#include <optional>
#include <string>

#include "core/util/clock.hpp"

namespace kiosk::platform {

class ServiceNotifier {
public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC as systemd sets them; without them every call is a no-op,
    // so the same binary runs from a terminal, in tests and under systemd.
    static ServiceNotifier fromEnvironment();

    bool supervised() const { return m_supervised; }
    // Half the watchdog timeout, as sd_watchdog_enabled(3) advises; nullopt without a watchdog.
    std::optional<core::Duration> pingInterval() const { return m_pingInterval; }

    void ready();     // READY=1, once: after the first frame (or the first black one outside opening hours)
    void stopping();  // STOPPING=1: an orderly exit, not a crash
    void status(const std::string& text);  // STATUS=…: shown by `systemctl status`

    // WATCHDOG=1 when one is due. Called from the frame loop, never from a thread of its own: a
    // stuck loop must stop the pings.
    void alive(core::TimePoint now);
    // When the loop must wake up at the latest to ping in time; nullopt without a watchdog.
    std::optional<core::TimePoint> nextPingDue() const;

private:
    void send(const std::string& message) const;

    bool m_supervised = false;
    bool m_ready = false;
    std::optional<core::Duration> m_pingInterval;
    std::optional<core::TimePoint> m_lastPing;
};

}  // namespace kiosk::platform
