// The pack the pack harnesses load: tests/fuzz/pack/fuzz-pack, copied once per process into the
// harness's scratch folder, where each input replaces one of its files before loadPack reads it.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/pack/pack_loader.hpp"

namespace kiosk::fuzz {

// The copy's folder (named fuzz-pack, as its id says). Its pictures are an SVG, a PNG and a JPEG
// (images/tile.svg, photo.png, photo.jpg), so an input's image references can resolve.
const std::filesystem::path& fixedPack(std::string_view harness);

// Writes `bytes` to `relativeFile` of the copy and loads the pack as the kiosk does, then checks
// what loadPack promises about its report.
core::PackReport loadFixedPackWith(std::string_view harness, const std::filesystem::path& relativeFile, std::string_view bytes);

}  // namespace kiosk::fuzz
