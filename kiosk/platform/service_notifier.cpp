#include "platform/service_notifier.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <systemd/sd-daemon.h>

#include "core/util/log.hpp"

namespace kiosk::platform {

ServiceNotifier ServiceNotifier::fromEnvironment() {
    ServiceNotifier notifier;
    const char* socket = std::getenv("NOTIFY_SOCKET");
    notifier.m_supervised = socket != nullptr && *socket != '\0';
    // WATCHDOG_USEC is read directly rather than through sd_watchdog_enabled(), which also demands
    // WATCHDOG_PID == getpid(): under cage the kiosk is the compositor's child and WATCHDOG_PID is
    // cage's. The unit's NotifyAccess=all lets the child's pings count (deploy/systemd).
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (notifier.m_supervised && usec != nullptr) {
        char* end = nullptr;
        const unsigned long long timeout = std::strtoull(usec, &end, 10);
        if (end != usec && *end == '\0' && timeout > 0) {
            notifier.m_pingInterval = std::chrono::microseconds(timeout / 2);
        } else {
            core::logWarning("watchdog", std::string("ignored WATCHDOG_USEC='") + usec + "': not a number of microseconds");
        }
    }
    return notifier;
}

void ServiceNotifier::send(const std::string& message) const {
    if (!m_supervised) return;
    // 0: unset_environment stays false, so a restart of the loop (and child processes) still finds the socket.
    const int result = sd_notify(0, message.c_str());
    if (result < 0) core::logWarning("watchdog", "cannot notify systemd (" + message + "): " + std::strerror(-result));
}

void ServiceNotifier::ready() {
    if (m_ready) return;
    m_ready = true;
    send("READY=1");
}

void ServiceNotifier::stopping() { send("STOPPING=1"); }

void ServiceNotifier::status(const std::string& text) { send("STATUS=" + text); }

void ServiceNotifier::alive(core::TimePoint now) {
    if (!m_pingInterval) return;
    if (m_lastPing && now < *m_lastPing + *m_pingInterval) return;
    send("WATCHDOG=1");
    m_lastPing = now;
}

std::optional<core::TimePoint> ServiceNotifier::nextPingDue() const {
    if (!m_pingInterval) return std::nullopt;
    if (!m_lastPing) return core::TimePoint{};  // at once (the clock's epoch, without overflow in a difference)
    return *m_lastPing + *m_pingInterval;
}

}  // namespace kiosk::platform
