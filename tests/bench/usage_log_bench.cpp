// Usage log cost on a real usage.sqlite: how many events per second the SQLite log commits, and
// how long record() keeps a 60 Hz frame loop waiting while the worker commits, also while staff
// run `kiosk stats` on the same file. A benchmark, not a test: it prints numbers and never fails on them.
//
//   build/release/tests/bench_usage_log [EVENTS] [SECONDS]   (defaults: 20000 events, 20 s per frame loop)
//
// The database goes into a fresh folder under $TMPDIR (else /tmp); on a tmpfs fsync costs nothing
// and the rates say nothing about a kiosk's disk, so the file system is printed with the numbers.
#include <sys/vfs.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "../core/temp_dir.hpp"
#include "core/stats/usage_stats.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"

namespace {

using namespace kiosk;
using core::UsageEvent;
using core::UsageKind;
using Steady = std::chrono::steady_clock;

constexpr int kRuns = 5;
constexpr int kEventsPerFrame = 5;  // a busy visitor; a real one makes a few events per minute
constexpr auto kFrame = std::chrono::microseconds(16667);

struct PackPages {
    const char* pack;
    const char* start;
    const char* page;
    const char* quizPage;
    const char* quiz;
    const char* flow;
};

const PackPages kPacks[] = {
    {"address-change", "start", "requirements", "afterwards", "afterwards-quiz", "register"},
    {"e-prescription", "start", "three-ways", "quiz", "card-quiz", "redeem"},
    {"patient-record", "start", "contents", "objection", "objection-quiz", "manage-access"},
    {"innovationshub", "start", "offers", "advice", "advice-quiz", "workshop-signup"},
};
const char* const kLanguages[] = {"de", "en", "uk"};

// Visits as the Navigator reports them (see usage_event.hpp): a start, pages with their dwell
// time, a link, a QR code, a quiz answered twice, a form that is finished or abandoned, sometimes
// another language, and the end. About 18 events per visit, with ids as long as the sample content's.
class VisitScript {
public:
    UsageEvent next() {
        if (m_at == m_visit.size()) startVisit();
        return m_visit[m_at++];
    }

    std::uint64_t visits() const { return m_visits; }

private:
    void startVisit() {
        ++m_visits;
        const PackPages& p = kPacks[m_visits % std::size(kPacks)];
        const std::string language = kLanguages[m_visits % std::size(kLanguages)];
        // The kiosk's tokens are random; any distinct numbers do here.
        const std::uint64_t s = m_visits * 0x9E3779B97F4A7C15ull;
        const bool finishes = m_visits % 3 != 0;
        m_visit = {
            {UsageKind::SessionStart, s, "", "", language, 0},
            {UsageKind::LinkOpen, s, p.pack, p.start, p.page, 0},
            {UsageKind::PageView, s, p.pack, p.start, "", 12},
            {UsageKind::QrShown, s, p.pack, p.page, "online-service", 0},
            {UsageKind::PageView, s, p.pack, p.page, "", 41},
            {UsageKind::QuizAnswer, s, p.pack, p.quizPage, p.quiz, 0},
            {UsageKind::QuizAnswer, s, p.pack, p.quizPage, p.quiz, 1},
            {UsageKind::PageView, s, p.pack, p.quizPage, "", 23},
            {UsageKind::FlowStep, s, p.pack, "", p.flow, 1},
            {UsageKind::FlowStep, s, p.pack, "", p.flow, 2},
        };
        if (m_visits % 4 == 0) m_visit.push_back({UsageKind::LanguageChange, s, "", "", "en", 0});
        if (finishes) {
            m_visit.push_back({UsageKind::FlowStep, s, p.pack, "", p.flow, 3});
            m_visit.push_back({UsageKind::FlowStep, s, p.pack, "", p.flow, 4});
            m_visit.push_back({UsageKind::FlowComplete, s, p.pack, "", p.flow, 0});
        } else {
            m_visit.push_back({UsageKind::FlowAbandon, s, p.pack, "", p.flow, 2});
        }
        m_visit.push_back({UsageKind::PageView, s, p.pack, p.start, "", 8});
        m_visit.push_back({UsageKind::SessionEnd, s, "", "", finishes ? "home" : "idle", 95});
        m_at = 0;
    }

    std::vector<UsageEvent> m_visit;
    std::size_t m_at = 0;
    std::uint64_t m_visits = 0;
};

// The reference for record(): a log that counts and drops, so what it costs is a virtual call,
// moving an event and the clock reads, plus whatever the scheduler adds on this machine.
class DroppingUsageLog final : public core::UsageLog {
public:
    void record(UsageEvent) noexcept override { m_dropped.fetch_add(1, std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> m_dropped{0};
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

// The smallest value at or above the fraction `p` of `sorted`.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0.0;
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size()));
    return sorted[std::min(rank, sorted.size() - 1)];
}

double secondsSince(Steady::time_point start) { return std::chrono::duration<double>(Steady::now() - start).count(); }

std::vector<UsageEvent> scriptedEvents(std::size_t count) {
    VisitScript script;
    std::vector<UsageEvent> events;
    events.reserve(count);
    while (events.size() < count) events.push_back(script.next());
    return events;
}

std::uintmax_t databaseBytes(const std::filesystem::path& folder) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (const char* suffix : {"", "-wal"}) {
        const auto size = std::filesystem::file_size(core::usageDatabasePath(folder).string() + suffix, ec);
        if (!ec) bytes += size;
    }
    return bytes;
}

struct LogRun {
    double eventsPerSecond = 0;
    std::uint64_t dropped = 0;
    std::size_t warnings = 0;
    std::uintmax_t bytes = 0;  // usage.sqlite after closing (the WAL is checkpointed into it)
};

// SqliteUsageLog: from the first record() until flush() returns, on a fresh file.
LogRun logRate(const std::vector<UsageEvent>& events) {
    test::TempDir dir;
    core::SystemWallClock clock;
    core::UsageLogOptions options;
    // The rate of writing, not the bound: a burst beyond the queue would be dropped by design.
    options.queueCapacity = std::max(options.queueCapacity, events.size());
    std::vector<UsageEvent> copy = events;
    LogRun run;
    {
        core::SqliteUsageLog log(dir.path(), clock, options);
        log.flush();  // opening, migrating and pruning are paid once per start, not per event
        const auto start = Steady::now();
        for (auto& e : copy) log.record(std::move(e));
        log.flush();
        run.eventsPerSecond = static_cast<double>(events.size()) / secondsSince(start);
        run.dropped = log.droppedEvents();
        run.warnings = log.warnings().size();
    }
    run.bytes = databaseBytes(dir.path());
    return run;
}

// The reference: the same rows written straight into the same schema with the same pragmas, in
// one transaction with one commit. That is what SQLite itself can do on this disk; the ratio
// shows what the log's design costs on top (a commit and fsync per batch, the hand-over to the
// worker thread), the part a change to the log could win back.
double rawRate(const std::vector<UsageEvent>& events) {
    test::TempDir dir;
    SQLite::Database db(core::usageDatabasePath(dir.path()).string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA secure_delete=ON");
    db.exec("PRAGMA synchronous=FULL");
    core::migrateUsageDatabase(db);
    const std::int64_t minute = core::usageMinute(core::SystemWallClock().now());
    const auto start = Steady::now();
    SQLite::Transaction transaction(db);
    SQLite::Statement startSession(db, "INSERT INTO sessions(started_minute, language) VALUES (?, ?)");
    SQLite::Statement insertEvent(db, "INSERT INTO events(session_id, minute, kind, pack, page, item, value) VALUES (?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement endSession(db, "UPDATE sessions SET ended_minute = ?, seconds = ?, end_reason = ? WHERE id = ?");
    std::unordered_map<std::uint64_t, std::int64_t> rows;
    for (const auto& e : events) {
        if (e.kind == UsageKind::SessionStart) {
            startSession.bind(1, minute);
            startSession.bind(2, e.item);
            startSession.exec();
            startSession.reset();
            rows[e.session] = db.getLastInsertRowid();
        } else if (e.kind == UsageKind::SessionEnd) {
            endSession.bind(1, minute);
            endSession.bind(2, static_cast<std::int64_t>(e.value));
            endSession.bind(3, e.item);
            endSession.bind(4, rows[e.session]);
            endSession.exec();
            endSession.reset();
            rows.erase(e.session);
        } else {
            insertEvent.bind(1, rows[e.session]);
            insertEvent.bind(2, minute);
            insertEvent.bind(3, std::string(core::usageKindName(e.kind)));
            insertEvent.bind(4, e.pack);
            insertEvent.bind(5, e.page);
            insertEvent.bind(6, e.item);
            insertEvent.bind(7, static_cast<std::int64_t>(e.value));
            insertEvent.exec();
            insertEvent.reset();
        }
    }
    transaction.commit();
    return static_cast<double>(events.size()) / secondsSince(start);
}

// `kiosk stats` over and over on the file while the frame loop runs; computeUsageStats opens it
// read-only each time, as the command does.
class StatsReader {
public:
    explicit StatsReader(std::filesystem::path file) : m_file(std::move(file)), m_thread([this] { run(); }) {}
    ~StatsReader() { stop(); }
    StatsReader(const StatsReader&) = delete;
    StatsReader& operator=(const StatsReader&) = delete;

    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    const std::vector<double>& runMilliseconds() const { return m_runs; }
    int failures() const { return m_failures; }

private:
    void run() {
        while (!m_stop) {
            core::StatsRequest request;
            request.now = std::chrono::system_clock::now();
            const auto start = Steady::now();
            if (!core::computeUsageStats(m_file, request).ok()) ++m_failures;
            m_runs.push_back(secondsSince(start) * 1e3);
        }
    }

    std::filesystem::path m_file;
    std::atomic<bool> m_stop{false};
    std::vector<double> m_runs;
    int m_failures = 0;
    std::thread m_thread;  // last: starts once the members above exist
};

[[gnu::noinline]] double timedRecord(core::UsageLog& log, UsageEvent event) {
    const auto start = Steady::now();
    log.record(std::move(event));
    return std::chrono::duration<double, std::micro>(Steady::now() - start).count();
}

// A 60 Hz frame loop that records kEventsPerFrame events each frame and sleeps until the next
// frame: the microseconds of every record() call, sorted.
std::vector<double> frameLoop(core::UsageLog& log, std::chrono::seconds duration) {
    VisitScript script;
    std::vector<double> micros;
    const auto frames = duration / kFrame;
    micros.reserve(static_cast<std::size_t>(frames * kEventsPerFrame));
    auto next = Steady::now();
    for (long frame = 0; frame < frames; ++frame) {
        for (int i = 0; i < kEventsPerFrame; ++i) micros.push_back(timedRecord(log, script.next()));
        next += kFrame;
        std::this_thread::sleep_until(next);
    }
    std::sort(micros.begin(), micros.end());
    return micros;
}

// A call over this long is no scheduler noise of a busy machine but a wait (a lock, a preemption by the worker).
constexpr double kStallMicros = 100.0;

void printStallRow(const char* name, const std::vector<double>& micros, const std::vector<double>* reference, const std::string& dropped) {
    const double p99 = percentile(micros, 0.99);
    const double refP99 = reference ? percentile(*reference, 0.99) : p99;
    const auto stalls = std::count_if(micros.begin(), micros.end(), [](double us) { return us > kStallMicros; });
    std::printf("%-32s %8.2f %8.2f %8.2f %9.1f %9.2f %7td %8s\n", name, median(micros), p99, percentile(micros, 0.999),
                micros.empty() ? 0.0 : micros.back(), refP99 > 0 ? p99 / refP99 : 0.0, stalls, dropped.c_str());
}

std::string fileSystemOf(const std::filesystem::path& folder) {
    struct statfs info {};
    if (statfs(folder.c_str(), &info) != 0) return "unknown file system";
    switch (static_cast<unsigned long>(info.f_type)) {
        case 0xEF53: return "ext4";
        case 0x01021994: return "tmpfs: fsync is free, the rates are not a disk's";
        case 0x9123683E: return "btrfs";
        case 0x58465342: return "xfs";
        default: {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "file system 0x%lx", static_cast<unsigned long>(info.f_type));
            return buffer;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t eventCount = argc > 1 ? static_cast<std::size_t>(std::max(1000, std::atoi(argv[1]))) : 20000;
    const std::chrono::seconds loopSeconds{argc > 2 ? std::max(1, std::atoi(argv[2])) : 20};
    const std::vector<UsageEvent> events = scriptedEvents(eventCount);
    const std::filesystem::path tmp = std::filesystem::temp_directory_path();
    std::printf("usage.sqlite in %s (%s), SQLite %s, WAL, synchronous=FULL, default UsageLogOptions\n\n", tmp.c_str(),
                fileSystemOf(tmp).c_str(), SQLite::getLibVersion());

    // 1. Runs alternate, so a slow spell of the disk falls on both sides.
    std::vector<double> logRates;
    std::vector<double> rawRates;
    std::uint64_t dropped = 0;
    std::size_t warnings = 0;
    std::uintmax_t bytes = 0;
    for (int run = 0; run < kRuns; ++run) {
        rawRates.push_back(rawRate(events));
        const LogRun r = logRate(events);
        logRates.push_back(r.eventsPerSecond);
        dropped += r.dropped;
        warnings += r.warnings;
        bytes = r.bytes;
    }
    const double raw = median(rawRates);
    const double viaLog = median(logRates);
    std::printf("1. Sustained rate: %zu events (a realistic mix of visits), median of %d runs, fresh file each run\n\n", events.size(), kRuns);
    std::printf("%-44s %12s %7s %8s\n", "", "events/s", "ratio", "dropped");
    std::printf("%-44s %12.0f %7.2f %8s\n", "raw SQLite, one transaction (reference)", raw, 1.0, "-");
    std::printf("%-44s %12.0f %7.2f %8llu\n", "SqliteUsageLog: record() x N, then flush()", viaLog, raw > 0 ? viaLog / raw : 0.0,
                static_cast<unsigned long long>(dropped));
    std::printf("\nwarnings: %zu; usage.sqlite after closing: %ju bytes, %.1f KiB per 1000 events\n", warnings, bytes,
                static_cast<double>(bytes) / 1.024 / static_cast<double>(events.size()));
    std::printf("queue of %zu events at %d events per frame, 60 Hz: %.0f s of a hanging disk before the first drop\n\n",
                core::UsageLogOptions{}.queueCapacity, kEventsPerFrame,
                static_cast<double>(core::UsageLogOptions{}.queueCapacity) / (kEventsPerFrame * 60.0));

    // 2. One folder, filled first, so the stats reader has a realistic amount of data to read.
    test::TempDir dir;
    core::SystemWallClock clock;
    {
        core::UsageLogOptions unbounded;
        unbounded.queueCapacity = events.size();
        core::SqliteUsageLog fill(dir.path(), clock, unbounded);
        for (const auto& e : events) fill.record(e);
        fill.flush();
    }
    std::printf("2. record() on a 60 Hz frame loop, %d events per frame, %lld s = %lld calls per row (microseconds)\n",
                kEventsPerFrame, static_cast<long long>(loopSeconds.count()),
                static_cast<long long>(loopSeconds / kFrame * kEventsPerFrame));
    std::printf("   the SQLite rows write to a file already holding %zu events; ratio: p99 / p99 of the drop-only row above it\n\n",
                events.size());
    std::printf("%-32s %8s %8s %8s %9s %9s %7s %8s\n", "", "median", "p99", "p99.9", "max", "p99 ratio", ">100us", "dropped");

    auto sqliteLoop = [&](std::uint64_t& lost, std::size_t& warned) {
        core::SqliteUsageLog log(dir.path(), clock);
        log.flush();
        auto micros = frameLoop(log, loopSeconds);
        log.flush();
        lost = log.droppedEvents();
        warned = log.warnings().size();
        return micros;
    };
    std::uint64_t lost = 0;
    std::size_t warned = 0;
    DroppingUsageLog dropping;
    const auto dropIdle = frameLoop(dropping, loopSeconds);
    printStallRow("drop-only log (reference)", dropIdle, nullptr, "-");
    const auto sqliteIdle = sqliteLoop(lost, warned);
    printStallRow("SqliteUsageLog", sqliteIdle, &dropIdle, std::to_string(lost));
    std::size_t warnedTotal = warned;

    StatsReader readerForDrop(core::usageDatabasePath(dir.path()));
    const auto dropStats = frameLoop(dropping, loopSeconds);
    readerForDrop.stop();
    printStallRow("drop-only + stats reader (ref)", dropStats, nullptr, "-");
    StatsReader reader(core::usageDatabasePath(dir.path()));
    const auto sqliteStats = sqliteLoop(lost, warned);
    reader.stop();
    warnedTotal += warned;
    printStallRow("SqliteUsageLog + stats reader", sqliteStats, &dropStats, std::to_string(lost));

    std::printf("\nstats reader beside the SQLite log: %zu runs of computeUsageStats, median %.1f ms, %d failed; log warnings: %zu\n",
                reader.runMilliseconds().size(), median(reader.runMilliseconds()), reader.failures(), warnedTotal);
    return 0;
}
