// The names a pack archive may give its files: a strict grammar, checked before a name reaches the
// disk (reliability_anchors.md §3.4). A name outside it is refused, never repaired.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::core {

inline constexpr std::size_t kArchivePathChars = 200;
inline constexpr std::size_t kArchivePathSegments = 5;  // "images/a/b/c/photo.png" at most
inline constexpr std::size_t kArchiveSegmentChars = 64;

// Empty when `path` is allowed: '/'-separated segments of a-z, 0-9, '-', '_' and '.', none empty,
// none hidden or "..", with an ending packs may hold (.toml, .md, .svg, .png, .jpg, .jpeg, .mp4, .webm, .vtt).
// Otherwise why not, to follow the name in a message: "has '..' in it, which would leave the pack".
std::string archivePathProblem(std::string_view path);

// A name from an archive as a message may show it: control characters and bytes outside ASCII as
// \xNN, and shortened when long, so a hostile name cannot garble a log or the staff screen.
std::string shownArchivePath(std::string_view path);

}  // namespace kiosk::core
