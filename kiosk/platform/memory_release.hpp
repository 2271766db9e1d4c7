// Gives the memory the process freed back to the system: FFmpeg's libraries when no clip is
// checked or played (core/media/ffmpeg_libraries.hpp), and the free heap. glibc keeps freed heap memory for later
// allocations; after start-up (font files, pack loading, FFmpeg's look into every clip) and
// after a visit (pictures rasterised and evicted, text laid out) most of it is free but still
// counted against the kiosk: 7 MiB after start-up (tests/bench/RESULTS.md, "Memory").
#pragma once

namespace kiosk::platform {

// Between frames, when nothing waits for the frame loop: it walks the heap (well under a
// millisecond for the kiosk's heap), so it is called once per such moment, not per frame.
void releaseFreedMemory();

// At start, before any worker thread: at most two malloc arenas. glibc gives threads that
// allocate at the same time arenas of their own (up to 8 per core), and what is freed in such
// an arena stays resident: releaseFreedMemory's malloc_trim() gave none of it back. A clip's
// decoder threads left 5 to 8 MiB in each of theirs; after two clips played together the kiosk
// at rest held 124 MiB instead of 58 (tests/soak/; MALLOC_ARENA_MAX=1 or 2: 54 to 61).
// The kiosk's few threads seldom allocate at the same moment: the soak drew as many frames.
void limitMallocArenas();

}  // namespace kiosk::platform
