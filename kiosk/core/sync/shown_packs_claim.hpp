// What a running kiosk shows, claimed for as long as its process lives, so that no other
// process's clean-up (`kiosk sync --once`, `kiosk import`, another catalog's sync) removes a pack
// folder from under its screen: a visitor may keep a set on the screen through two activations,
// after which neither active.json nor previous.json names it (DESIGN.md §3.4).
//
//   shown/<pid>-<n>.lock   locked (flock, shared) by the claiming process while it lives
//   shown/<pid>-<n>.json   the pack versions claimed, written atomically
//
// The kernel drops the lock when the process ends, however it ends (kill -9, a power cut): a
// claim whose lock can be taken belongs to nobody, and the next clean-up deletes it.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/sync/content_store.hpp"
#include "core/util/file_descriptor.hpp"

namespace kiosk::core {

class ShownPacksClaim {
public:
    // Creates and locks the claim, naming nothing yet. error() says why when that failed: the
    // kiosk then runs on, unprotected, as before claims existed.
    explicit ShownPacksClaim(std::filesystem::path stateFolder);
    ~ShownPacksClaim();  // deletes the claim
    ShownPacksClaim(const ShownPacksClaim&) = delete;
    ShownPacksClaim& operator=(const ShownPacksClaim&) = delete;

    const std::string& error() const { return m_error; }

    // Call before the content of `packs` is read: claims them beside what the last call claimed,
    // which the screen shows until the new content has replaced it. The call after drops that.
    // Empty on success, else what failed (the claim before stays).
    std::string show(const std::vector<PackVersion>& packs);

private:
    std::filesystem::path m_json;
    std::filesystem::path m_lock;
    UniqueFd m_lockFd;
    std::vector<PackVersion> m_shown;
    std::string m_error;
};

// The pack versions live claims name. Claims of processes that ended are deleted on the way.
std::set<PackVersion> packsClaimedByRunningKiosks(const std::filesystem::path& stateFolder);

}  // namespace kiosk::core
