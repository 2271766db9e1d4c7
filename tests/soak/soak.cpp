// The soak (issue 10, item 5): the kiosk's real parts in one process for a long time, as
// `kiosk run` wires them (app/run_command.cpp), with simulated visitors instead of fingers and a
// manual clock instead of waiting: the UI drawn headless by SDL's software renderer at 1920x1080
// with clips playing and read aloud speaking (espeak-ng into SDL's dummy audio driver), the real
// usage log on <state>/usage.sqlite, the background sync (libcurl) against a real nginx on
// 127.0.0.1 whose signed catalog is republished every --sync-every seconds, and the heartbeat.
// It reports RSS, open files, threads, the WAL, textures and events over time; with --check it
// fails on growth after the warm-up, a damaged or incomplete usage database, a sync that took
// away what the screen showed, or a stuck visit (tests/README.md, "Soak").
//
//   tests/soak/run-soak.sh --minutes 15                                 (release preset)
//   build/ci/tests/soak/kiosk_soak --seconds 60 --check                 (CTest, also under LSan)
#include <CLI/CLI.hpp>
#include <SQLiteCpp/Database.h>
#include <imgui.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../core/temp_dir.hpp"
#include "app/background_sync.hpp"
#include "app/heartbeat_sender.hpp"
#include "app/startup.hpp"
#include "app/sync_runner.hpp"
#include "core/media/ffmpeg_libraries.hpp"
#include "core/nav/navigator.hpp"
#include "core/sync/content_store.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "ffmpeg_cycles.hpp"
#include "platform/espeak_speech.hpp"
#include "platform/headless_renderer.hpp"
#include "platform/memory_release.hpp"
#include "platform/system_info.hpp"
#include "process_figures.hpp"
#include "simulated_visitor.hpp"
#include "soak_catalog.hpp"
#include "soak_report.hpp"
#include "ui/texture_cache.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define KIOSK_SOAK_ASAN 1
#else
#define KIOSK_SOAK_ASAN 0
#endif

namespace {

using namespace kiosk;
using Seconds = std::chrono::duration<double>;

// The pack each sync brings anew, and one with clips that the catalog brings once; the other
// sample packs come from the content folder, as a kiosk's own would.
const char* const kChangingPack = "e-prescription";
const char* const kSyncedPackWithClips = "online-id";

struct SoakOptions {
    double seconds = 60;
    double reportEvery = 10;
    double syncEvery = 10;
    std::uint32_t seed = 1;
    std::string state;
    std::string csv;
    bool check = false;
};

// RSS at rest without the texture cache's pictures moved within 2.5 MiB over 16 minutes and 176
// visits once warm (tests/README.md, "Soak"): heap freed by a reload or an eviction comes back
// only in whole pages, and a heartbeat or sync may hold FFmpeg (23 MiB) at one of the moments.
// 8 MiB is three times that spread. Over the long run it catches 70 KiB per visit or 400 KiB
// per sync; in CTest's minute only megabytes per visit (a picture never freed): LeakSanitizer
// catches the small leaks there.
constexpr long kRssToleranceKiB = 8 * 1024;

// FFmpeg loaded and unloaded 100 times before the run, after 20 more (soak/ffmpeg_cycles.hpp):
// with the libraries that allocate in their constructors kept loaded the heap grew by 15 KiB,
// without by 1247 KiB (12 KiB each time).
constexpr int kFfmpegWarmUpCycles = 20;
constexpr int kFfmpegCycles = 100;
constexpr long kFfmpegCyclesGrowthLimitBytes = 256 * 1024;

// SQLite checkpoints when a commit leaves more than 1000 pages in the WAL, and then writes the
// WAL from its start again: the file never grows much past 1000 pages and one batch (at most
// 256 events). Twice that means checkpoints stopped.
std::uintmax_t walLimit(const std::filesystem::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return 2 * 1000 * static_cast<std::uintmax_t>(db.execAndGet("PRAGMA page_size").getInt64());
}

// Counts what the navigator records on its way to the real log: the figure to compare the
// database with at the end.
class CountingUsageLog final : public core::UsageLog {
public:
    explicit CountingUsageLog(core::UsageLog& log) : m_log(log) {}
    void record(core::UsageEvent event) noexcept override {
        ++m_total;
        if (event.kind == core::UsageKind::SessionStart) ++m_sessions;
        if (event.kind != core::UsageKind::SessionStart && event.kind != core::UsageKind::SessionEnd) ++m_eventRows;
        m_log.record(std::move(event));
    }
    std::uint64_t total() const { return m_total; }
    std::uint64_t sessions() const { return m_sessions; }
    std::uint64_t eventRows() const { return m_eventRows; }

private:
    core::UsageLog& m_log;
    std::atomic<std::uint64_t> m_total{0};
    std::uint64_t m_sessions = 0;
    std::uint64_t m_eventRows = 0;
};

// The sample packs but the catalog's, copied into `folder`: the kiosk's own content folder.
std::filesystem::path localContent(const std::filesystem::path& folder) {
    const std::filesystem::path samples = KIOSK_SOURCE_DIR "/content";
    std::filesystem::create_directories(folder);
    for (const auto& entry : std::filesystem::directory_iterator(samples)) {
        const std::string id = entry.path().filename().string();
        if (!entry.is_directory() || id == kChangingPack || id == kSyncedPackWithClips) continue;
        std::filesystem::copy(entry.path(), folder / id, std::filesystem::copy_options::recursive);
    }
    return folder;
}

struct UsageCheck {
    std::string integrity;
    long long sessions = 0;
    long long openSessions = 0;
    long long events = 0;
};

UsageCheck checkUsageDatabase(const std::filesystem::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    UsageCheck check;
    check.integrity = db.execAndGet("PRAGMA integrity_check").getString();
    check.sessions = db.execAndGet("SELECT count(*) FROM sessions").getInt64();
    check.openSessions = db.execAndGet("SELECT count(*) FROM sessions WHERE ended_minute IS NULL").getInt64();
    check.events = db.execAndGet("SELECT count(*) FROM events").getInt64();
    return check;
}

int runSoak(const SoakOptions& options) {
    platform::limitMallocArenas();  // as `kiosk run` does, before any thread
#if KIOSK_SOAK_ASAN
    // LeakSanitizer looks at exit, and what the constructor of a library FFmpeg brought along
    // allocated is a leak with no module to name once that library was unloaded (120 bytes, in
    // 1 of 13 runs, beside those core/media/ffmpeg_libraries.cpp now keeps loaded).
    // Held for the whole run, nothing of FFmpeg goes before LeakSanitizer looks. The ci build's
    // run loads and unloads it as the kiosk does, and measures what that leaves behind.
    const core::FfmpegUse ffmpegHeldForLeakSanitizer;
    const soak::FfmpegCycles ffmpegCycles;
#else
    const soak::FfmpegCycles ffmpegCycles = soak::measureFfmpegCycles(kFfmpegWarmUpCycles, kFfmpegCycles);
#endif
    ::setenv("SDL_VIDEODRIVER", "dummy", 0);
    ::setenv("SDL_AUDIODRIVER", "dummy", 0);  // speech plays in real time into no loudspeaker
    const auto wallStart = std::chrono::steady_clock::now();
    auto elapsed = [&] { return Seconds(std::chrono::steady_clock::now() - wallStart).count(); };

    test::TempDir work;
    const std::filesystem::path state = options.state.empty() ? work.path() / "state" : std::filesystem::absolute(options.state);
    // The catalog's keys are made for each run: a state folder that trusts another run's root
    // would refuse every sync, and its usage log would hold sessions this run did not record.
    if (std::filesystem::exists(state) && !std::filesystem::is_empty(state)) {
        throw std::runtime_error("--state " + state.string() + " is not empty: give a new or empty folder (each run makes its own catalog keys)");
    }
    std::filesystem::create_directories(state);
    // nginx first: it is forked, and a fork beside running threads can leave the child stuck on a
    // lock one of them held.
    soak::SoakCatalog catalog({std::filesystem::path(KIOSK_SOURCE_DIR "/content") / kChangingPack,
                               std::filesystem::path(KIOSK_SOURCE_DIR "/content") / kSyncedPackWithClips},
                              work.path() / "catalog");
    if (const std::string error = catalog.republish(); !error.empty()) throw std::runtime_error("publishing the catalog: " + error);

    core::KioskConfig config;
    config.contentFolders = {localContent(work.path() / "content")};
    config.stateFolder = state;
    config.languages = {"de", "en", "de-x-ls", "uk"};
    config.sync.catalogs = {catalog.source()};
    config.sync.interval = std::chrono::hours(24);  // only the soak's "sync now" after each publication
    config.heartbeat.interval = std::chrono::minutes(1);

    soak::SoakTime time;
    soak::VisitTally tally;
    std::uint64_t syncsInstalled = 0;
    std::uint64_t shownPacksRemoved = 0;
    long long activeAtEnd = 0;
    std::uint64_t eventsLogged = 0;
    std::uint64_t sessionsLogged = 0;
    std::uint64_t eventRowsLogged = 0;
    std::vector<soak::Sample> lines;
    std::vector<soak::RestSample> rests;
    std::vector<std::string> problems;
    std::uintmax_t walLimitBytes = 0;
    const std::filesystem::path database = core::usageDatabasePath(state);
    {
        const core::ContentStore store(state);
        store.clearStaging();
        // As after the installer's `kiosk sync --once`: the synced packs are there from the start.
        for (const auto& report : app::syncCatalogs(config, store)) {
            if (!report.ok) throw std::runtime_error("the first sync failed: " + report.problem);
        }
        core::SqliteUsageLog usageLog(state, time.wall);
        CountingUsageLog counting(usageLog);
        core::ShownPacksClaim shown(state);  // as `kiosk run` claims what it shows
        core::PackLibrary library = app::loadLibraryReporting(config, &shown);
        core::Navigator navigator(library, config.languages, config.defaultLanguage, core::idlePolicy(config), time.now(), options.seed);
        navigator.setUsageLog(&counting);
        platform::HeadlessRenderer renderer(1920, 1080, platform::systemFontFiles());
        if (!renderer.ok()) throw std::runtime_error(renderer.error());
        renderer.enableVideoPlayback();
        // After SDL (it opens SDL's audio) and gone before it, as in the window loop.
        platform::EspeakSpeech speech;
        renderer.setSpeech(&speech);
        // The workers start once the content is loaded, as in `kiosk run`.
        app::BackgroundSync sync(config, store, &shown, std::chrono::seconds(1));
        const core::SteadyClock steady;
        const core::SystemWallClock wall;
        app::HeartbeatSender heartbeat(config, state, steady, steady.now(), wall, std::chrono::seconds(5));

        renderer.settle(navigator, time.now());
        platform::releaseFreedMemory();  // as the window loop does after its first frame
        usageLog.flush();
        walLimitBytes = walLimit(database);

        soak::PeriodWatch period;
        double lastPublished = elapsed();
        double lastReport = 0;
        // Between the visitor's actions and visits: the server side, the figures, the report lines.
        const auto tick = [&] {
            if (elapsed() - lastPublished >= options.syncEvery) {
                lastPublished = elapsed();
                if (const std::string error = catalog.republish(); !error.empty()) problems.push_back("publishing: " + error);
                sync.requestSync();
            }
            const std::uintmax_t wal = soak::fileBytes(database.string() + "-wal");
            const soak::ProcessFigures figures = soak::readProcessFigures();
            period.observe(figures, wal);
            if (elapsed() - lastReport < options.reportEvery) return elapsed() >= options.seconds;
            lastReport = elapsed();
            const ui::TextureCache& textures = renderer.ui()->textures();
            soak::Sample line{lastReport, static_cast<std::uint64_t>(ImGui::GetFrameCount()), tally.visits, syncsInstalled, figures, wal,
                              textures.size(), textures.bytes(), counting.total()};
            period.finish(line);
            soak::printTableLine(stdout, line);
            lines.push_back(line);
            return elapsed() >= options.seconds;
        };
        soak::SimulatedVisitor visitor(renderer, navigator, time, options.seed, tick);
        // A visitor who stays while two new catalog versions are installed: the kiosk must keep
        // what it shows until the visit ends, though neither of the two syncs' sets names it.
        const auto stayThroughTwoSyncs = [&] {
            for (int round = 0; round < 2; ++round) {
                if (const std::string error = catalog.republish(); !error.empty()) problems.push_back("publishing: " + error);
                lastPublished = elapsed();
                sync.requestSync();
                const double since = elapsed();
                for (;;) {
                    const auto active = store.activeSet(catalog.source().name);
                    if (active && active->catalogVersion == catalog.publishedVersions()) break;
                    if (elapsed() - since > 60) {
                        problems.push_back("catalog version " + std::to_string(catalog.publishedVersions()) + " was not installed within 60 s");
                        return;
                    }
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    renderer.frame(navigator, time.now());
                    tick();
                }
            }
            // The sync removes what it no longer needs right after it switched; it had time to.
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        };
        std::mt19937 gaps(options.seed + 1);
        const bool trace = std::getenv("KIOSK_SOAK_TRACE") != nullptr;

        std::printf("soak: %.0f s, seed %u, state %s, catalog %s\n", options.seconds, options.seed, state.c_str(), catalog.source().url.c_str());
        soak::printTableHeader(stdout);
        for (bool first = true; elapsed() < options.seconds; first = false) {
            if (first) {
                visitor.warmUpTour(tally, stayThroughTwoSyncs);
            } else {
                visitor.visit(tally);
            }
            // What the visitor saw must still have been there: a sync that removes the pack
            // versions on screen leaves pictures and clips that can no longer be opened.
            for (const core::Pack& pack : library.packs) {
                if (std::filesystem::exists(pack.folder / "pack.toml")) continue;
                ++shownPacksRemoved;
                if (shownPacksRemoved == 1) problems.push_back("a sync removed " + pack.folder.string() + " while the kiosk showed it");
            }
            // The visit ended: as the window loop, the kiosk gives back what it freed.
            platform::releaseFreedMemory();
            // As `kiosk run`'s poll: synced content switches in while nobody is at the screen.
            if (sync.takeNewContent()) {
                library = app::loadLibraryReporting(config, &shown);
                navigator.libraryChanged();
                renderer.forgetTextures();
                renderer.settle(navigator, time.now());
                ++syncsInstalled;
            }
            // Nobody there for a while; the attract loop shows a picture now and then.
            time.advance(std::chrono::seconds(std::uniform_int_distribution<int>(0, 600)(gaps)));
            if (navigator.tick(time.now())) renderer.frame(navigator, time.now());
            if (navigator.visit().phase() == core::VisitorPhase::Attract && renderer.videos()->openClips() == 0 && core::ffmpegLoaded()) {
                platform::releaseFreedMemory();
            }
            const long restRss = soak::readProcessFigures().rssKiB;
            const soak::RestSample rest{elapsed(), restRss, renderer.ui()->textures().bytes()};
            period.observeRest(rest);
            rests.push_back(rest);
            if (trace) {
                std::fprintf(stderr, "[soak] at rest: RSS %ld KiB, FFmpeg %s, %zu clip(s) open, %zu KiB of pictures\n", restRss,
                             core::ffmpegLoaded() ? "loaded" : "not loaded", renderer.videos()->openClips(),
                             renderer.ui()->textures().bytes() / 1024);
            }
            tick();
        }
        // Only staff or an operator end the kiosk: a visit still running would end for that reason.
        navigator.endSession(core::SessionEndReason::Staff, time.now());
        navigator.setUsageLog(nullptr);
        for (const std::string& warning : usageLog.warnings()) problems.push_back("usage log: " + warning);
        if (usageLog.droppedEvents() > 0) problems.push_back("usage log: " + std::to_string(usageLog.droppedEvents()) + " event(s) dropped");
        eventsLogged = counting.total();
        if (const auto active = store.activeSet(catalog.source().name)) activeAtEnd = active->catalogVersion;
        sessionsLogged = counting.sessions();
        eventRowsLogged = counting.eventRows();
    }  // every part stopped: the usage log committed what was queued

    const UsageCheck usage = checkUsageDatabase(database);
    if (usage.integrity != "ok") problems.push_back("usage.sqlite: integrity_check says " + usage.integrity);
    if (usage.sessions != static_cast<long long>(sessionsLogged) || usage.events != static_cast<long long>(eventRowsLogged)) {
        problems.push_back("usage.sqlite holds " + std::to_string(usage.sessions) + " sessions and " + std::to_string(usage.events) +
                           " events, the kiosk recorded " + std::to_string(sessionsLogged) + " and " + std::to_string(eventRowsLogged));
    }
    if (usage.openSessions != 0) problems.push_back("usage.sqlite: " + std::to_string(usage.openSessions) + " session(s) never ended");
    if (!ffmpegCycles.error.empty()) problems.push_back(ffmpegCycles.error);
    if (ffmpegCycles.heapGrowthBytes > kFfmpegCyclesGrowthLimitBytes) {
        problems.push_back("loading and unloading FFmpeg " + std::to_string(ffmpegCycles.cycles) + " times left " +
                           std::to_string(ffmpegCycles.heapGrowthBytes / 1024) + " KiB on the heap (a library it brings along that "
                           "allocates when loaded: keep it loaded, core/media/ffmpeg_libraries.cpp)");
    }
    if (tally.visits == 0) problems.push_back("no visit happened");
    if (syncsInstalled == 0) problems.push_back("no sync installed new content");

    soak::GrowthLimits limits;
    limits.warmupSeconds = options.seconds / 3;
    limits.windowSeconds = std::max(options.reportEvery, options.seconds / 6);
    // AddressSanitizer keeps freed memory in quarantine (256 MiB) and never gives the heap back:
    // there LeakSanitizer's exact account at exit judges memory instead.
    limits.rssToleranceKiB = KIOSK_SOAK_ASAN ? -1 : kRssToleranceKiB;
    limits.walLimitBytes = walLimitBytes;
    limits.textureBudgetBytes = ui::TextureCache::kBudgetBytes;
    for (std::string& problem : soak::growthProblems(lines, rests, limits)) problems.push_back(std::move(problem));

    std::uintmax_t walMax = 0;
    for (const auto& line : lines) walMax = std::max(walMax, line.walBytesMax);
    const soak::Sample* warm = nullptr;
    for (const auto& line : lines) {
        if (!warm && line.elapsedSeconds >= limits.warmupSeconds) warm = &line;
    }
    std::printf("\nsummary: %.0f s, %llu frames, %llu visits (%llu idle resets, %llu 'End visit', %llu came back at the prompt), "
                "%llu taps (%llu keys), %llu drags, %llu language changes, %llu read aloud, %llu flows finished\n",
                elapsed(), static_cast<unsigned long long>(lines.empty() ? 0 : lines.back().frames),
                static_cast<unsigned long long>(tally.visits), static_cast<unsigned long long>(tally.idleResets),
                static_cast<unsigned long long>(tally.endVisitTaps), static_cast<unsigned long long>(tally.stillHere),
                static_cast<unsigned long long>(tally.taps), static_cast<unsigned long long>(tally.keys),
                static_cast<unsigned long long>(tally.drags), static_cast<unsigned long long>(tally.languageChanges),
                static_cast<unsigned long long>(tally.readAloud), static_cast<unsigned long long>(tally.flowsFinished));
    std::printf("summary: %d catalog versions published and synced (version %lld active at the end), the kiosk switched to new "
                "content %llu times; %llu usage events recorded, database: %lld sessions, %lld events, integrity_check %s; WAL at most "
                "%llu KiB (bound %llu KiB)\n",
                catalog.publishedVersions(), activeAtEnd, static_cast<unsigned long long>(syncsInstalled),
                static_cast<unsigned long long>(eventsLogged),
                usage.sessions, usage.events, usage.integrity.c_str(), static_cast<unsigned long long>(walMax / 1024),
                static_cast<unsigned long long>(walLimitBytes / 1024));
    if (ffmpegCycles.cycles > 0) {
        std::printf("summary: FFmpeg loaded and unloaded %d times before the run: the heap grew by %ld KiB\n", ffmpegCycles.cycles,
                    ffmpegCycles.heapGrowthBytes / 1024);
    }
    if (warm && !lines.empty()) {
        const soak::Sample& last = lines.back();
        std::printf("summary: after the warm-up (%.0f s) RSS at rest without pictures %ld KiB, fds %d-%d, threads %d-%d; at the end %ld KiB, "
                    "fds %d-%d, threads %d-%d (-1: no visit ended in that report period)\n",
                    warm->elapsedSeconds, warm->restRssMinKiB, warm->openFilesMin, warm->openFilesMax, warm->threadsMin, warm->threadsMax,
                    last.restRssMinKiB, last.openFilesMin, last.openFilesMax, last.threadsMin, last.threadsMax);
    }
    if (!options.csv.empty()) soak::writeCsv(options.csv, lines);
    if (shownPacksRemoved > 1) {
        problems.push_back("in all, " + std::to_string(shownPacksRemoved) + " times a visit ended with a shown pack's folder gone");
    }
    for (const std::string& problem : problems) std::printf("problem: %s\n", problem.c_str());
    if (!options.check) return 0;
    std::printf("verdict: %s\n", problems.empty() ? "no growth after the warm-up, nothing lost" : "FAILED");
    return problems.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    SoakOptions options;
    CLI::App app("The kiosk's real parts with simulated visitors and periodic syncs, for a long time (tests/README.md, \"Soak\")");
    app.add_option("--seconds", options.seconds, "wall time to run")->check(CLI::PositiveNumber);
    app.add_option("--report-every", options.reportEvery, "seconds between report lines")->check(CLI::PositiveNumber);
    app.add_option("--sync-every", options.syncEvery, "seconds between catalog publications (each one synced and installed)")
        ->check(CLI::PositiveNumber);
    app.add_option("--seed", options.seed, "seed of the visitors' choices and of the navigator");
    app.add_option("--state", options.state, "the kiosk's state folder (kept); default: a temporary one");
    app.add_option("--csv", options.csv, "also write the report lines to this CSV file");
    app.add_flag("--check", options.check, "fail (exit code 1) on growth after the warm-up or a damaged usage database");
    CLI11_PARSE(app, argc, argv);
    try {
        return runSoak(options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk_soak: %s\n", e.what());
        return 3;
    }
}
