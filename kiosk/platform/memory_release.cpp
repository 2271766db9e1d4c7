#include "platform/memory_release.hpp"

#include <malloc.h>

#include "core/media/ffmpeg_libraries.hpp"

namespace kiosk::platform {

void releaseFreedMemory() {
    // FFmpeg first: its libraries' pages go with them, and what they freed is then free too.
    core::unloadUnusedFfmpeg();
    // 0: keep no free space at the top of the heap; glibc also returns whole free pages from
    // inside the heap (since 2.8), which is where a visit's freed pictures and layouts are.
    malloc_trim(0);
}

void limitMallocArenas() { mallopt(M_ARENA_MAX, 2); }

}  // namespace kiosk::platform
