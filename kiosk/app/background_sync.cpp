#include "app/background_sync.hpp"

#include <random>
#include <utility>

#include "app/sync_runner.hpp"
#include "core/sync/folder_import.hpp"
#include "core/util/sha256.hpp"
#include "core/util/log.hpp"

namespace kiosk::app {
namespace {

constexpr std::chrono::seconds kFirstRetryAfter{60};
// How often the import folder is looked at: a stick plugged in shows its content within seconds.
constexpr std::chrono::seconds kImportPoll{10};

}  // namespace

BackgroundSync::BackgroundSync(const core::KioskConfig& config, const core::ContentStore& store, const core::ShownPacksClaim* shown,
                               std::chrono::seconds firstSyncAfter)
    : m_config(config), m_store(store), m_firstSyncAfter(firstSyncAfter), m_shown(shown), m_worker([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    m_worker.join();
}

void BackgroundSync::requestSync() {
    {
        std::lock_guard lock(m_mutex);
        m_syncRequested = true;
    }
    m_wake.notify_all();
}

void BackgroundSync::requestImport() {
    {
        std::lock_guard lock(m_mutex);
        m_importRequested = true;
    }
    m_wake.notify_all();
}

void BackgroundSync::importNewFolders() {
    for (const auto& folder : core::publishedFoldersIn(m_config.sync.importFolder)) {
        // Each stick once, until what is on it changes: a refused one is not tried every 10 s.
        const std::string fingerprint = core::fileSha256(folder / "index.json").value_or("");
        if (fingerprint.empty() || m_imported[folder.string()] == fingerprint) continue;
        m_imported[folder.string()] = fingerprint;
        const auto report = core::importPublishedFolder(folder, m_config.sync.catalogs, m_store, core::SystemWallClock().now());
        if (report.activated) {
            core::logInfo("import", "catalog '" + report.catalog + "' version " + std::to_string(report.activeVersion) + " imported from " +
                                        folder.string() + "; shown when nobody is at the screen");
            m_newContent = true;
        } else if (!report.ok) {
            core::logWarning("import", report.problem);
        }
    }
}

bool BackgroundSync::syncOnce() {
    bool allOk = true;
    try {
        for (const auto& report : syncCatalogs(m_config, m_store, &m_cancel, m_shown ? m_shown->claimed() : std::set<core::PackVersion>{})) {
            if (report.activated) {
                core::logInfo("sync", "catalog '" + report.catalog + "' version " + std::to_string(report.activeVersion) +
                                          " installed; shown when nobody is at the screen");
                m_newContent = true;
            }
            if (!report.ok) {
                allOk = false;
                core::logWarning("sync", report.catalog + ": " + report.problem);
            }
        }
    } catch (...) {
        allOk = false;
        core::logError("sync", "the sync failed: " + core::describeCurrentException());
    }
    return allOk;
}

void BackgroundSync::run() {
    std::minstd_rand random{std::random_device{}()};
    auto nextSync = std::chrono::steady_clock::now() + m_firstSyncAfter;
    int failures = 0;
    const bool importing = !m_config.sync.importFolder.empty();
    for (;;) {
        const auto until = importing ? std::min(nextSync, std::chrono::steady_clock::now() + kImportPoll) : nextSync;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, until, [this] { return m_stop || m_syncRequested || m_importRequested; });
            if (m_stop) return;
            if (std::exchange(m_syncRequested, false)) nextSync = std::chrono::steady_clock::now();
            if (std::exchange(m_importRequested, false)) m_imported.clear();
        }
        if (importing) {
            try {
                importNewFolders();
            } catch (...) {
                core::logError("import", "the import failed: " + core::describeCurrentException());
            }
        }
        if (std::chrono::steady_clock::now() < nextSync) continue;
        // After a failure: 1, 2, 4 … minutes, never longer than the interval; then the interval,
        // each a fifth shorter or longer at random so a town's kiosks spread out.
        failures = syncOnce() ? 0 : std::min(failures + 1, 10);
        const auto interval = std::chrono::duration_cast<std::chrono::seconds>(m_config.sync.interval);
        const std::chrono::seconds base = failures == 0 ? interval : std::min(interval, kFirstRetryAfter * (1 << (failures - 1)));
        std::uniform_int_distribution<long> jitter(-base.count() / 5, base.count() / 5);
        nextSync = std::chrono::steady_clock::now() + base + std::chrono::seconds(jitter(random));
    }
}

}  // namespace kiosk::app
