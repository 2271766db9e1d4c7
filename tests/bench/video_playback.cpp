// Video playback cost, as a kiosk plays a clip on a page: CPU seconds per second of playback for
// the whole process (the decoder's threads, uploading the pictures, building and rasterising the
// frames), the frame thread's share of it, frames drawn per second and late pictures dropped,
// the time from the tap on "play" to the first picture on screen, and the memory while playing.
// The reference is the same page for the same time with the clip not started (its poster: the
// loop draws only when something changes, so almost nothing). 1920x1080, SDL's software renderer
// (HeadlessRenderer), in real time: the loop sleeps until the next picture is due, as the window
// loop does. Pictures only: headless frames have no audio device, so the clip's sound is not
// decoded here (bench_audio measures it: about 1 % of the picture's cost).
// A benchmark, not a test: it prints numbers and never fails on them.
//
//   ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 10 -c:v libx264 -pix_fmt yuv420p -c:a aac -ac 2 -movflags +faststart /tmp/1080p-aac.mp4
//   ffmpeg -f lavfi -i testsrc2=size=1920x1080:rate=30 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 10 -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 4M -pix_fmt yuv420p -c:a libopus -ac 2 /tmp/1080p-opus.webm
//   build/release/tests/bench_video_playback /tmp/1080p-aac.mp4 [SECONDS] [RUNS]   (default 10 s, 3 runs)
//
// A phase lasts SECONDS, or until the clip has ended if that is sooner.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "../core/temp_dir.hpp"
#include "../ui/clip_pack.hpp"
#include "bench_figures.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "core/pack/video_check.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk;
using Steady = std::chrono::steady_clock;

const char* const kClip = "page/start/video/intro";
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
// PSS is read this often while a phase runs: smaps_rollup walks the whole address space, which
// costs CPU (measured and taken out of the CPU figures). The peak RSS needs no sampling: the
// kernel keeps it (VmHWM), reset at the start of each phase.
constexpr auto kMemoryEvery = std::chrono::milliseconds(1000);

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

double cpuSeconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// kB in the "Key:   N kB" line of a /proc file; 0 when the kernel has no such line.
long procKilobytes(const char* file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
    }
    return 0;
}

struct Memory {
    long rssKb = 0;
    long pssKb = 0;  // the process's fair share of pages shared with others (libraries)
};

Memory memoryNow() { return Memory{procKilobytes("/proc/self/status", "VmRSS:"), procKilobytes("/proc/self/smaps_rollup", "Pss:")}; }

// VmHWM starts again from the RSS of now ("5" in clear_refs: see proc(5)).
void resetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }
long peakRssKb() { return procKilobytes("/proc/self/status", "VmHWM:"); }

double mib(long kb) { return static_cast<double>(kb) / 1024.0; }

using bench::median;

// The test pack of tests/ui/test_video_playback.cpp around `clip`: a text, the clip with a poster
// and German subtitles (a cue every 2.5 s, so some text is over the picture, as a visitor sees
// it), and a button.
std::filesystem::path writePack(const test::TempDir& dir, const std::filesystem::path& clip, double duration) {
    const std::string file = "videos/intro" + clip.extension().string();
    test::writeClipPack(dir, clip,
                        "title.de = \"Start\"\n\n[[blocks]]\ntype = \"text\"\ntext.de = \"Ein kurzer Film.\"\n\n"
                        "[[blocks]]\ntype = \"video\"\nid = \"intro\"\nsrc = \"" + file + "\"\nposter = \"images/poster.svg\"\n"
                        "alt.de = \"Ein Testbild\"\nsubtitles.de = \"videos/intro.de.vtt\"\n\n"
                        "[[blocks]]\ntype = \"button\"\nid = \"more\"\nlabel.de = \"Weiter\"\nto = \"more\"\n");
    dir.write("clips/pages/more.toml", "title.de = \"Mehr\"\n\n[[blocks]]\ntype = \"text\"\ntext.de = \"Noch mehr.\"\n");
    std::string vtt = "WEBVTT\n";
    char cue[128];
    for (int i = 0; i * 2.5 < duration; ++i) {
        const double from = i * 2.5, to = std::min(duration, from + 2.5);
        std::snprintf(cue, sizeof cue, "\n%02d:%06.3f --> %02d:%06.3f\nUntertitel Nummer %d\n", static_cast<int>(from) / 60,
                      from - 60 * (static_cast<int>(from) / 60), static_cast<int>(to) / 60, to - 60 * (static_cast<int>(to) / 60), i + 1);
        vtt += cue;
    }
    dir.write("clips/videos/intro.de.vtt", vtt);
    return dir.path();
}

struct Phase {
    double seconds = 0;
    double processCpu = 0;  // every thread
    double samplingCpu = 0;  // reading the memory figures, taken out of the two CPU figures
    double frameThreadCpu = 0;  // the main thread: the frames, and uploading the pictures before each
    double build = 0;  // ImGui building the frames (HeadlessRenderer::lastFrameTimings)
    double raster = 0;  // SDL rasterising them
    int frames = 0;
    double fps = 0;  // frames drawn per second
    std::uint64_t dropped = 0;
    std::optional<double> firstPictureMs;
    Memory before;
    Memory peak;

    double perSecond(double value) const { return seconds > 0 ? value / seconds : 0.0; }
};

class Bench {
public:
    Bench(const std::filesystem::path& clip, double duration)
        : m_library(core::loadPackLibrary(std::vector<std::filesystem::path>{writePack(m_dir, clip, duration)})),
          m_nav(m_library, {"de"}, "de", std::chrono::seconds(600), m_clock.now()) {
        for (const core::Error& problem : m_library.problems) {
            if (!problem.isWarning()) fail("the benchmark's pack does not load: " + problem.describe());
        }
        if (!m_renderer.ok()) fail(m_renderer.error());
        m_renderer.enableVideoPlayback();
        m_renderer.settle(m_nav, m_clock.now());
        // Each screen slides in: the next tap waits until it has come to rest.
        tap("attract/start");
        m_renderer.settle(m_nav, m_clock.now());
        tap("home/pack/clips");
        m_renderer.settle(m_nav, m_clock.now());
        if (m_nav.location().pageId != "start") fail("the pack's start page did not open");
    }

    // The page for `duration` seconds as the window loop would draw it: frames only when the
    // navigator's clock, the UI's motion or a clip's next picture ask for one, sleeping between.
    // `play`: tap the clip's play button first; the phase ends early when the clip has ended.
    Phase run(double duration, bool play) {
        Phase phase;
        phase.before = memoryNow();
        phase.peak = phase.before;
        resetPeakRss();
        const double processBefore = cpuSeconds(RUSAGE_SELF);
        const double threadBefore = cpuSeconds(RUSAGE_THREAD);
        const std::uint64_t droppedBefore = videos().droppedFrames();
        const Steady::time_point start = Steady::now();
        const Steady::time_point end = start + std::chrono::duration_cast<Steady::duration>(std::chrono::duration<double>(duration));
        auto countFrame = [&] {
            ++phase.frames;
            phase.build += m_renderer.lastFrameTimings().buildSeconds;
            phase.raster += m_renderer.lastFrameTimings().rasterSeconds;
        };
        auto notePicture = [&] {
            if (play && !phase.firstPictureMs && videos().millisecondsToNextPicture(m_clock.now()) && !videos().waitingForPictures()) {
                phase.firstPictureMs = std::chrono::duration<double, std::milli>(Steady::now() - start).count();
            }
        };
        if (play) {
            // tap() draws three frames (down, up, one more): only the last one's timings are seen.
            tap(std::string(kClip) + "/play");
            phase.frames += 2;
            countFrame();
            const auto card = m_renderer.items().find(kClip);
            if (card && card->role == ui::ItemRole::Problem) fail("the clip does not play: " + card->label);
            notePicture();
        }
        Steady::time_point nextSample = start;
        int pendingFrames = 0;
        std::optional<Steady::time_point> pictureDue;
        for (;;) {
            Steady::time_point now = Steady::now();
            if (now >= end) break;
            if (play && phase.firstPictureMs && !videos().millisecondsToNextPicture(now)) break;  // the clip has ended
            if (now >= nextSample) {
                const double samplingBefore = cpuSeconds(RUSAGE_THREAD);
                const Memory sample = memoryNow();
                phase.samplingCpu += cpuSeconds(RUSAGE_THREAD) - samplingBefore;
                phase.peak.pssKb = std::max(phase.peak.pssKb, sample.pssKb);
                nextSample += kMemoryEvery;
            }
            // The window loop's wait: SDL_WaitEventTimeout until the earliest deadline, in ms. A
            // clip's next picture is a deadline kept until a frame has looked at the clips.
            if (const auto picture = videos().millisecondsToNextPicture(now)) {
                const Steady::time_point due = now + std::chrono::milliseconds(*picture);
                pictureDue = pictureDue ? std::min(*pictureDue, due) : due;
            }
            auto until = std::min(end, nextSample);
            if (const auto deadline = m_nav.nextDeadline()) until = std::min(until, *deadline);
            if (pictureDue) until = std::min(until, *pictureDue);
            auto timeout = std::chrono::ceil<std::chrono::milliseconds>(until - now);
            if (pendingFrames > 0) timeout = std::chrono::milliseconds(0);
            if (timeout.count() > 0) std::this_thread::sleep_for(timeout);
            now = Steady::now();
            if (m_nav.tick(now)) pendingFrames = std::max(pendingFrames, 1);
            if (pictureDue && now >= *pictureDue) pendingFrames = std::max(pendingFrames, 1);
            if (pendingFrames <= 0) continue;
            pictureDue.reset();
            m_renderer.frame(m_nav, now);
            countFrame();
            notePicture();
            --pendingFrames;
            if (m_renderer.ui()->wantsAnotherFrame()) pendingFrames = std::max(pendingFrames, 1);
        }
        phase.seconds = std::chrono::duration<double>(Steady::now() - start).count();
        phase.peak.rssKb = std::max(phase.before.rssKb, peakRssKb());
        // The benchmark's own reading of /proc is not the kiosk's: it is taken out of both.
        phase.processCpu = cpuSeconds(RUSAGE_SELF) - processBefore - phase.samplingCpu;
        phase.frameThreadCpu = cpuSeconds(RUSAGE_THREAD) - threadBefore - phase.samplingCpu;
        phase.dropped = videos().droppedFrames() - droppedBefore;
        phase.fps = phase.perSecond(phase.frames);
        if (play && !phase.firstPictureMs) fail("no picture of the clip came in " + std::to_string(duration) + " s");
        return phase;
    }

    [[noreturn]] static void fail(const std::string& why) {
        std::fprintf(stderr, "bench_video_playback: %s\n", why.c_str());
        std::exit(1);
    }
private:
    const platform::PlatformVideoPlayers& videos() const { return *m_renderer.videos(); }
    void tap(const std::string& id) {
        const auto item = m_renderer.items().find(id);
        if (!item) fail("no element '" + id + "' on screen");
        m_renderer.tap(m_nav, item->center(), m_clock.now());
    }

    test::TempDir m_dir;
    core::PackLibrary m_library;
    core::SteadyClock m_clock;
    core::Navigator m_nav;
    platform::HeadlessRenderer m_renderer{kWidth, kHeight, platform::systemFontFiles()};
};

// One line of the table: a phase's figures per second of it.
struct Row {
    double seconds, frames, fps, dropped;
    std::optional<double> firstPictureMs;
    double process, frameThread, build, raster, others;
    double rssBefore, rssPeak, pssBefore, pssPeak;  // MiB
};

Row rowOf(const Phase& p) {
    return Row{p.seconds, static_cast<double>(p.frames), p.fps, static_cast<double>(p.dropped), p.firstPictureMs,
               p.perSecond(p.processCpu), p.perSecond(p.frameThreadCpu), p.perSecond(p.build), p.perSecond(p.raster),
               std::max(0.0, p.perSecond(p.processCpu - p.frameThreadCpu)), mib(p.before.rssKb), mib(p.peak.rssKb), mib(p.before.pssKb),
               mib(p.peak.pssKb)};
}

// The median of each column on its own (so the line need not be one run's).
Row medianOf(const std::vector<Phase>& phases) {
    std::vector<Row> rows;
    for (const Phase& p : phases) rows.push_back(rowOf(p));
    auto of = [&](auto field) {
        std::vector<double> values;
        for (const Row& row : rows) values.push_back(field(row));
        return median(values);
    };
    Row m{};
    m.seconds = of([](const Row& r) { return r.seconds; });
    m.frames = of([](const Row& r) { return r.frames; });
    m.fps = of([](const Row& r) { return r.fps; });
    m.dropped = of([](const Row& r) { return r.dropped; });
    if (rows.front().firstPictureMs) m.firstPictureMs = of([](const Row& r) { return r.firstPictureMs.value_or(0); });
    m.process = of([](const Row& r) { return r.process; });
    m.frameThread = of([](const Row& r) { return r.frameThread; });
    m.build = of([](const Row& r) { return r.build; });
    m.raster = of([](const Row& r) { return r.raster; });
    m.others = of([](const Row& r) { return r.others; });
    m.rssBefore = of([](const Row& r) { return r.rssBefore; });
    m.rssPeak = of([](const Row& r) { return r.rssPeak; });
    m.pssBefore = of([](const Row& r) { return r.pssBefore; });
    m.pssPeak = of([](const Row& r) { return r.pssPeak; });
    return m;
}

void printRow(const std::string& name, const Row& r) {
    char first[32] = "-";
    if (r.firstPictureMs) std::snprintf(first, sizeof first, "%.0f", *r.firstPictureMs);
    std::printf("%-9s %6.2f %6.0f %6.1f %7.0f %7s %8.3f %8.3f %7.3f %7.3f %8.3f %7.0f %7.0f %7.0f %7.0f\n", name.c_str(), r.seconds,
                r.frames, r.fps, r.dropped, first, r.process, r.frameThread, r.build, r.raster, r.others, r.rssBefore, r.rssPeak,
                r.pssBefore, r.pssPeak);
}

// One run in a process of its own, as a kiosk starts: memory "before" is a fresh process's with
// the page on screen (a second run in the same process would find the heap the first one left),
// and getrusage counts this run's threads only. The parent has no threads and no SDL yet, so
// fork() is safe; the phases come back through a pipe (Phase is plain data).
std::pair<Phase, Phase> runInChild(const std::filesystem::path& clip, double clipSeconds, double duration) {
    static_assert(std::is_trivially_copyable_v<Phase>);
    int fds[2];
    if (pipe(fds) != 0) Bench::fail("cannot make a pipe");
    std::fflush(stdout);
    const pid_t child = fork();
    if (child < 0) Bench::fail("cannot fork");
    if (child == 0) {
        close(fds[0]);
        Phase phases[2];
        {
            Bench bench(clip, clipSeconds);
            phases[0] = bench.run(duration, false);
            phases[1] = bench.run(duration, true);
        }
        const bool sent = write(fds[1], phases, sizeof phases) == static_cast<ssize_t>(sizeof phases);
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    Phase phases[2];
    std::size_t got = 0;
    while (got < sizeof phases) {
        const ssize_t n = read(fds[0], reinterpret_cast<char*>(phases) + got, sizeof phases - got);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    // The child said why on stderr.
    if (got != sizeof phases || !WIFEXITED(status) || WEXITSTATUS(status) != 0) std::exit(1);
    return {phases[0], phases[1]};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_video_playback CLIP [SECONDS] [RUNS]   (a .mp4 or .webm clip; default 10 s, 3 runs)\n");
        return 2;
    }
    const std::filesystem::path clip = argv[1];
    const double duration = argc > 2 ? std::max(1.0, std::atof(argv[2])) : 10.0;
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    const auto facts = core::checkVideoFile(clip, clip.string());
    if (!facts) {
        std::fprintf(stderr, "bench_video_playback: %s\n", facts.error().describe().c_str());
        return 1;
    }
    std::printf("clip      %s: %dx%d %s%s%s, %.1f s, %.1f Mbit/s (the sound is not played: no audio device headless)\n",
                clip.filename().c_str(), facts.value().width, facts.value().height, facts.value().videoCodec.c_str(),
                facts.value().audioCodec.empty() ? "" : " + ", facts.value().audioCodec.c_str(), facts.value().durationSeconds,
                facts.value().bitsPerSecond / 1e6);
    std::printf("screen    %dx%d, SDL's software renderer, real time, %.0f s per phase, %d runs\n\n", kWidth, kHeight, duration, runs);
    std::printf("                              first   ---- CPU seconds per second ----  -- memory MiB: before, max --\n");
    std::printf("phase          s frames    fps dropped  pic ms  process frame th   build  raster   others  RSS  RSSmax     PSS  PSSmax\n");

    std::vector<Phase> posters, playing;
    for (int run = 0; run < runs; ++run) {
        const auto [poster, play] = runInChild(clip, facts.value().durationSeconds, duration);
        posters.push_back(poster);
        playing.push_back(play);
        printRow("poster " + std::to_string(run + 1), rowOf(posters.back()));
        printRow("play " + std::to_string(run + 1), rowOf(playing.back()));
    }
    const Row poster = medianOf(posters), play = medianOf(playing);
    std::printf("\nmedians of %d runs (each column on its own; frames and dropped are per run):\n", runs);
    printRow("poster", poster);
    printRow("play", play);
    if (poster.process > 0) {
        std::printf("\nCPU playing / poster: %.0fx (%.4f against %.6f s per second)\n", play.process / poster.process, play.process,
                    poster.process);
    } else {
        std::printf("\nCPU playing / poster: the poster phase used no CPU that getrusage counts\n");
    }
    std::printf("frame thread = build + raster + uploading the pictures and the loop; others = the decoder's threads\n");
    std::vector<double> sampling;
    for (const auto* phases : {&posters, &playing}) {
        for (const Phase& p : *phases) sampling.push_back(p.perSecond(p.samplingCpu));
    }
    std::printf("reading the memory figures (%d a second) cost %.4f s per second (median), not counted above\n",
                static_cast<int>(1000 / kMemoryEvery.count()), median(sampling));
    return 0;
}
