#include "soak_report.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace kiosk::soak {

void PeriodWatch::observe(const ProcessFigures& figures, std::uintmax_t walBytes) {
    if (!m_any) {
        m_period.openFilesMin = m_period.openFilesMax = figures.openFiles;
        m_period.threadsMin = m_period.threadsMax = figures.threads;
        m_any = true;
    }
    m_period.openFilesMin = std::min(m_period.openFilesMin, figures.openFiles);
    m_period.openFilesMax = std::max(m_period.openFilesMax, figures.openFiles);
    m_period.threadsMin = std::min(m_period.threadsMin, figures.threads);
    m_period.threadsMax = std::max(m_period.threadsMax, figures.threads);
    m_period.walBytesMax = std::max(m_period.walBytesMax, walBytes);
}

void PeriodWatch::observeRest(const RestSample& rest) {
    const long kiB = rest.withoutPicturesKiB();
    m_period.restRssMinKiB = m_period.restRssMinKiB < 0 ? kiB : std::min(m_period.restRssMinKiB, kiB);
    m_period.restRssMaxKiB = std::max(m_period.restRssMaxKiB, kiB);
    m_period.restTextureBytesMax = std::max(m_period.restTextureBytesMax, rest.textureBytes);
}

void PeriodWatch::finish(Sample& line) {
    observe(line.now, line.walBytes);  // the line's own moment belongs to its period
    line.openFilesMin = m_period.openFilesMin;
    line.openFilesMax = m_period.openFilesMax;
    line.threadsMin = m_period.threadsMin;
    line.threadsMax = m_period.threadsMax;
    line.restRssMinKiB = m_period.restRssMinKiB;
    line.restRssMaxKiB = m_period.restRssMaxKiB;
    line.restTextureBytesMax = m_period.restTextureBytesMax;
    line.walBytesMax = m_period.walBytesMax;
    m_period = Sample{};
    m_any = false;
}

void printTableHeader(std::FILE* out) {
    std::fprintf(out, "%8s %8s %6s %5s %9s %9s %5s %7s %9s %8s %9s %8s\n", "elapsed", "frames", "visits", "syncs", "RSS KiB",
                 "rest KiB", "fds", "threads", "WAL KiB", "textures", "tex KiB", "events");
    std::fflush(out);
}

void printTableLine(std::FILE* out, const Sample& s) {
    const std::string fds = std::to_string(s.openFilesMin) + "-" + std::to_string(s.openFilesMax);
    const std::string threads = std::to_string(s.threadsMin) + "-" + std::to_string(s.threadsMax);
    std::fprintf(out, "%7.0fs %8llu %6llu %5llu %9ld %9ld %5s %7s %9llu %8zu %9zu %8llu\n", s.elapsedSeconds,
                 static_cast<unsigned long long>(s.frames), static_cast<unsigned long long>(s.visits),
                 static_cast<unsigned long long>(s.syncsInstalled), s.now.rssKiB, s.restRssMinKiB, fds.c_str(), threads.c_str(),
                 static_cast<unsigned long long>(s.walBytes / 1024), s.textures, s.textureBytes / 1024,
                 static_cast<unsigned long long>(s.eventsLogged));
    std::fflush(out);
}

void writeCsv(const std::string& file, const std::vector<Sample>& lines) {
    std::ofstream out(file, std::ios::trunc);
    out << "elapsed_s,frames,visits,syncs_installed,rss_kib,open_files,threads,wal_bytes,textures,texture_bytes,events_logged,"
           "open_files_min,open_files_max,threads_min,threads_max,rest_rss_without_pictures_min_kib,rest_rss_without_pictures_max_kib,"
           "rest_texture_bytes_max,wal_bytes_max\n";
    for (const Sample& s : lines) {
        out << s.elapsedSeconds << ',' << s.frames << ',' << s.visits << ',' << s.syncsInstalled << ',' << s.now.rssKiB << ','
            << s.now.openFiles << ',' << s.now.threads << ',' << s.walBytes << ',' << s.textures << ',' << s.textureBytes << ','
            << s.eventsLogged << ',' << s.openFilesMin << ',' << s.openFilesMax << ',' << s.threadsMin << ',' << s.threadsMax << ','
            << s.restRssMinKiB << ',' << s.restRssMaxKiB << ',' << s.restTextureBytesMax << ',' << s.walBytesMax << '\n';
    }
    if (!out) throw std::runtime_error("cannot write " + file);
}

std::vector<std::string> growthProblems(const std::vector<Sample>& lines, const std::vector<RestSample>& rests, const GrowthLimits& limits) {
    std::vector<std::string> problems;
    if (lines.empty()) return {"no report line was written"};
    const double end = lines.back().elapsedSeconds;
    // Two short windows with the middle of the run between them: a figure that grows by a file,
    // a thread or some memory per visit or sync is higher in the second by everything between.
    std::vector<const Sample*> early;
    std::vector<const Sample*> late;
    for (const Sample& s : lines) {
        if (s.elapsedSeconds > limits.warmupSeconds && s.elapsedSeconds <= limits.warmupSeconds + limits.windowSeconds) early.push_back(&s);
        if (s.elapsedSeconds > end - limits.windowSeconds) late.push_back(&s);
    }
    if (early.empty() || late.empty() || early.back() >= late.front()) {
        return {"the run was too short for a verdict: the window after the warm-up and the last window overlap (run longer, report more often)"};
    }
    // A leak shows in the lowest figure of the last window exceeding the highest of the first:
    // what merely comes and goes (a socket, a decoder thread) cannot do that.
    auto lowest = [](const std::vector<const Sample*>& window, auto field) {
        long v = -1;
        for (const Sample* s : window) {
            const long x = field(*s);
            if (x >= 0 && (v < 0 || x < v)) v = x;
        }
        return v;
    };
    auto highest = [](const std::vector<const Sample*>& window, auto field) {
        long v = -1;
        for (const Sample* s : window) v = std::max(v, static_cast<long>(field(*s)));
        return v;
    };
    const auto judge = [&](const char* what, auto low, auto high, long tolerance, const char* unit) {
        const long before = highest(early, high);
        const long after = lowest(late, low);
        if (before < 0 || after < 0) {
            problems.push_back(std::string(what) + ": not measured in both windows (a visit must end in each; report less often)");
        } else if (after > before + tolerance) {
            problems.push_back(std::string(what) + " grew after the warm-up: at least " + std::to_string(after) + " " + unit +
                               " in the last " + std::to_string(static_cast<int>(limits.windowSeconds)) + " s, at most " +
                               std::to_string(before) + " right after the warm-up (tolerance " + std::to_string(tolerance) + ")");
        }
    };
    judge("open files", [](const Sample& s) { return s.openFilesMin; }, [](const Sample& s) { return s.openFilesMax; }, 0, "");
    judge("threads", [](const Sample& s) { return s.threadsMin; }, [](const Sample& s) { return s.threadsMax; }, 0, "");
    if (limits.rssToleranceKiB >= 0) {
        // Visits end when they end, not once per window: the first ones after the warm-up (all in
        // the early window, at least one) against the last ones (all in the final window, at least one).
        long before = -1;
        long after = -1;
        for (const RestSample& r : rests) {
            if (r.elapsedSeconds <= limits.warmupSeconds) continue;
            if (before < 0 || r.elapsedSeconds <= limits.warmupSeconds + limits.windowSeconds) before = std::max(before, r.withoutPicturesKiB());
        }
        for (auto r = rests.rbegin(); r != rests.rend() && r->elapsedSeconds > limits.warmupSeconds; ++r) {
            if (after >= 0 && r->elapsedSeconds <= end - limits.windowSeconds) break;
            after = after < 0 ? r->withoutPicturesKiB() : std::min(after, r->withoutPicturesKiB());
        }
        if (before < 0 || after < 0) {
            problems.push_back("RSS at rest: no visit ended after the warm-up");
        } else if (after > before + limits.rssToleranceKiB) {
            problems.push_back("RSS at rest (without the texture cache's pictures) grew after the warm-up: at least " + std::to_string(after) +
                               " KiB at the end, at most " + std::to_string(before) + " KiB right after the warm-up (tolerance " +
                               std::to_string(limits.rssToleranceKiB) + " KiB)");
        }
    }
    for (const Sample& s : lines) {
        if (s.walBytesMax > limits.walLimitBytes) {
            problems.push_back("the WAL reached " + std::to_string(s.walBytesMax) + " bytes at " + std::to_string(static_cast<int>(s.elapsedSeconds)) +
                               " s, over its bound of " + std::to_string(limits.walLimitBytes) + ": checkpoints do not keep up");
            break;
        }
    }
    for (const Sample& s : lines) {
        if (s.restTextureBytesMax > limits.textureBudgetBytes) {
            problems.push_back("pictures held at rest reached " + std::to_string(s.restTextureBytesMax) + " bytes at " +
                               std::to_string(static_cast<int>(s.elapsedSeconds)) + " s, over the texture cache's budget of " +
                               std::to_string(limits.textureBudgetBytes));
            break;
        }
    }
    return problems;
}

}  // namespace kiosk::soak
