// Syntax of the ids and language tags that content and config use, checked in one place.
#pragma once

#include <string_view>

namespace kiosk::core {

// Pack, page and element ids: lowercase a-z, digits and '-', 1..64 characters, starting with a letter.
// They appear in file names, statistics and UI identity, so they must be stable and plain.
bool isValidId(std::string_view id);

// BCP 47 style tags as content uses them: "de", "en", "uk", "de-x-ls" (Leichte Sprache).
bool isValidLanguageTag(std::string_view tag);

}  // namespace kiosk::core
