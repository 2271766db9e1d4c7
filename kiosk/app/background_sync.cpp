#include "app/background_sync.hpp"

#include <random>

#include "app/sync_runner.hpp"
#include "core/util/log.hpp"

namespace kiosk::app {
namespace {

// The first sync waits a little: the kiosk shows its first frame before the network is asked.
constexpr std::chrono::seconds kFirstSyncAfter{20};
constexpr std::chrono::seconds kFirstRetryAfter{60};

}  // namespace

BackgroundSync::BackgroundSync(const core::KioskConfig& config, const core::ContentStore& store)
    : m_config(config), m_store(store), m_worker([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    m_worker.join();
}

void BackgroundSync::run() {
    std::minstd_rand random{std::random_device{}()};
    std::chrono::seconds wait = kFirstSyncAfter;
    int failures = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, wait, [this] { return m_stop; })) return;
        }
        bool allOk = true;
        try {
            for (const auto& report : syncCatalogs(m_config, m_store, &m_cancel)) {
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
        // After a failure: 1, 2, 4 … minutes, never longer than the interval; then the interval,
        // each a fifth shorter or longer at random so a town's kiosks spread out.
        failures = allOk ? 0 : std::min(failures + 1, 10);
        const auto interval = std::chrono::duration_cast<std::chrono::seconds>(m_config.sync.interval);
        const std::chrono::seconds base = failures == 0 ? interval : std::min(interval, kFirstRetryAfter * (1 << (failures - 1)));
        std::uniform_int_distribution<long> jitter(-base.count() / 5, base.count() / 5);
        wait = base + std::chrono::seconds(jitter(random));
    }
}

}  // namespace kiosk::app
