#include "core/media/ffmpeg_libraries.hpp"

#include <dlfcn.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

extern "C" {
#include <libavcodec/version_major.h>
#include <libavformat/version_major.h>
#include <libavutil/macros.h>
#include <libavutil/version.h>
#include <libswresample/version_major.h>
#include <libswscale/version_major.h>
}

namespace kiosk::core {
namespace {

// The sonames this build was compiled against: a library of another major version has another ABI.
// Dependencies first, so each one's own dependencies are there when it is opened.
constexpr std::array<const char*, 5> kLibraries = {
    "libavutil.so." AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR),
    "libswresample.so." AV_STRINGIFY(LIBSWRESAMPLE_VERSION_MAJOR),
    "libswscale.so." AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR),
    "libavcodec.so." AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR),
    "libavformat.so." AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR),
};

// Libraries FFmpeg brings along that allocate in their constructors and never free it: unloaded
// with FFmpeg, each of its loadings left those allocations behind (pixman's 12 KiB, a little of
// libgcrypt and libgomp: 12 to 15 KiB of heap per load and unload, linearly over 200), and a
// kiosk loads FFmpeg for every heartbeat, sync and visit with a clip, which grew it by megabytes
// a day. Loaded once beforehand and never unloaded (RTLD_NODELETE), their constructors run once
// (1.4 MiB kept; FFmpeg's loadings then leave nothing per cycle), and LeakSanitizer sees their
// allocations as reachable. One that is not installed is skipped: FFmpeg then does not need it.
constexpr std::array<const char*, 3> kKeptDependencies = {"libpixman-1.so.0", "libgcrypt.so.20", "libgomp.so.1"};

struct Libraries {
    std::mutex mutex;
    bool dependenciesKept = false;
    int users = 0;
    std::vector<void*> handles;  // in kLibraries' order, all or none
    // Goes up by one at each load and each unload, odd while loaded: a forwarder's cached
    // address is used only within the loading it came from.
    std::atomic<unsigned> loading{0};
};

Libraries& libraries() {
    static Libraries instance;
    return instance;
}

void closeAll(std::vector<void*>& handles) {
    for (auto it = handles.rbegin(); it != handles.rend(); ++it) dlclose(*it);
    handles.clear();
}

// Loads every library or none; the error names the one missing and the packages to install.
std::string load(std::vector<void*>& handles) {
    handles.reserve(kLibraries.size());  // no allocation can fail between the opens: all or none
    for (const char* soname : kLibraries) {
        // RTLD_LAZY: as the loader binds linked libraries, each function on its first call (binding
        // all of the 90 libraries' functions now took 30 ms more at every start).
        // RTLD_LOCAL: FFmpeg's symbols stay out of the global scope, so nothing else in the
        // process binds to them by accident and they can go again.
        void* handle = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            closeAll(handles);
            return std::string("FFmpeg could not be loaded (") + (why ? why : soname) +
                   "): install Debian's libavformat59, libavcodec59, libavutil57, libswscale6 and libswresample4 "
                   "(deploy/install-deps.sh)";
        }
        handles.push_back(handle);
    }
    return {};
}

}  // namespace

FfmpegUse::FfmpegUse() {
    Libraries& libs = libraries();
    std::lock_guard lock(libs.mutex);
    if (!libs.dependenciesKept) {
        for (const char* soname : kKeptDependencies) (void)dlopen(soname, RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE);
        libs.dependenciesKept = true;
    }
    if (libs.handles.empty()) {
        m_error = load(libs.handles);
        if (ok()) libs.loading.fetch_add(1, std::memory_order_release);
    }
    if (ok()) ++libs.users;
}

FfmpegUse::~FfmpegUse() {
    if (!ok()) return;
    Libraries& libs = libraries();
    std::lock_guard lock(libs.mutex);
    --libs.users;
}

bool unloadUnusedFfmpeg() {
    Libraries& libs = libraries();
    // Another thread loading the libraries holds the lock for some tens of milliseconds: the
    // frame loop that asks does not wait for that, it asks again at a later quiet moment.
    std::unique_lock lock(libs.mutex, std::try_to_lock);
    if (!lock.owns_lock() || libs.users > 0 || libs.handles.empty()) return false;
    closeAll(libs.handles);
    libs.loading.fetch_add(1, std::memory_order_release);
    return true;
}

bool ffmpegLoaded() {
    Libraries& libs = libraries();
    std::lock_guard lock(libs.mutex);
    return !libs.handles.empty();
}

void* ffmpegFunction(const char* name, FfmpegFunctionSlot& slot) {
    Libraries& libs = libraries();
    // The fast path, every call after the first: the libraries cannot go while a use calls.
    const unsigned loading = libs.loading.load(std::memory_order_acquire);
    if (loading % 2 == 1 && slot.loading.load(std::memory_order_acquire) == loading) {
        return slot.address.load(std::memory_order_relaxed);
    }
    std::lock_guard lock(libs.mutex);
    for (void* handle : libs.handles) {
        if (void* function = dlsym(handle, name)) {
            slot.address.store(function, std::memory_order_relaxed);
            slot.loading.store(libs.loading.load(std::memory_order_relaxed), std::memory_order_release);
            return function;
        }
    }
    // A programming error, not bad input: a call outside every FfmpegUse, or an FFmpeg without
    // a function the headers promised. Going on would jump to nowhere.
    std::fprintf(stderr, "kiosk: FFmpeg's %s called while %s\n", name,
                 libs.handles.empty() ? "FFmpeg is not loaded (no FfmpegUse held)" : "no loaded library has it");
    std::abort();
}

}  // namespace kiosk::core
