#include "core/sync/shown_packs_claim.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/util/atomic_file.hpp"

namespace kiosk::core {
namespace {

// A file of a claim that was never finished (a process killed while it made its lock or wrote its
// list): never locked, so any age would do, but one that young may be another process's at work.
constexpr auto kUnfinishedFileAge = std::chrono::minutes(1);

std::filesystem::path shownFolder(const std::filesystem::path& stateFolder) { return stateFolder / "shown"; }

std::string describeErrno(const std::string& what, const std::filesystem::path& file) {
    return what + " " + file.string() + ": " + std::strerror(errno);
}

// A name no earlier process had: a pid comes back (after the kiosk's restart by exec, or as pid 1
// in a container each time), and a cleaner that took the old lock then deleted the new one.
std::string uniqueName() {
    std::random_device random;
    char name[64];
    std::snprintf(name, sizeof name, "%d-%08x%08x", static_cast<int>(::getpid()), random(), random());
    return name;
}

enum class LockState { Held, Free, Gone, Unknown };

// Whether another process holds `lock`. One that can be taken is deleted with its list while
// this process holds it, and only if the name still is that file.
LockState takeIfFree(const std::filesystem::path& lock, const std::filesystem::path& json) {
    const UniqueFd fd(::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid()) return errno == ENOENT ? LockState::Gone : LockState::Unknown;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return errno == EWOULDBLOCK ? LockState::Held : LockState::Unknown;
    struct stat opened{}, named{};
    if (::fstat(fd.get(), &opened) != 0 || ::stat(lock.c_str(), &named) != 0 || opened.st_ino != named.st_ino || opened.st_dev != named.st_dev) {
        return LockState::Unknown;  // replaced meanwhile: looked at again next time
    }
    std::error_code ec;
    std::filesystem::remove(json, ec);
    std::filesystem::remove(lock, ec);
    return LockState::Free;
}

}  // namespace

ShownPacksClaim::ShownPacksClaim(std::filesystem::path stateFolder) {
    const std::filesystem::path folder = shownFolder(stateFolder);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::string name = uniqueName();
    m_lock = folder / (name + ".lock");
    m_json = folder / (name + ".json");
    // Locked under a name no clean-up takes for a claim, then renamed into place: a lock file is
    // never visible unlocked while its process lives (a rename keeps the file, and so the lock).
    const std::filesystem::path unfinished = folder / ("." + name + ".lock-unfinished");
    UniqueFd fd(::open(unfinished.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd.valid()) {
        m_error = describeErrno("cannot create", unfinished);
        return;
    }
    if (::flock(fd.get(), LOCK_SH) != 0 || ::rename(unfinished.c_str(), m_lock.c_str()) != 0) {
        m_error = describeErrno("cannot lock", unfinished);
        std::filesystem::remove(unfinished, ec);
        return;
    }
    m_lockFd = std::move(fd);
}

ShownPacksClaim::~ShownPacksClaim() {
    if (!m_lockFd.valid()) return;
    std::error_code ec;
    std::filesystem::remove(m_json, ec);
    std::filesystem::remove(m_lock, ec);
}

std::string ShownPacksClaim::show(const std::vector<PackVersion>& packs) {
    ActiveSet claimed;
    {
        std::lock_guard lock(m_mutex);
        claimed.packs = m_shown;
        for (const PackVersion& pack : packs) {
            if (std::find(claimed.packs.begin(), claimed.packs.end(), pack) == claimed.packs.end()) claimed.packs.push_back(pack);
        }
        // In memory whatever the disk says: the screen shows `packs` next, written or not.
        m_claimed = std::set<PackVersion>(claimed.packs.begin(), claimed.packs.end());
        m_shown = packs;
    }
    if (!m_lockFd.valid()) return m_error;
    return writeFileAtomically(m_json, setJson(claimed), 0600);
}

std::set<PackVersion> ShownPacksClaim::claimed() const {
    std::lock_guard lock(m_mutex);
    return m_claimed;
}

std::optional<std::set<PackVersion>> packsClaimedByRunningKiosks(const std::filesystem::path& stateFolder) {
    std::set<PackVersion> claimed;
    const std::filesystem::path folder = shownFolder(stateFolder);
    std::error_code ec;
    // No folder (no kiosk claimed anything yet), or something else in its place (no kiosk can).
    if (!std::filesystem::is_directory(folder, ec)) return ec && ec != std::errc::no_such_file_or_directory ? std::nullopt : std::optional(claimed);
    std::filesystem::directory_iterator entries(folder, ec);
    if (ec) return std::nullopt;
    const auto now = std::filesystem::file_time_type::clock::now();
    bool known = true;
    for (const auto& entry : entries) {
        const std::filesystem::path& path = entry.path();
        if (path.extension() == ".lock") {
            std::filesystem::path json = path;
            json.replace_extension(".json");
            const LockState state = takeIfFree(path, json);
            if (state == LockState::Unknown) known = false;
            if (state != LockState::Held) continue;
            // A live claim with no list yet is a kiosk that has not loaded its content: it reads
            // the active sets next, which no clean-up touches.
            if (!std::filesystem::exists(json, ec)) continue;
            if (const auto set = readSetFile(json)) {
                claimed.insert(set->packs.begin(), set->packs.end());
            } else {
                known = false;
            }
        } else if (path.extension() == ".json") {
            // Written only after its lock is in place: without one, its process is gone.
            std::filesystem::path lock = path;
            if (!std::filesystem::exists(lock.replace_extension(".lock"), ec) && !ec) std::filesystem::remove(path, ec);
        } else if (entry.last_write_time(ec) < now - kUnfinishedFileAge && !ec) {
            std::filesystem::remove(path, ec);  // a lock never renamed into place, a list's temp file
        }
    }
    if (!known) return std::nullopt;
    return claimed;
}

}  // namespace kiosk::core
