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

}  // namespace kiosk::platform
