// The usage log the kiosk runs with: events queue in memory and a worker thread writes them to
// <state>/usage.sqlite in batches, so a touch never waits for the disk.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/usage/usage_event.hpp"
#include "core/util/clock.hpp"

namespace kiosk::core {

struct UsageLogOptions {
    int retentionDays = 180;
    // What a power cut (or SIGKILL) can lose: the events of the last `commitEvery`, at most
    // `commitAfterEvents` of them; every commit before that is on disk (WAL, synchronous=FULL).
    std::chrono::milliseconds commitEvery{2000};
    std::size_t commitAfterEvents = 256;
    // Beyond this many unwritten events (the disk hangs) new ones are dropped and counted (so is one
    // recorded while memory ran out): the frame loop never blocks and memory stays bounded.
    std::size_t queueCapacity = 8192;
    // While the state folder cannot hold the file and the log counts in memory: how often the file
    // is tried again (then what memory holds moves into it).
    std::chrono::milliseconds fileRetryEvery{std::chrono::minutes(5)};
};

class SqliteUsageLog final : public UsageLog {
public:
    // Opens (or repairs, see openUsageDatabase) the database on the worker thread, then deletes
    // sessions older than the retention. `clock` stamps each event's minute in record(), on the
    // caller's thread; the worker never reads it.
    SqliteUsageLog(std::filesystem::path stateFolder, const WallClock& clock, UsageLogOptions options = {});
    // Writes what is queued, then stops the worker.
    ~SqliteUsageLog() override;
    SqliteUsageLog(const SqliteUsageLog&) = delete;
    SqliteUsageLog& operator=(const SqliteUsageLog&) = delete;

    void record(UsageEvent event) noexcept override;

    // Blocks until everything recorded so far is committed (tests, `kiosk stats` in-process).
    void flush();

    // Problems the log worked around (a corrupt file moved aside, a failed write), for the log
    // and the staff screen.
    std::vector<std::string> warnings() const;
    std::uint64_t droppedEvents() const;

    struct Stamped {
        UsageEvent event;
        std::int64_t minute = 0;
    };

private:
    void run() noexcept;
    void warn(std::string message) noexcept;

    const std::filesystem::path m_folder;
    const WallClock& m_clock;
    const UsageLogOptions m_options;
    const WallTime m_openedAt;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;     // the worker: enough events, a flush, or stop
    std::condition_variable m_flushed;  // flush(): the worker committed up to a request
    std::vector<Stamped> m_pending;
    std::uint64_t m_flushRequested = 0;
    std::uint64_t m_flushDone = 0;
    std::uint64_t m_dropped = 0;
    bool m_stop = false;
    std::vector<std::string> m_warnings;

    std::thread m_worker;  // last: starts after every member above exists
};

}  // namespace kiosk::core
