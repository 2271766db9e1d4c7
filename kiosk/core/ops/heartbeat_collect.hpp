// Gathering a heartbeat from what the kiosk has on disk: its packs, its catalogs' status.json,
// the self-test's verdicts, the free disk space. Nothing from the usage log is ever read.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/ops/heartbeat.hpp"
#include "core/ops/self_test.hpp"

namespace kiosk::core {

struct HeartbeatInput {
    // Config (name, interval, content folders, catalogs), state folder, fonts, free space, now:
    // the self-test looks at the same things, and its failures are the heartbeat's warnings.
    SelfTestInput system;
    std::string kioskVersion = KIOSK_VERSION;
    std::optional<std::chrono::seconds> uptime;  // the running kiosk's; none for `kiosk heartbeat`
    std::optional<std::string> schedule;         // "open" / "closed", from the opening hours
};

// A warning of its own, beyond the self-test: a catalog whose syncs kept failing for this long
// (or three sync intervals, if longer) shows no new content, and nobody at the kiosk notices.
inline constexpr std::chrono::hours kSyncStaleAfter{24};
// Each warning is cut to this many bytes and there are at most this many: the file stays small
// whatever a broken pack or a server's error page says.
inline constexpr std::size_t kMaxWarningBytes = 400;
inline constexpr std::size_t kMaxWarnings = 20;

Heartbeat collectHeartbeat(const HeartbeatInput& input);

}  // namespace kiosk::core
