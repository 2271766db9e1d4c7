#include "ffmpeg_cycles.hpp"

#include <malloc.h>

#include "core/media/ffmpeg_libraries.hpp"

namespace kiosk::soak {
namespace {

long heapInUse() { return static_cast<long>(mallinfo2().uordblks); }

// One loading and unloading; false when FFmpeg cannot be loaded.
bool cycle(std::string& error) {
    {
        const core::FfmpegUse use;
        if (!use.ok()) {
            error = use.error();
            return false;
        }
    }
    core::unloadUnusedFfmpeg();
    return true;
}

}  // namespace

FfmpegCycles measureFfmpegCycles(int warmUp, int cycles) {
    FfmpegCycles result;
    for (int i = 0; i < warmUp; ++i) {
        if (!cycle(result.error)) return result;
    }
    const long before = heapInUse();
    for (int i = 0; i < cycles; ++i) {
        if (!cycle(result.error)) return result;
        ++result.cycles;
    }
    result.heapGrowthBytes = heapInUse() - before;
    return result;
}

}  // namespace kiosk::soak
