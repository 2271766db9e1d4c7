// SIGKILL while the real SqliteUsageLog writes (issue 6): after every kill, usage.sqlite must pass
// PRAGMA integrity_check and hold every event the child had seen committed. A power cut is harsher
// (the page cache dies too), but a kill is what a test can do, and it catches what the kiosk's own
// code gets wrong: a batch written outside a transaction, a file moved aside on a hot WAL.
//
// Usage: usage_crash_test [ROUNDS] [SEED]   (defaults 20 and a random seed, printed to repeat a failure)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

// The child: logs visits as fast as it can and, after each flush() returned with no new warning,
// writes the highest committed sequence number to the pipe. Every event carries the round in
// `page` and its sequence number in `value`, so the parent can tell exactly what must be there.
[[noreturn]] void logUntilKilled(const std::filesystem::path& folder, int round, int reportFd) {
    core::SystemWallClock clock;
    core::UsageLogOptions options;
    options.commitEvery = std::chrono::milliseconds(5);  // many commits, so kills land inside them
    options.commitAfterEvents = 16;
    core::SqliteUsageLog log(folder, clock, options);
    const std::string page = "round-" + std::to_string(round);
    std::int64_t seq = 0;
    for (std::uint64_t session = 1;; ++session) {
        log.record(core::UsageEvent{core::UsageKind::SessionStart, session, "", "", "de", 0});
        for (int i = 0; i < 25; ++i) log.record(core::UsageEvent{core::UsageKind::PageView, session, "crash", page, "", ++seq});
        log.record(core::UsageEvent{core::UsageKind::SessionEnd, session, "", "", "idle", 1});
        log.flush();
        if (!log.warnings().empty()) {
            // Not committed for sure: stop reporting, the parent then expects nothing more.
            for (;;) pause();
        }
        const std::string line = std::to_string(seq) + "\n";
        if (write(reportFd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
    }
}

// The last whole number the child reported (lines are written with one write() each, < PIPE_BUF).
std::int64_t lastReported(int readFd) {
    std::string all;
    char buffer[4096];
    for (ssize_t n; (n = read(readFd, buffer, sizeof buffer)) > 0;) all.append(buffer, static_cast<std::size_t>(n));
    const auto end = all.rfind('\n');
    if (end == std::string::npos) return 0;
    const auto begin = all.rfind('\n', end - 1);
    return std::stoll(all.substr(begin == std::string::npos ? 0 : begin + 1, end));
}

bool checkRound(const std::filesystem::path& folder, int round, std::int64_t committed, std::string& problem) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().filename().string().find(".corrupt-") != std::string::npos) {
            problem = "the log moved the database aside: " + entry.path().filename().string();
            return false;
        }
    }
    // Read-only, as `kiosk stats` reads: no checkpoint on close, so the next child opens the hot WAL
    // its killed predecessor left.
    SQLite::Database db(core::usageDatabasePath(folder).string(), SQLite::OPEN_READONLY);
    const std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
    if (integrity != "ok") {
        problem = "integrity_check: " + integrity;
        return false;
    }
    // Killed in round 1 before the first migration committed: an empty database (user_version 0),
    // which the next opening migrates. Sound, as long as nothing was reported committed.
    if (db.execAndGet("PRAGMA user_version").getInt() == 0) {
        if (committed == 0) return true;
        problem = std::to_string(committed) + " events reported committed, but the file has no schema";
        return false;
    }
    SQLite::Statement present(db, "SELECT COUNT(DISTINCT value) FROM events WHERE page = ? AND value BETWEEN 1 AND ?");
    present.bind(1, "round-" + std::to_string(round));
    present.bind(2, static_cast<std::int64_t>(committed));
    present.executeStep();
    const std::int64_t found = present.getColumn(0).getInt64();
    if (found != committed) {
        problem = std::to_string(committed) + " events reported committed, " + std::to_string(found) + " in the file";
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
    const unsigned seed = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : std::random_device{}();
    std::printf("usage_crash_test: %d rounds, seed %u\n", rounds, seed);
    std::mt19937 random(seed);
    // Up to 0.4 s per round: the first kills land while the database is opened and migrated, later
    // ones amid commits and checkpoints.
    std::uniform_int_distribution<int> killAfterMs(1, 400);

    test::TempDir dir;
    std::int64_t totalCommitted = 0;
    for (int round = 1; round <= rounds; ++round) {
        int fds[2];
        if (pipe(fds) != 0) {
            std::perror("pipe");
            return 2;
        }
        std::fflush(stdout);
        const pid_t child = fork();
        if (child < 0) {
            std::perror("fork");
            return 2;
        }
        if (child == 0) {
            close(fds[0]);
            logUntilKilled(dir.path(), round, fds[1]);
        }
        close(fds[1]);
        const int delay = killAfterMs(random);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        const std::int64_t committed = lastReported(fds[0]);
        close(fds[0]);
        if (!WIFSIGNALED(status)) {
            std::printf("round %d: the child exited by itself (status %d) before the kill\n", round, status);
            return 1;
        }
        std::string problem;
        try {
            if (!checkRound(dir.path(), round, committed, problem)) {
                std::printf("round %d (killed after %d ms, seed %u): %s\n", round, delay, seed, problem.c_str());
                return 1;
            }
        } catch (const std::exception& e) {
            std::printf("round %d (killed after %d ms, seed %u): cannot read the database: %s\n", round, delay, seed, e.what());
            return 1;
        }
        totalCommitted += committed;
        std::printf("round %d: killed after %3d ms, %lld committed events all present, integrity ok\n", round, delay,
                    static_cast<long long>(committed));
    }
    // A test that never got a commit in before the kill would prove nothing.
    if (totalCommitted == 0) {
        std::printf("no round committed anything before its kill: the test proved nothing\n");
        return 1;
    }
    std::printf("usage_crash_test: passed, %lld committed events checked\n", static_cast<long long>(totalCommitted));
    return 0;
}
