// Small video clips the video tests make with the ffmpeg command at test time, once per build
// folder (deploy/install-deps.sh installs ffmpeg), and damaged copies of them.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk::test {

// `name` in the build folder's video-clips/, made by `ffmpeg <arguments> <file>` unless it is
// there already. Written under a temporary name and renamed: CTest runs test cases in parallel
// processes, and none may see a half-written clip.
std::filesystem::path generatedClip(const std::string& name, const std::string& ffmpegArguments);

// A copy of `clip` with only its first `share` of bytes: a download or a copy cut short.
std::filesystem::path truncatedCopy(const std::filesystem::path& clip, double share);

// The folder the clips are in (video-clips/ in the build folder).
std::filesystem::path clipFolder();
// A file with `content` in it.
std::filesystem::path clipFolderFile(const std::string& name, const std::string& content);

// The 2 s, 25 fps, 320x240 test picture the decoder tests play: H.264 in MP4 with the index at
// the start ("faststart", as the pack guide asks, so a cut copy still opens), VP9 in WebM.
std::filesystem::path h264Clip();
std::filesystem::path vp9Clip();

// The same 2 s picture with a 440 Hz sine as sound, sampled at 44.1 kHz (so the player's
// resampler to 48 kHz has work to do): AAC in the MP4, Opus (which always decodes at 48 kHz) in
// the WebM.
std::filesystem::path h264AacClip();
std::filesystem::path vp9OpusClip();

}  // namespace kiosk::test
