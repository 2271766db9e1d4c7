// What a running kiosk shows, claimed for as long as its process lives, so that no clean-up
// (its own background sync, `kiosk sync --once`, `kiosk import`) removes a pack folder from under
// its screen: a visitor may keep a set on the screen through two activations, after which neither
// active.json nor previous.json names it (DESIGN.md §3.4).
//
//   shown/<pid>-<random>.lock   locked (flock, shared) by the claiming process while it lives
//   shown/<pid>-<random>.json   the pack versions claimed, written atomically
//
// The kernel drops the lock when the process ends, however it ends (kill -9, a power cut): a
// claim whose lock can be taken belongs to nobody, and the next clean-up deletes it. The process
// itself keeps what it claimed in memory too, so its own clean-up spares it even when the files
// could not be written (a full disk, a state folder it may not write).
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/sync/content_store.hpp"
#include "core/util/file_descriptor.hpp"

namespace kiosk::core {

class ShownPacksClaim {
public:
    // Creates and locks the claim, naming nothing yet. error() says why when that failed: other
    // processes then cannot see what this one shows.
    explicit ShownPacksClaim(std::filesystem::path stateFolder);
    ~ShownPacksClaim();  // deletes the claim
    ShownPacksClaim(const ShownPacksClaim&) = delete;
    ShownPacksClaim& operator=(const ShownPacksClaim&) = delete;

    const std::string& error() const { return m_error; }

    // Call before the content of `packs` is read: claims them beside what the last call claimed,
    // which the screen shows until the new content has replaced it. The call after drops that.
    // Empty on success, else why the other processes cannot see it (this one's memory has it).
    std::string show(const std::vector<PackVersion>& packs);

    // What is claimed now, for this process's own clean-up; any thread.
    std::set<PackVersion> claimed() const;

private:
    std::filesystem::path m_json;
    std::filesystem::path m_lock;
    UniqueFd m_lockFd;
    std::string m_error;
    mutable std::mutex m_mutex;  // m_shown and m_claimed: show() on the frame loop, claimed() on the sync's thread
    std::vector<PackVersion> m_shown;
    std::set<PackVersion> m_claimed;
};

// The pack versions live claims name; claims of processes that ended are deleted on the way.
// nullopt when that cannot be told (a claim that cannot be read or locked for a reason other than
// its having gone): the caller then removes nothing this time.
std::optional<std::set<PackVersion>> packsClaimedByRunningKiosks(const std::filesystem::path& stateFolder);

}  // namespace kiosk::core
