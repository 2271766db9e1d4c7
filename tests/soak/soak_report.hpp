// The soak's figures over time: one line per report period (the table on stdout and the CSV),
// and the --check verdict over them: after the warm-up nothing may grow.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "process_figures.hpp"

namespace kiosk::soak {

// One report line: the figures at its moment, and the lowest and highest of the fast-changing
// ones over the period since the line before (a sync in flight holds a socket, a clip its
// decoder threads, speech its audio thread, FFmpeg 23 MiB while loaded: a single moment says
// little, the lowest of a period says what stays).
struct Sample {
    double elapsedSeconds = 0;
    std::uint64_t frames = 0;
    std::uint64_t visits = 0;
    std::uint64_t syncsInstalled = 0;  // new content the kiosk switched to
    ProcessFigures now;
    std::uintmax_t walBytes = 0;
    std::size_t textures = 0;
    std::size_t textureBytes = 0;
    std::uint64_t eventsLogged = 0;
    int openFilesMin = 0, openFilesMax = 0;
    int threadsMin = 0, threadsMax = 0;
    // RSS without the texture cache's pictures (RestSample) at the attract loop right after a
    // visit ended and the kiosk gave freed memory back: the kiosk at rest. -1: no visit ended in
    // the period.
    long restRssMinKiB = -1, restRssMaxKiB = -1;
    std::size_t restTextureBytesMax = 0;
    std::uintmax_t walBytesMax = 0;
};

// The kiosk at rest, once per visit: RSS, and what of it the texture cache holds. The cache keeps
// the last visitor's pictures (up to its budget) until they age out, so RSS at rest moves by up
// to 16 MiB with what was looked at last; without them it is steady to a megabyte or two.
struct RestSample {
    double elapsedSeconds = 0;
    long rssKiB = 0;
    std::size_t textureBytes = 0;

    long withoutPicturesKiB() const { return rssKiB - static_cast<long>(textureBytes / 1024); }
};

// Collects a period's lowest and highest figures between two report lines.
class PeriodWatch {
public:
    void observe(const ProcessFigures& figures, std::uintmax_t walBytes);
    void observeRest(const RestSample& rest);
    // Completes `line` with the period's extremes and starts the next period.
    void finish(Sample& line);

private:
    bool m_any = false;
    Sample m_period;
};

void printTableHeader(std::FILE* out);
void printTableLine(std::FILE* out, const Sample& line);
void writeCsv(const std::string& file, const std::vector<Sample>& lines);

struct GrowthLimits {
    double warmupSeconds = 0;  // lines before this are the warm-up
    double windowSeconds = 0;  // the early window after the warm-up, and the final one
    long rssToleranceKiB = 0;  // < 0: RSS is not judged (AddressSanitizer's allocator keeps freed memory)
    std::uintmax_t walLimitBytes = 0;
    std::size_t textureBudgetBytes = 0;
};

// Every way the run grew after its warm-up, one sentence each; empty: none.
std::vector<std::string> growthProblems(const std::vector<Sample>& lines, const std::vector<RestSample>& rests, const GrowthLimits& limits);

}  // namespace kiosk::soak
