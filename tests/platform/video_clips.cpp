// Makes the video tests' clips with the ffmpeg command, into the build folder.
#include "video_clips.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace kiosk::test {

std::filesystem::path clipFolder() {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_TEST_OUTPUT_DIR) / "video-clips";
    std::filesystem::create_directories(folder);
    return folder;
}

namespace {

std::filesystem::path temporaryName(const std::filesystem::path& file) {
    // The extension stays last: ffmpeg picks the container by it.
    return file.parent_path() / ("tmp-" + std::to_string(::getpid()) + "-" + file.filename().string());
}

}  // namespace

std::filesystem::path generatedClip(const std::string& name, const std::string& ffmpegArguments) {
    const std::filesystem::path file = clipFolder() / name;
    if (std::filesystem::exists(file)) return file;
    const std::filesystem::path temporary = temporaryName(file);
    const std::string command = "ffmpeg -nostdin -loglevel error -y " + ffmpegArguments + " '" + temporary.string() + "'";
    if (std::system(command.c_str()) != 0 || !std::filesystem::exists(temporary))
        throw std::runtime_error("could not make the test clip with: " + command +
                                 " (is ffmpeg installed? deploy/install-deps.sh installs it)");
    std::filesystem::rename(temporary, file);
    return file;
}

std::filesystem::path truncatedCopy(const std::filesystem::path& clip, double share) {
    const std::filesystem::path file = clip.parent_path() / ("truncated-" + clip.filename().string());
    if (std::filesystem::exists(file)) return file;
    std::ifstream in(clip, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bytes.resize(static_cast<std::size_t>(static_cast<double>(bytes.size()) * share));
    const std::filesystem::path temporary = temporaryName(file);
    {
        std::ofstream out(temporary, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::runtime_error("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, file);
    return file;
}

std::filesystem::path clipFolderFile(const std::string& name, const std::string& content) {
    const std::filesystem::path file = clipFolder() / name;
    std::ofstream out(file, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file;
}

std::filesystem::path h264Clip() {
    return generatedClip("testsrc-h264.mp4",
                         "-f lavfi -i testsrc=size=320x240:rate=25 -t 2 -c:v libx264 -preset ultrafast -g 25 "
                         "-pix_fmt yuv420p -movflags +faststart");
}

std::filesystem::path vp9Clip() {
    return generatedClip("testsrc-vp9.webm",
                         "-f lavfi -i testsrc=size=320x240:rate=25 -t 2 -c:v libvpx-vp9 -deadline realtime "
                         "-cpu-used 8 -b:v 300k -g 25 -pix_fmt yuv420p");
}

std::filesystem::path h264AacClip() {
    return generatedClip("sine-h264-aac.mp4",
                         "-f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 2 "
                         "-c:v libx264 -preset ultrafast -g 25 -pix_fmt yuv420p -c:a aac -movflags +faststart");
}

std::filesystem::path vp9OpusClip() {
    return generatedClip("sine-vp9-opus.webm",
                         "-f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 2 "
                         "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 300k -g 25 -pix_fmt yuv420p -c:a libopus");
}

}  // namespace kiosk::test
