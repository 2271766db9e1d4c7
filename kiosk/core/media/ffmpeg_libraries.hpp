// FFmpeg is loaded only while something needs it: a clip being checked (pack loading, a sync) or
// played. Linked the usual way, Debian's FFmpeg brings about 90 libraries into the process at
// every start (every codec and protocol it was built with: x265, rav1e, gnutls, librsvg …),
// about 25 MB of the kiosk's memory on pages that show no clip at all (tests/bench/RESULTS.md,
// "Memory"). So kiosk_core and kiosk_platform do not link it: ffmpeg_forwarders.cpp defines the
// FFmpeg functions they call, and each call goes to the function of the library loaded here.
#pragma once

#include <atomic>
#include <string>

namespace kiosk::core {

// Held by whatever calls FFmpeg, for as long as it does (the clip check, each reader of a
// clip): the libraries are loaded when the first use starts, and stay while any use lasts.
// Calling an FFmpeg function without a use that is ok() aborts the process.
class FfmpegUse {
public:
    FfmpegUse();
    ~FfmpegUse();
    FfmpegUse(const FfmpegUse&) = delete;
    FfmpegUse& operator=(const FfmpegUse&) = delete;

    bool ok() const { return m_error.empty(); }
    // Why FFmpeg could not be loaded, and what to install; empty when ok().
    const std::string& error() const { return m_error; }

private:
    std::string m_error;
};

// Unloads the libraries if no use holds them and no other thread is loading them; true when it did. The kiosk calls it between
// frames at quiet moments (after start-up, when a visit ends); a later use loads them again,
// which takes some tens of milliseconds.
bool unloadUnusedFfmpeg();

// The libraries are in the process now (for tests).
bool ffmpegLoaded();

// A forwarder's cached address of its function, valid for one loading of the libraries.
struct FfmpegFunctionSlot {
    std::atomic<void*> address{nullptr};
    std::atomic<unsigned> loading{0};  // which loading `address` is from; 0: none
};

// The address of FFmpeg's function `name` in the loaded libraries, for the forwarders: looked up
// once per loading, then read from `slot`. Aborts with a message when no library is loaded or
// none has the function.
void* ffmpegFunction(const char* name, FfmpegFunctionSlot& slot);

}  // namespace kiosk::core
