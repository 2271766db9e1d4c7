// The usage log's worker: batches events into transactions, prunes by retention, replaces a
// database that breaks under it, and counts in memory while its folder cannot hold one, moving
// that into the file once it can: logging goes on whatever the disk does, and nothing is lost.
#include "core/usage/sqlite_usage_log.hpp"

#include <pthread.h>
#include <sched.h>
#include <sqlite3.h>

#include <map>
#include <optional>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/usage/usage_database.hpp"
#include "core/util/log.hpp"

namespace kiosk::core {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;

// The worker must never take the CPU from the frame loop. An ordinary thread that record() wakes
// preempts the waker when every core is busy (`kiosk stats` beside the kiosk on two cores), and
// the frame loop then waits inside notify_one() while a whole batch is written: up to 0.7 ms in
// bench_usage_log. A SCHED_BATCH thread never preempts on wake-up yet keeps its fair share of the
// CPU, so the log still keeps up. If a sandbox refuses the switch, only that protection is lost.
void neverPreemptOnWakeUp() noexcept {
    const sched_param param{};
    (void)pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
}

// The worker's side: the connection and which row each running session was given.
class UsageWriter {
public:
    UsageWriter(std::filesystem::path folder, const UsageLogOptions& options)
        : m_folder(std::move(folder)), m_retentionDays(options.retentionDays), m_fileRetryEvery(options.fileRetryEvery) {}

    // `sameFile`: opened again after a failed write, which SQLite rolled back: the sessions' rows
    // are still in the file, and a visit under way keeps its row (else it would count twice).
    std::vector<std::string> open(WallTime now, bool sameFile = false) {
        m_db.reset();
        OpenedUsageDatabase opened = openUsageDatabase(m_folder, now);
        // From the file into memory: the visits under way keep their rows in the file, where they
        // continue once the file takes writes again (moveToFile).
        if (sameFile && opened.inMemory && !m_inMemory) m_fileRows = m_rows;
        // Anything but a clean opening (moved aside, in memory) is another database.
        if (!sameFile || opened.inMemory || !opened.warnings.empty()) m_rows.clear();
        // Files set aside as corrupt hold the same kind of data: they get the same retention.
        for (auto& removed : removeExpiredAsideDatabases(m_folder, now, m_retentionDays)) {
            opened.warnings.push_back("usage log: deleted " + removed + ", set aside more than the retention ago");
        }
        m_db = std::move(opened.db);
        m_inMemory = opened.inMemory;
        m_nextFileTry = std::chrono::steady_clock::now() + m_fileRetryEvery;
        m_lastMinute = usageMinute(now);
        m_lastRetentionDay = -1;
        pruneIfNewDay(usageMinute(now), opened.warnings);
        return opened.warnings;
    }

    // Writes one batch in one transaction. On a broken file: moved aside, a fresh one, the batch again.
    std::vector<std::string> write(const std::vector<SqliteUsageLog::Stamped>& batch) {
        std::vector<std::string> warnings;
        if (!batch.empty()) m_lastMinute = batch.back().minute;
        // Timed by the steady clock: the events' minutes stop while nobody visits, and jump with the wall clock.
        if (m_inMemory && std::chrono::steady_clock::now() >= m_nextFileTry) moveToFile(warnings);
        if (batch.empty()) return warnings;
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                writeBatch(batch);
                pruneIfNewDay(batch.back().minute, warnings);
                return warnings;
            } catch (const SQLite::Exception& e) {
                const int code = e.getErrorCode() & 0xff;
                const bool fileBroken = code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_READONLY;
                // A failed write or fsync says nothing about the file (SQLite rolled the batch back):
                // the same file, opened again, gets the batch once more.
                const bool diskFailed = isTransientUsageError(e);
                if (!(fileBroken || diskFailed) || attempt == 1) {
                    warnings.push_back(std::string("usage log: ") + std::to_string(batch.size()) + " event(s) not written: " + e.what());
                    return warnings;
                }
                const WallTime at{std::chrono::minutes(batch.back().minute)};
                m_db.reset();
                if (fileBroken) {
                    warnings.push_back(std::string("usage log: writing failed (") + e.what() + "), replacing the database");
                    const std::filesystem::path aside = moveUsageDatabaseAside(usageDatabasePath(m_folder), at);
                    if (!aside.empty()) warnings.push_back("usage log moved aside to " + aside.filename().string());
                } else {
                    warnings.push_back(std::string("usage log: writing failed (") + e.what() + "), trying the batch once more");
                }
                for (auto& w : open(at, diskFailed && !fileBroken)) warnings.push_back(std::move(w));
            } catch (const std::exception& e) {
                // Not SQLite's (the file system, memory): this batch is lost, the worker goes on.
                warnings.push_back(std::string("usage log: ") + std::to_string(batch.size()) + " event(s) not written: " + e.what());
                return warnings;
            }
        }
        return warnings;
    }

    // Stopping: what is still in memory gets its last chance at the file.
    std::vector<std::string> finish() {
        std::vector<std::string> warnings;
        if (m_inMemory) moveToFile(warnings);
        return warnings;
    }

private:
    // Counting in memory: the file is tried again, and if it opens now, what memory holds is
    // copied into it (the running visits keep their rows under the new ids; those that began in
    // this same file before it failed continue in their rows there) and the log writes there from
    // then on. Otherwise it is tried again `fileRetryEvery` later, without a word.
    void moveToFile(std::vector<std::string>& warnings) {
        m_nextFileTry = std::chrono::steady_clock::now() + m_fileRetryEvery;
        OpenedUsageDatabase opened = openUsageDatabase(m_folder, WallTime{std::chrono::minutes(m_lastMinute)});
        if (opened.inMemory) return;  // its warning said so the first time
        const bool sameFile = opened.warnings.empty();  // not a fresh one beside a file moved aside
        std::map<std::int64_t, std::int64_t> ids;
        try {
            ids = copyUsageInto(*m_db, *opened.db, sameFile ? m_continuedRows : std::map<std::int64_t, std::int64_t>{});
        } catch (const std::exception& e) {
            warnings.push_back(std::string("usage log: ") + usageDatabasePath(m_folder).filename().string() +
                               " can be opened again, but what was counted in memory could not be copied into it (" + e.what() +
                               "); counting on in memory");
            return;
        }
        for (auto it = m_rows.begin(); it != m_rows.end();) {
            const auto copied = ids.find(it->second);
            if (copied == ids.end()) {
                it = m_rows.erase(it);  // cannot happen: every running row is in memory; then it gets a new one
            } else {
                (it++)->second = copied->second;
            }
        }
        // Visits under way since before the file failed that sent nothing while in memory.
        if (sameFile) m_rows.insert(m_fileRows.begin(), m_fileRows.end());
        m_fileRows.clear();
        m_continuedRows.clear();
        for (auto& w : opened.warnings) warnings.push_back(std::move(w));
        warnings.push_back("usage log: writing to " + usageDatabasePath(m_folder).string() + " again; the " + std::to_string(ids.size()) +
                           " visit(s) counted in memory meanwhile are in it");
        m_db = std::move(opened.db);
        m_inMemory = false;
        m_lastRetentionDay = -1;
    }

    std::int64_t sessionRow(const SqliteUsageLog::Stamped& s) {
        auto it = m_rows.find(s.event.session);
        if (it != m_rows.end()) return it->second;
        // The start was dropped or went with a replaced file: the visit goes on in a row of its own.
        SQLite::Statement insert(*m_db, "INSERT INTO sessions(started_minute, language) VALUES (?, ?)");
        insert.bind(1, static_cast<std::int64_t>(s.minute));
        insert.bind(2, s.event.kind == UsageKind::SessionStart ? s.event.item : std::string());
        insert.exec();
        const std::int64_t row = m_db->getLastInsertRowid();
        m_rows.emplace(s.event.session, row);
        if (const auto inFile = m_fileRows.find(s.event.session); inFile != m_fileRows.end()) {
            m_continuedRows.emplace(row, inFile->second);
            m_fileRows.erase(inFile);
        }
        return row;
    }

    void writeBatch(const std::vector<SqliteUsageLog::Stamped>& batch) {
        SQLite::Transaction transaction(*m_db);
        SQLite::Statement insertEvent(*m_db,
                                      "INSERT INTO events(session_id, minute, kind, pack, page, item, value) VALUES (?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement endSession(*m_db, "UPDATE sessions SET ended_minute = ?, seconds = ?, end_reason = ? WHERE id = ?");
        // The rows given to sessions are only known once the transaction commits.
        std::map<std::uint64_t, std::int64_t> rowsBefore = m_rows;
        try {
            for (const auto& s : batch) {
                const std::int64_t row = sessionRow(s);
                switch (s.event.kind) {
                    case UsageKind::SessionStart: break;
                    case UsageKind::SessionEnd:
                        endSession.bind(1, static_cast<std::int64_t>(s.minute));
                        endSession.bind(2, static_cast<std::int64_t>(s.event.value));
                        endSession.bind(3, s.event.item);
                        endSession.bind(4, static_cast<std::int64_t>(row));
                        endSession.exec();
                        endSession.reset();
                        m_rows.erase(s.event.session);
                        break;
                    default:
                        insertEvent.bind(1, static_cast<std::int64_t>(row));
                        insertEvent.bind(2, static_cast<std::int64_t>(s.minute));
                        insertEvent.bind(3, std::string(usageKindName(s.event.kind)));
                        insertEvent.bind(4, s.event.pack);
                        insertEvent.bind(5, s.event.page);
                        insertEvent.bind(6, s.event.item);
                        insertEvent.bind(7, static_cast<std::int64_t>(s.event.value));
                        insertEvent.exec();
                        insertEvent.reset();
                        break;
                }
            }
            transaction.commit();
        } catch (...) {
            m_rows = std::move(rowsBefore);
            throw;
        }
    }

    // Once per calendar day (by the events' own minutes, so the worker needs no clock).
    void pruneIfNewDay(std::int64_t minute, std::vector<std::string>& warnings) {
        const std::int64_t day = minute / kMinutesPerDay;
        if (day == m_lastRetentionDay) return;
        m_lastRetentionDay = day;
        try {
            deleteUsageBefore(*m_db, minute - m_retentionDays * kMinutesPerDay);
        } catch (const SQLite::Exception& e) {
            warnings.push_back(std::string("usage log: deleting old sessions failed: ") + e.what());
        }
    }

    std::filesystem::path m_folder;
    int m_retentionDays;
    std::chrono::milliseconds m_fileRetryEvery;
    std::unique_ptr<SQLite::Database> m_db;
    bool m_inMemory = false;
    std::chrono::steady_clock::time_point m_nextFileTry;  // while in memory: when the file is tried again
    std::int64_t m_lastMinute = 0;                         // the newest event's: the time of a file moved aside
    std::map<std::uint64_t, std::int64_t> m_rows;  // running sessions: in-memory token → row
    // While in memory after the file failed: visits under way then, token → their row in the file,
    // and for those that went on in memory, memory row → that file row.
    std::map<std::uint64_t, std::int64_t> m_fileRows;
    std::map<std::int64_t, std::int64_t> m_continuedRows;
    std::int64_t m_lastRetentionDay = -1;
};

}  // namespace

SqliteUsageLog::SqliteUsageLog(std::filesystem::path stateFolder, const WallClock& clock, UsageLogOptions options)
    : m_folder(std::move(stateFolder)), m_clock(clock), m_options(options), m_openedAt(clock.now()) {
    m_pending.reserve(m_options.commitAfterEvents * 2);
    m_warnings.reserve(64);  // room for a warning when memory runs out
    m_worker = std::thread([this] { run(); });
}

SqliteUsageLog::~SqliteUsageLog() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_worker.join();
}

void SqliteUsageLog::record(UsageEvent event) noexcept {
    try {
        const std::int64_t minute = usageMinute(m_clock.now());
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_pending.size() >= m_options.queueCapacity) {
                ++m_dropped;
                return;
            }
            m_pending.push_back(Stamped{std::move(event), minute});
            wake = m_pending.size() == m_options.commitAfterEvents;
        }
        if (wake) m_wake.notify_one();
    } catch (...) {
        // Out of memory: this event is lost, and counted as dropped; the visit goes on.
        std::lock_guard lock(m_mutex);
        ++m_dropped;
    }
}

void SqliteUsageLog::flush() {
    std::unique_lock lock(m_mutex);
    const std::uint64_t request = ++m_flushRequested;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_flushDone >= request; });
}

std::vector<std::string> SqliteUsageLog::warnings() const {
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

std::uint64_t SqliteUsageLog::droppedEvents() const {
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

void SqliteUsageLog::warn(std::string message) noexcept {
    try {
        logWarning("usage", message);
    } catch (...) {
        // Out of memory for the log line: the staff screen still gets the warning.
    }
    std::lock_guard lock(m_mutex);
    try {
        m_warnings.push_back(std::move(message));
    } catch (...) {
        // Out of memory beyond the room reserved: this one is lost.
    }
}

void SqliteUsageLog::run() noexcept {
    neverPreemptOnWakeUp();
    // Opened at the start, and again before each batch until that succeeds: memory running out
    // once while opening (tests/faults) stopped the statistics for the rest of the process, and
    // flush() then returned as if everything had been written.
    std::optional<UsageWriter> writer;
    const auto openWriter = [&] {
        if (writer) return;
        UsageWriter fresh(m_folder, m_options);
        std::vector<std::string> warnings = fresh.open(m_openedAt);
        writer.emplace(std::move(fresh));
        for (auto& w : warnings) warn(std::move(w));
    };
    std::vector<Stamped> batch;
    try {
        openWriter();
    } catch (const std::exception& e) {
        try {
            warn(std::string("usage log: not opened yet (") + e.what() + "), tried again with the first events");
        } catch (...) {
            // Not even the words fit in memory: the next batch tries again all the same.
        }
    }
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, m_options.commitEvery, [&] {
            return m_stop || m_flushRequested > m_flushDone || m_pending.size() >= m_options.commitAfterEvents;
        });
        const std::uint64_t flushRequest = m_flushRequested;
        const bool stopping = m_stop;
        batch.swap(m_pending);
        lock.unlock();
        try {
            openWriter();
            for (auto& w : writer->write(batch)) warn(std::move(w));
            if (stopping) {
                for (auto& w : writer->finish()) warn(std::move(w));
            }
        } catch (const std::exception& e) {
            // Memory ran out (write() reports SQLite's and the disk's errors itself): this batch
            // is lost, and said so; the log goes on with the next.
            try {
                warn("usage log: " + std::to_string(batch.size()) + " event(s) not written: " + e.what());
            } catch (...) {
                // Not even the words fit in memory.
            }
        }
        batch.clear();
        lock.lock();
        m_flushDone = flushRequest;
        m_flushed.notify_all();
        if (stopping && m_pending.empty()) return;
    }
}

}  // namespace kiosk::core
