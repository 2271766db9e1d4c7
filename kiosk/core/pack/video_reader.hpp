// Reads a `type = "video"` block, and a page's sign-language clip: the clip, its poster, alt text, subtitles per language and the
// playing options, each file checked where it is named (content/FORMAT.md, "video").
#pragma once

#include "core/pack/blocks.hpp"
#include "core/pack/pack_read_context.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {

VideoBlock readVideoBlock(const TableReader& block, PackReadContext& context);
// A page's `[sign_language]` table: the same clip, poster and alt keys, plus `placeholder`.
SignLanguageClip readSignLanguage(const TableReader& table, PackReadContext& context);

}  // namespace kiosk::core
