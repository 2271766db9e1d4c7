// One failing pwrite, fdatasync, ftruncate, open, unlink or allocation at a time, walked through
// the real usage log (usage_log_writer: SqliteUsageLog on a real file, as the kiosk logs): the
// process never crashes on an I/O error, usage.sqlite passes PRAGMA integrity_check afterwards,
// every event of the visits before is still in it and nothing was moved aside, every event the
// writer saw committed is there exactly once, a failed I/O call lost nothing at all (the batch is
// tried again, and a visit across it stays one session), and the next run logs normally again.
#include <doctest/doctest.h>

#include <csignal>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/usage/usage_database.hpp"
#include "fault_run.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Every "committed A-B" the writer printed: page views it was promised are on disk.
std::vector<std::pair<std::int64_t, std::int64_t>> committedRanges(const std::string& output) {
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("committed ", 0) != 0) continue;
        const auto dash = line.find('-', 10);
        ranges.emplace_back(std::stoll(line.substr(10, dash - 10)), std::stoll(line.substr(dash + 1)));
    }
    return ranges;
}

std::int64_t committedCount(const std::string& output) {
    std::int64_t n = 0;
    for (const auto& [first, last] : committedRanges(output)) n += last - first + 1;
    return n;
}

std::int64_t countOf(SQLite::Database& db, const std::string& sql, const std::string& tag = {}) {
    SQLite::Statement query(db, sql);
    if (!tag.empty()) query.bind(1, tag);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::int64_t pageViewsOf(SQLite::Database& db, const std::string& tag) {
    return countOf(db, "SELECT COUNT(DISTINCT value) FROM events WHERE page = ?", tag);
}

FaultRun writeVisits(const std::filesystem::path& state, const std::string& tag, int rounds, const std::string& point, std::uint64_t at,
                     const std::filesystem::path& scratch, std::uint64_t* calls = nullptr) {
    return runWithFault({KIOSK_USAGE_LOG_WRITER, state.string(), tag, std::to_string(rounds)}, point, at, scratch, calls);
}

void walkLogFault(const std::string& point, std::uint64_t budget) {
    const TempDir dir;
    const auto state = dir.path() / "state";
    // Before the fault: two visits of 25 page views, logged without one.
    const auto fresh = [&] {
        std::filesystem::remove_all(state);
        std::filesystem::create_directories(state);
        const FaultRun base = writeVisits(state, "base", 2, point, 0, dir.path());
        REQUIRE_MESSAGE(committedCount(base.output) == 50, describe(base));
    };
    fresh();
    std::uint64_t calls = 0;
    const FaultRun counted = writeVisits(state, "faulted", 4, point, 0, dir.path(), &calls);
    REQUIRE_MESSAGE(committedCount(counted.output) == 100, describe(counted));
    REQUIRE(calls > 0);

    int runs = 0, landed = 0, warned = 0, aborted = 0;
    for (const std::uint64_t at : faultPositions(calls, budget)) {
        fresh();
        const FaultRun run = writeVisits(state, "faulted", 4, point, at, dir.path());
        INFO(point << " failing at call " << at << ": " << describe(run));
        ++runs;
        landed += run.hit;
        warned += run.output.find("warning ") != std::string::npos;
        // A failed allocation where the runtime cannot report it ends the writer (see
        // test_install_faults.cpp); an I/O error never does.
        if (point == "libc/mm/malloc" && !run.exited && run.code == SIGABRT && run.output.find("terminate called") != std::string::npos) {
            ++aborted;
        } else {
            REQUIRE(run.exited);
            CHECK((run.code == 0 || (point == "libc/mm/malloc" && run.code == 3)));
        }
        for (const auto& entry : std::filesystem::directory_iterator(state)) {
            // A single failed write is no reason to put the visitors' history aside.
            CHECK_MESSAGE(entry.path().filename().string().find(".corrupt-") == std::string::npos, entry.path().filename().string());
        }
        {
            SQLite::Database db(core::usageDatabasePath(state).string(), SQLite::OPEN_READONLY);
            CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
            CHECK(pageViewsOf(db, "base") == 50);
            for (const auto& [first, last] : committedRanges(run.output)) {
                SQLite::Statement present(db, "SELECT COUNT(DISTINCT value) FROM events WHERE page = 'faulted' AND value BETWEEN ? AND ?");
                present.bind(1, first);
                present.bind(2, last);
                present.executeStep();
                CHECK_MESSAGE(present.getColumn(0).getInt64() == last - first + 1, "page views " << first << "-" << last << " were reported committed");
            }
            // A batch tried again is in the file once, and a visit that spanned it is one session.
            CHECK(countOf(db, "SELECT COUNT(*) FROM events WHERE page = ?", "faulted") == pageViewsOf(db, "faulted"));
            CHECK(countOf(db, "SELECT COUNT(*) FROM sessions") <= 2 + 4);
            // One failed I/O call is tried again: nothing is lost. (Without memory a batch may be.)
            if (point != "libc/mm/malloc") CHECK(pageViewsOf(db, "faulted") == 100);
        }
        const FaultRun after = writeVisits(state, "after", 1, point, 0, dir.path());
        INFO("the run after it: " << describe(after));
        CHECK(committedCount(after.output) == 25);
        CHECK(after.output.find("warning ") == std::string::npos);
    }
    MESSAGE(point << ": " << calls << " calls while logging 4 visits, " << runs << " runs with one failing (" << landed << " landed), "
                  << warned << " warned, " << aborted << " ended by std::terminate");
    CHECK(landed * 10 >= runs * 9);
}

}  // namespace

TEST_CASE("usage log: a failing pwrite loses nothing, and the database stays sound") {
    walkLogFault("posix/io/rw/pwrite", 25);
}

TEST_CASE("usage log: a failing fdatasync or ftruncate loses nothing, and the database stays sound") {
    walkLogFault("posix/io/sync/fdatasync", 16);
    walkLogFault("posix/io/rw/ftruncate", 8);
}

TEST_CASE("usage log: a failing open or unlink loses nothing, and the database stays sound") {
    walkLogFault("posix/io/oc/open", 10);
    walkLogFault("posix/io/dir/unlink", 10);
}

TEST_CASE("usage log: a failing allocation never corrupts the database") {
    walkLogFault("libc/mm/malloc", 25);
}
