// FFmpeg loaded and unloaded as the kiosk does it for each heartbeat, sync and visit with a clip
// (core/media/ffmpeg_libraries.hpp), many times in a row: what that leaves on the heap. Libraries
// FFmpeg brings along that allocate in their constructors left 12 KiB per cycle behind before
// they were kept loaded; a new such library would show here first.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk::soak {

struct FfmpegCycles {
    std::string error;           // FFmpeg could not be loaded; empty otherwise
    int cycles = 0;
    long heapGrowthBytes = 0;    // heap in use after the cycles, less before (mallinfo2)
};

// `warmUp` cycles first (what glibc's loader keeps once), then `cycles` measured. Call it before
// any other thread runs: the heap figure is the whole process's.
FfmpegCycles measureFfmpegCycles(int warmUp, int cycles);

}  // namespace kiosk::soak
