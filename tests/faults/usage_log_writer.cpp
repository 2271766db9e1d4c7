// The usage log as the kiosk writes it, as a program of its own, so tests/faults can fail one of
// its system calls from outside (libfiu): it logs ROUNDS visits of 25 page views into
// STATE/usage.sqlite, flushes twice in each, and prints "committed A-B" (the sequence numbers of
// the page views since the last flush) after every flush that added no warning. Each page view
// carries the run's TAG as its page and its sequence number as its value, so the test can look
// for exactly what was promised.
//
// Usage: usage_log_writer STATE TAG [ROUNDS]   (exit 0 however the writes went: the log never
// throws; 3 when this program itself ran out of memory, as the kiosk's main reports it)
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "core/usage/sqlite_usage_log.hpp"

using namespace kiosk;

namespace {

int writeVisits(char** argv, int rounds) {
    core::SystemWallClock clock;
    core::SqliteUsageLog log(argv[1], clock);
    std::size_t warningsSeen = 0;
    std::uint64_t droppedSeen = 0;
    std::int64_t seq = 0;
    std::int64_t flushedUpTo = 0;
    // Half a visit per flush: a visit under way spans two commits, as on a real kiosk.
    const auto flush = [&] {
        log.flush();
        const auto warnings = log.warnings();
        const std::uint64_t dropped = log.droppedEvents();  // recorded while memory ran out: never queued
        if (warnings.size() == warningsSeen && dropped == droppedSeen) std::printf("committed %lld-%lld\n", static_cast<long long>(flushedUpTo + 1), static_cast<long long>(seq));
        for (; warningsSeen < warnings.size(); ++warningsSeen) std::printf("warning %s\n", warnings[warningsSeen].c_str());
        if (dropped != droppedSeen) std::printf("dropped %llu\n", static_cast<unsigned long long>(dropped - droppedSeen));
        droppedSeen = dropped;
        flushedUpTo = seq;
        std::fflush(stdout);
    };
    for (int round = 1; round <= rounds; ++round) {
        const auto session = static_cast<std::uint64_t>(round);
        log.record(core::UsageEvent{core::UsageKind::SessionStart, session, "", "", "de", 0});
        for (int i = 0; i < 12; ++i) log.record(core::UsageEvent{core::UsageKind::PageView, session, "faults", argv[2], "", ++seq});
        flush();
        for (int i = 0; i < 13; ++i) log.record(core::UsageEvent{core::UsageKind::PageView, session, "faults", argv[2], "", ++seq});
        log.record(core::UsageEvent{core::UsageKind::SessionEnd, session, "", "", "idle", 1});
        flush();
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: usage_log_writer STATE TAG [ROUNDS]\n");
        return 2;
    }
    try {
        return writeVisits(argv, argc > 3 ? std::atoi(argv[3]) : 4);
    } catch (const std::bad_alloc&) {
        std::fputs("usage_log_writer: out of memory\n", stderr);
        return 3;
    }
}
