// The usage log's SQLite file: schema migrations, opening with repair, retention.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/util/clock.hpp"

namespace kiosk::core {

// The schema this kiosk writes; PRAGMA user_version holds the file's. Migration n (1-based)
// turns version n-1 into n; each runs in its own transaction, so a power cut leaves a whole version.
inline constexpr int kUsageSchemaVersion = 1;

std::filesystem::path usageDatabasePath(const std::filesystem::path& stateFolder);

// Minutes since 1970-01-01 UTC: the only time the log stores. Per event, the minute is all a
// reader learns; day and hour (in the kiosk's local time) are what `kiosk stats` shows.
std::int64_t usageMinute(WallTime time);

// Brings an open database to kUsageSchemaVersion. Throws SQLite::Exception, also for a file
// written by a newer kiosk (a version it does not know).
void migrateUsageDatabase(SQLite::Database& db);

// An error of the disk or of memory, not of the file's content (SQLITE_IOERR, CANTOPEN, FULL,
// NOMEM, BUSY …): worth trying again on the same file, never a reason to move it aside.
bool isTransientUsageError(const std::exception& e);

struct OpenedUsageDatabase {
    std::unique_ptr<SQLite::Database> db;  // never null
    bool inMemory = false;                 // the folder cannot hold a database now: counted in memory
    std::vector<std::string> warnings;     // for the log and the staff screen
};

// Opens <stateFolder>/usage.sqlite in WAL mode with secure_delete, migrated. A file that is
// corrupt, not a database, read-only or from a newer kiosk is moved aside as
// usage.sqlite.corrupt-<UTC time> (with its -wal) and a fresh one started; if even that fails the
// log goes on in memory. An I/O error is tried once more; if it stays, the log goes on in memory
// and the file is left alone. Never throws: the kiosk never stops for its statistics.
OpenedUsageDatabase openUsageDatabase(const std::filesystem::path& stateFolder, WallTime now);

// Moves the database (and its -wal; the -shm is only an index and is removed) aside. Returns the
// new name, or empty if it could not be moved. The database must be closed.
std::filesystem::path moveUsageDatabaseAside(const std::filesystem::path& file, WallTime now);

// Deletes the files moveUsageDatabaseAside made (and their -wal) that were set aside more than
// `retentionDays` before `now`, by the UTC stamp in their names. Returns their names.
std::vector<std::string> removeExpiredAsideDatabases(const std::filesystem::path& stateFolder, WallTime now, int retentionDays);

// Copies every session of `from` (with its events) into `to`, in one transaction, under new ids:
// what the log counted in memory, into the file once it can be written again. A session in
// `continued` (its id in `from` → a row of `to`) is a visit that began in `to`: its events go
// to that row, and its end, if it ended, is written there instead of a new row. Returns each
// session's id in `from` → its row in `to`. Throws SQLite::Exception; `to` is then unchanged.
std::map<std::int64_t, std::int64_t> copyUsageInto(SQLite::Database& from, SQLite::Database& to,
                                                   const std::map<std::int64_t, std::int64_t>& continued = {});

// Deletes every session that began before `cutoffMinute`, with its events. secure_delete is on,
// and the WAL is checkpointed and truncated afterwards, so the rows are not recoverable from the
// file's free pages or from old WAL frames.
void deleteUsageBefore(SQLite::Database& db, std::int64_t cutoffMinute);

}  // namespace kiosk::core
