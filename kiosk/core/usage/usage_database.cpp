// Opening, migrating, repairing and pruning usage.sqlite. Every failure here ends in a usable
// database and a warning, never in an exception out of openUsageDatabase.
#include "core/usage/usage_database.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <ctime>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace kiosk::core {
namespace {

// Never edit a migration that has shipped: add the next one. Sessions are rows with their own
// AUTOINCREMENT key (never reused, even after retention deleted the newest rows); the kiosk's
// in-memory session token is not stored. Only content ids, language tags and counts are columns.
constexpr std::array<const char*, kUsageSchemaVersion> kMigrations{
    R"(CREATE TABLE sessions (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         started_minute INTEGER NOT NULL,
         ended_minute INTEGER,
         seconds INTEGER,
         end_reason TEXT,
         language TEXT NOT NULL DEFAULT '');
       CREATE INDEX sessions_by_start ON sessions(started_minute);
       CREATE TABLE events (
         id INTEGER PRIMARY KEY,
         session_id INTEGER NOT NULL REFERENCES sessions(id),
         minute INTEGER NOT NULL,
         kind TEXT NOT NULL,
         pack TEXT NOT NULL DEFAULT '',
         page TEXT NOT NULL DEFAULT '',
         item TEXT NOT NULL DEFAULT '',
         value INTEGER NOT NULL DEFAULT 0);
       CREATE INDEX events_by_session ON events(session_id);)",
};

std::string utcStamp(WallTime now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
    return buffer;
}

std::unique_ptr<SQLite::Database> openChecked(const std::filesystem::path& file) {
    auto db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db->setBusyTimeout(2000);  // `kiosk stats` may be reading at the same moment
    // Reading the header happens here: garbage fails with SQLITE_NOTADB.
    const std::string mode = db->execAndGet("PRAGMA journal_mode=WAL").getString();
    if (mode != "wal") throw SQLite::Exception("journal_mode is '" + mode + "', not wal");
    if (sqlite3_db_readonly(db->getHandle(), "main") == 1) {
        // SQLite falls back to read-only when opening for writing fails: for a writable file that
        // was a passing I/O error (tests/faults), worth another try, not a reason to move it aside.
        if (::access(file.c_str(), W_OK) == 0) throw SQLite::Exception("opened read-only, although the file is writable", SQLITE_CANTOPEN);
        throw SQLite::Exception("the file is read-only");
    }
    db->exec("PRAGMA secure_delete=ON");
    // FULL in WAL mode: every commit is on disk when it returns. Commits come every few seconds,
    // so the fsync costs nothing, and a power cut loses only what was not yet committed.
    db->exec("PRAGMA synchronous=FULL");
    const std::string check = db->execAndGet("PRAGMA quick_check").getString();
    if (check != "ok") throw SQLite::Exception("quick_check: " + check);
    migrateUsageDatabase(*db);
    return db;
}

}  // namespace

std::filesystem::path usageDatabasePath(const std::filesystem::path& stateFolder) { return stateFolder / "usage.sqlite"; }

std::int64_t usageMinute(WallTime time) {
    return std::chrono::duration_cast<std::chrono::minutes>(time.time_since_epoch()).count();
}

void migrateUsageDatabase(SQLite::Database& db) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    // The words reach the staff screen through openUsageDatabase's warning: they say why the
    // visits in the file set aside are not counted, and that a kiosk update reads them again.
    if (version > kUsageSchemaVersion) {
        throw SQLite::Exception("written by a newer kiosk: schema version " + std::to_string(version) + ", this kiosk knows up to " +
                                std::to_string(kUsageSchemaVersion));
    }
    if (version < 0) throw SQLite::Exception("schema version " + std::to_string(version) + " was never written by any kiosk");
    for (int next = version; next < kUsageSchemaVersion; ++next) {
        SQLite::Transaction transaction(db);
        db.exec(kMigrations[static_cast<std::size_t>(next)]);
        db.exec("PRAGMA user_version = " + std::to_string(next + 1));
        transaction.commit();
    }
}

std::filesystem::path moveUsageDatabaseAside(const std::filesystem::path& file, WallTime now) {
    std::filesystem::path aside = file.string() + ".corrupt-" + utcStamp(now);
    std::error_code ec;
    for (int n = 2; std::filesystem::exists(aside, ec); ++n) aside = file.string() + ".corrupt-" + utcStamp(now) + "-" + std::to_string(n);
    std::filesystem::rename(file, aside, ec);
    if (ec) return {};
    const std::filesystem::path wal = file.string() + "-wal";
    if (std::filesystem::exists(wal, ec)) std::filesystem::rename(wal, aside.string() + "-wal", ec);
    std::filesystem::remove(file.string() + "-shm", ec);
    return aside;
}

std::vector<std::string> removeExpiredAsideDatabases(const std::filesystem::path& stateFolder, WallTime now, int retentionDays) {
    // The stamps sort as text in time order (YYYYMMDDTHHMMSSZ), so no date parsing is needed.
    const std::string prefix = usageDatabasePath(stateFolder).filename().string() + ".corrupt-";
    const std::string cutoff = utcStamp(now - std::chrono::hours(24) * retentionDays);
    std::vector<std::string> removed;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(stateFolder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || name.size() < prefix.size() + cutoff.size()) continue;
        if (name.compare(prefix.size(), cutoff.size(), cutoff) >= 0) continue;
        if (std::filesystem::remove(entry.path(), ec)) removed.push_back(name);
    }
    return removed;
}

bool isTransientUsageError(const std::exception& e) {
    const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
    if (!sqlite) return !dynamic_cast<const std::filesystem::filesystem_error*>(&e);  // memory, not the file
    switch (sqlite->getErrorCode() & 0xff) {
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_FULL:
        case SQLITE_NOMEM:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_PROTOCOL: return true;
        default: return false;
    }
}

OpenedUsageDatabase openUsageDatabase(const std::filesystem::path& stateFolder, WallTime now) {
    OpenedUsageDatabase opened;
    const std::filesystem::path file = usageDatabasePath(stateFolder);
    std::string problem;
    // Once more after an I/O error: a disk that failed one write (tests/faults) usually takes the next.
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            opened.db = openChecked(file);
            return opened;
        } catch (const std::exception& e) {
            problem = e.what();
            if (!isTransientUsageError(e)) break;
            if (attempt == 1) {
                // The file may be perfectly sound: it stays where it is for the next start.
                opened.warnings.push_back("usage log cannot be written in " + stateFolder.string() + " (" + problem +
                                          "); counting in memory until it can (tried again every few minutes), " +
                                          file.filename().string() + " is left as it is");
                opened.inMemory = true;
                opened.db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
                migrateUsageDatabase(*opened.db);
                return opened;
            }
        }
    }
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        const std::filesystem::path aside = moveUsageDatabaseAside(file, now);
        opened.warnings.push_back(aside.empty() ? "usage log " + file.string() + " cannot be used (" + problem + ") and not be moved aside"
                                                : "usage log " + file.string() + " could not be used (" + problem + "); moved aside to " +
                                                      aside.filename().string() + ", a fresh one was started");
        if (!aside.empty()) {
            try {
                opened.db = openChecked(file);
                return opened;
            } catch (const std::exception& e) {
                problem = e.what();
            }
        }
    }
    opened.warnings.push_back("usage log cannot be written in " + stateFolder.string() + " (" + problem +
                              "); counting in memory until it can (tried again every few minutes)");
    opened.inMemory = true;
    opened.db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrateUsageDatabase(*opened.db);
    return opened;
}

std::map<std::int64_t, std::int64_t> copyUsageInto(SQLite::Database& from, SQLite::Database& to,
                                                   const std::map<std::int64_t, std::int64_t>& continued) {
    std::map<std::int64_t, std::int64_t> ids;
    SQLite::Transaction transaction(to);
    SQLite::Statement sessions(from, "SELECT id, started_minute, ended_minute, seconds, end_reason, language FROM sessions ORDER BY id");
    SQLite::Statement insertSession(to, "INSERT INTO sessions(started_minute, ended_minute, seconds, end_reason, language) VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement endSession(to, "UPDATE sessions SET ended_minute = ?, seconds = ?, end_reason = ? WHERE id = ?");
    while (sessions.executeStep()) {
        if (const auto row = continued.find(sessions.getColumn(0).getInt64()); row != continued.end()) {
            ids.emplace(row->first, row->second);
            if (sessions.getColumn(2).isNull()) continue;  // still under way
            endSession.bind(1, sessions.getColumn(2).getInt64());
            endSession.bind(2, sessions.getColumn(3).getInt64());
            endSession.bind(3, sessions.getColumn(4).getString());
            endSession.bind(4, row->second);
            endSession.exec();
            endSession.reset();
            continue;
        }
        for (int column = 1; column <= 5; ++column) {
            const SQLite::Column value = sessions.getColumn(column);
            if (value.isNull()) {
                insertSession.bind(column);
            } else if (value.isInteger()) {
                insertSession.bind(column, value.getInt64());
            } else {
                insertSession.bind(column, value.getString());
            }
        }
        insertSession.exec();
        insertSession.reset();
        ids.emplace(sessions.getColumn(0).getInt64(), to.getLastInsertRowid());
    }
    SQLite::Statement events(from, "SELECT session_id, minute, kind, pack, page, item, value FROM events ORDER BY id");
    SQLite::Statement insertEvent(to, "INSERT INTO events(session_id, minute, kind, pack, page, item, value) VALUES (?, ?, ?, ?, ?, ?, ?)");
    while (events.executeStep()) {
        const auto session = ids.find(events.getColumn(0).getInt64());
        if (session == ids.end()) continue;  // the schema's REFERENCES: cannot happen in a database of ours
        insertEvent.bind(1, session->second);
        insertEvent.bind(2, events.getColumn(1).getInt64());
        for (int column = 2; column <= 5; ++column) insertEvent.bind(column + 1, events.getColumn(column).getString());
        insertEvent.bind(7, events.getColumn(6).getInt64());
        insertEvent.exec();
        insertEvent.reset();
    }
    transaction.commit();
    return ids;
}

void deleteUsageBefore(SQLite::Database& db, std::int64_t cutoffMinute) {
    {
        SQLite::Transaction transaction(db);
        SQLite::Statement events(db, "DELETE FROM events WHERE session_id IN (SELECT id FROM sessions WHERE started_minute < ?)");
        events.bind(1, static_cast<std::int64_t>(cutoffMinute));
        events.exec();
        SQLite::Statement sessions(db, "DELETE FROM sessions WHERE started_minute < ?");
        sessions.bind(1, static_cast<std::int64_t>(cutoffMinute));
        sessions.exec();
        transaction.commit();
    }
    // Old WAL frames still hold the deleted rows until the WAL is rewritten: truncate it now.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace kiosk::core
