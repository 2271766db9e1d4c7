// The figures the decoding benchmarks take over several runs: the process's CPU time and the
// median run. Header-only, so each bench_* executable stays one source file.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <vector>

namespace bench {

// User plus system CPU seconds of the whole process so far, all threads (decoders run their own).
inline double processCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The middle value (the upper one of an even count); 0 for none. A median, not a mean: one run
// slowed by another process on the machine does not move it.
inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

}  // namespace bench
