// Reads the texts of a pack: translations, their limits, missing languages, ids and rich text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/pack/localized_text.hpp"
#include "core/pack/pack_read_context.hpp"
#include "core/pack/rich_text.hpp"
#include "core/util/toml_reader.hpp"

namespace kiosk::core {

// Letters as a reader counts them: UTF-8 code points ("ä" is one).
std::size_t countCharacters(std::string_view utf8);

// `key` is a table of language → text (title.de = "…"). Each text is checked against `maxChars`
// and the longest word; languages the pack declares but the text lacks are warnings.
LocalizedText readText(const TableReader& parent, std::string_view key, std::size_t maxChars, bool required,
                       const PackReadContext& context);

// The same for Markdown (content/FORMAT.md, "Rich text"); links must lead to pages of the pack.
Localized<RichText> readRichText(const TableReader& parent, std::string_view key, bool required,
                                 PackReadContext& context);

// A text that is the same in every language (an address, a phone number).
std::string readPlainText(const TableReader& reader, std::string_view key, std::size_t maxChars, bool required);

// A required id (lowercase letters, digits, '-'); "" when missing or invalid (and reported).
std::string readId(const TableReader& reader, std::string_view key, std::string_view what);

}  // namespace kiosk::core
