// Runs a program with one call of one libc function failing (fault_at.c through libfiu's POSIX
// preload), and says how it ended: what the fault-injection tests check after every run.
#pragma once

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::test {

struct FaultRun {
    bool exited = false;  // false: killed by a signal (a crash) or by the time limit
    int code = -1;        // the exit code, or the signal
    bool hit = false;     // the chosen call happened and was failed
    std::string output;   // stdout and stderr
};

// `point`: libfiu's name, e.g. "posix/io/sync/fsync"; `at`: the call to fail, counted from 1
// from main() on; 0 fails nothing. `calls`, if given, gets how many calls the run made.
FaultRun runWithFault(const std::vector<std::string>& argv, const std::string& point, std::uint64_t at,
                      const std::filesystem::path& scratch, std::uint64_t* calls = nullptr);

// Which calls of `count` to fail: every one, or `budget` spread evenly from the first to the last
// (the environment's KIOSK_FAULT_BUDGET overrides `budget`; 0 means every call).
std::vector<std::uint64_t> faultPositions(std::uint64_t count, std::uint64_t budget);

std::string describe(const FaultRun& run);

}  // namespace kiosk::test
