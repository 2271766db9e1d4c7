// Reads one [[blocks]] section of a page into a Block, reporting every mistake in it.
#pragma once

#include <optional>

#include "core/pack/blocks.hpp"
#include "core/pack/pack_read_context.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {

std::optional<Block> readBlock(const TableReader& block, PackReadContext& context);

// A file inside the pack that is an SVG, PNG or JPEG within the limits; empty when not (and reported).
std::filesystem::path readImagePath(const TableReader& reader, std::string_view key, const PackReadContext& context);

// A file inside the pack that exists (any kind); empty when not (and reported). `what` names it in
// messages ("clip"), `example` is a path like the author should write ("videos/intro.mp4").
std::filesystem::path readPackFilePath(const TableReader& reader, std::string_view key, const PackReadContext& context,
                                       std::string_view what, std::string_view example);

// The id a block is known by on its page ("" for blocks without one), for duplicate checks.
std::string_view blockId(const Block& block);

}  // namespace kiosk::core
