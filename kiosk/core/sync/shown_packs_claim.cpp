#include "core/sync/shown_packs_claim.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstring>

#include "core/util/atomic_file.hpp"

namespace kiosk::core {
namespace {

// A lock file of a process that died between creating it and renaming it into place: never
// locked, so any age would do, but one that young may be another process's still being made.
constexpr auto kUnfinishedLockAge = std::chrono::minutes(1);

std::filesystem::path shownFolder(const std::filesystem::path& stateFolder) { return stateFolder / "shown"; }

std::string describeErrno(const std::string& what, const std::filesystem::path& file) {
    return what + " " + file.string() + ": " + std::strerror(errno);
}

// Whether another process holds `lock` locked. A lock file that can be taken is deleted with its
// claim while this process holds it, so its owner, if it was only now being made, cannot be lost.
bool heldByOther(const std::filesystem::path& lock, const std::filesystem::path& json) {
    const UniqueFd fd(::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid()) return false;  // gone meanwhile: that claim ended
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) return errno == EWOULDBLOCK;
    std::error_code ec;
    std::filesystem::remove(json, ec);
    std::filesystem::remove(lock, ec);
    return false;
}

}  // namespace

ShownPacksClaim::ShownPacksClaim(std::filesystem::path stateFolder) {
    static std::atomic<int> claimsMade{0};
    const std::filesystem::path folder = shownFolder(stateFolder);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::string name = std::to_string(::getpid()) + "-" + std::to_string(claimsMade++);
    m_lock = folder / (name + ".lock");
    m_json = folder / (name + ".json");
    // Locked under a name no clean-up takes for a claim, then renamed into place: a lock file is
    // never visible unlocked while its process lives (a rename keeps the file, and so the lock).
    const std::filesystem::path unfinished = folder / ("." + name + ".lock-unfinished");
    UniqueFd fd(::open(unfinished.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600));
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
    std::filesystem::remove(m_json, ec);  // a claim of a process that had this number before
}

ShownPacksClaim::~ShownPacksClaim() {
    if (!m_lockFd.valid()) return;
    std::error_code ec;
    std::filesystem::remove(m_json, ec);
    std::filesystem::remove(m_lock, ec);
}

std::string ShownPacksClaim::show(const std::vector<PackVersion>& packs) {
    if (!m_lockFd.valid()) return m_error;
    ActiveSet claimed{0, m_shown};
    for (const PackVersion& pack : packs) {
        if (std::find(claimed.packs.begin(), claimed.packs.end(), pack) == claimed.packs.end()) claimed.packs.push_back(pack);
    }
    if (std::string error = writeFileAtomically(m_json, setJson(claimed), 0600); !error.empty()) return error;
    m_shown = packs;
    return {};
}

std::set<PackVersion> packsClaimedByRunningKiosks(const std::filesystem::path& stateFolder) {
    std::set<PackVersion> claimed;
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(shownFolder(stateFolder), ec)) {
        const std::filesystem::path& path = entry.path();
        const std::string name = path.filename().string();
        if (path.extension() == ".lock") {
            std::filesystem::path json = path;
            json.replace_extension(".json");
            if (!heldByOther(path, json)) continue;
            if (const auto set = readSetFile(json)) claimed.insert(set->packs.begin(), set->packs.end());
        } else if (path.extension() == ".json") {
            // Written only after its lock is in place: without one, its process is gone.
            std::filesystem::path lock = path;
            if (!std::filesystem::exists(lock.replace_extension(".lock"), ec)) std::filesystem::remove(path, ec);
        } else if (name.ends_with(".lock-unfinished") && entry.last_write_time(ec) < now - kUnfinishedLockAge) {
            std::filesystem::remove(path, ec);
        }
    }
    return claimed;
}

}  // namespace kiosk::core
