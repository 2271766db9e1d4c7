// The running kiosk's sync: a worker thread that syncs every [sync] interval (with jitter, and
// sooner again after a failure), imports what appears in [sync] import_folder (a USB stick),
// and never touches SDL, ImGui or the UI. The frame loop asks
// takeNewContent() and reloads the packs when nobody is at the screen.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <string>
#include <mutex>
#include <thread>

#include "core/config/kiosk_config.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/shown_packs_claim.hpp"

namespace kiosk::app {

class BackgroundSync {
public:
    // The first sync comes `firstSyncAfter` after the start: the kiosk shows its first frame
    // before the network is asked. `shown` (null in `kiosk sync`, which shows nothing): what the
    // screen shows, which no sync of this process removes, even when other processes cannot
    // see the claim (a full disk).
    BackgroundSync(const core::KioskConfig& config, const core::ContentStore& store, const core::ShownPacksClaim* shown,
                   std::chrono::seconds firstSyncAfter = std::chrono::seconds(20));
    ~BackgroundSync();  // ends a transfer under way within about a second, then stops
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // Once per activation: a catalog switched its active set since the last call.
    bool takeNewContent() { return m_newContent.exchange(false); }

    // Staff tapped "sync now": the worker syncs as soon as it is free. Never waits.
    void requestSync();
    // Staff tapped "load from USB stick": the import folder is looked at now, and what is on a
    // stick already seen is checked again (staff may have fixed what was refused). Never waits.
    void requestImport();

private:
    void run();
    bool syncOnce();          // every catalog; false if any failed
    void importNewFolders();  // published folders in [sync] import_folder not imported yet

    const core::KioskConfig& m_config;
    const core::ContentStore& m_store;
    const std::chrono::seconds m_firstSyncAfter;
    const core::ShownPacksClaim* const m_shown;
    std::atomic<bool> m_newContent{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_syncRequested = false;
    bool m_importRequested = false;
    std::atomic<bool> m_cancel{false};  // m_stop for the transfer under way
    std::map<std::string, std::string> m_imported;  // folder → sha256 of the index.json imported from it (worker only)
    std::thread m_worker;  // last: starts after every member above exists
};

}  // namespace kiosk::app
