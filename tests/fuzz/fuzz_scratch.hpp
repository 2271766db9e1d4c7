// What every harness shares: a scratch folder of its own for the process, files written into it,
// and a check that stops the run (a crash libFuzzer keeps) when a promise of the code is broken.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace kiosk::fuzz {

// The bytes libFuzzer hands over, as text (they may hold anything, NUL included).
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A folder made once per process, "kiosk-fuzz-NAME-XXXXXX" in $TMPDIR (or /dev/shm, or /tmp),
// removed when the process ends normally. The harness writes nowhere else. After a crash it stays
// behind: run-fuzzers.sh points TMPDIR at a folder it removes itself.
const std::filesystem::path& scratchFolder(std::string_view harness);

// Writes `bytes` to `file` (truncating it), or aborts: a harness that cannot write its input
// would test nothing and must say so rather than pass.
void writeFile(const std::filesystem::path& file, std::string_view bytes);

// A broken promise of the code under test: prints `what` and aborts, so libFuzzer saves the input.
[[noreturn]] void broken(std::string_view what);
inline void require(bool promise, std::string_view what) {
    if (!promise) broken(what);
}

}  // namespace kiosk::fuzz
