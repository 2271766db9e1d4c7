#include "core/ops/heartbeat_delivery.hpp"

#include <algorithm>

namespace kiosk::core {

HeartbeatOutcome heartbeatOutcomeForStatus(long status, const std::string& url) {
    if (status >= 200 && status < 300) return HeartbeatOutcome{true, {}, {}};
    std::string problem = url + ": the server answered HTTP " + std::to_string(status);
    if (status == 401 || status == 403) {
        problem += " (check heartbeat.credentials_file and heartbeat.name: with deploy/nginx/kiosk-stats.conf the user name must be the kiosk's name)";
    }
    if (status == 404 || status == 405 || status == 409) {
        problem += " (check heartbeat.url: the server must accept PUT there, e.g. nginx with dav_methods PUT)";
    }
    return HeartbeatOutcome{false, "HTTP " + std::to_string(status), problem};
}

std::optional<LogLine> HeartbeatLog::after(const HeartbeatOutcome& outcome) {
    const std::string kind = outcome.sent ? std::string() : outcome.kind;
    const std::optional<std::string> last = m_lastKind;
    m_lastKind = kind;
    if (last && *last == kind) return std::nullopt;
    if (outcome.sent) {
        if (last) return LogLine{LogLevel::Info, "heartbeats arrive again"};
        return LogLine{LogLevel::Info, "first heartbeat sent"};
    }
    return LogLine{LogLevel::Warning, outcome.problem + " (said once; the next heartbeats try again quietly, and it is said again when something changes)"};
}

std::chrono::milliseconds heartbeatPause(std::chrono::seconds interval, double unit) {
    const double factor = 0.9 + 0.2 * std::clamp(unit, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(interval.count()) * 1000.0 * factor));
}

}  // namespace kiosk::core
