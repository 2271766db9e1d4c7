// The one-language pack "clips" the playback tests play their clips in: pack.toml, a tile and a
// red square as poster, the clip as videos/intro.<its extension> (.mp4 or .webm), and the start
// page the test writes. Also the playback benchmark's pack (tests/bench/video_playback.cpp).
#pragma once

#include <filesystem>
#include <string>

#include "../core/temp_dir.hpp"

namespace kiosk::test {

// Returns the pack's folder (dir/clips); the content folder to load is `dir` itself.
inline std::filesystem::path writeClipPack(const TempDir& dir, const std::filesystem::path& clip, const std::string& startPage) {
    dir.write("clips/pack.toml", "id = \"clips\"\nversion = \"1.0.0\"\ncategory = \"hub\"\nlanguages = [\"de\"]\n"
                                 "start_page = \"start\"\ntile_icon = \"images/tile.svg\"\ntitle.de = \"Filme\"\n"
                                 "description.de = \"Kurze Filme.\"\n");
    const std::string square = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\" fill=\"#c33\"/></svg>\n";
    dir.write("clips/images/tile.svg", square);
    dir.write("clips/images/poster.svg", square);
    dir.write("clips/pages/start.toml", startPage);
    std::filesystem::create_directories(dir.path() / "clips/videos");
    std::filesystem::copy_file(clip, dir.path() / "clips/videos" / ("intro" + clip.extension().string()));
    return dir.path() / "clips";
}

}  // namespace kiosk::test
