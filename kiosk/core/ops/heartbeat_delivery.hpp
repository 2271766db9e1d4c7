// How the running kiosk treats the outcome of sending a heartbeat: what an HTTP answer means,
// when the next one is due, and which outcomes are worth a log line. A server that is away for
// a week must not write two thousand identical lines into the journal, and a kiosk must never
// retry in a tight loop: the next heartbeat is the retry.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/util/log.hpp"

namespace kiosk::core {

struct HeartbeatOutcome {
    bool sent = false;
    // A coarse name of the failure ("no answer", "HTTP 403", "credentials"): two failures of the same
    // kind are the same state, whatever their messages say (curl's include milliseconds).
    std::string kind;
    std::string problem;  // for the operator: what failed and what to do
};

// 2xx sent; anything else a failure naming the status and, for 401/403/404/405/409, the setting to check.
HeartbeatOutcome heartbeatOutcomeForStatus(long status, const std::string& url);

struct LogLine {
    LogLevel level;
    std::string message;
};

// Remembers the last outcome; says what to log only when the state changes: the first delivery,
// a failure of a new kind, and the delivery after failures.
class HeartbeatLog {
public:
    std::optional<LogLine> after(const HeartbeatOutcome& outcome);

private:
    std::optional<std::string> m_lastKind;  // none: nothing tried yet; "": the last one was sent
};

// The pause before the next heartbeat: `interval`, up to a tenth shorter or longer, so a town's
// kiosks started by the same power cut spread out. `unit` is a random number in [0, 1).
std::chrono::milliseconds heartbeatPause(std::chrono::seconds interval, double unit);

}  // namespace kiosk::core
