// Looks at a picture's bytes before anything decodes it: is it what its name says, and is it
// small enough to decode safely (content/FORMAT.md, "Limits")?
#pragma once

#include <filesystem>
#include <string>

#include "core/util/result.hpp"

namespace kiosk::core {

enum class ImageType { Svg, Png, Jpeg };

struct ImageFacts {
    ImageType type = ImageType::Png;
    int width = 0;  // 0 for SVG: drawn at whatever size the screen needs
    int height = 0;
};

// The Error names `shownName` and has no line: the caller knows where the picture was referenced.
Result<ImageFacts> checkImageFile(const std::filesystem::path& file, const std::string& shownName);

}  // namespace kiosk::core
