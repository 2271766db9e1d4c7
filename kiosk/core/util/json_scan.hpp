// Bounds checked on a JSON document's raw bytes, before any parser sees them: a document that
// would cost too much to parse (a million '[' nested, millions of tiny values from a few kilobytes
// of archive) is refused without building anything. Both passes skip what is inside texts, and
// both are linear: nothing here depends on how the parser spends its time.
#pragma once

#include <cstddef>
#include <string_view>

namespace kiosk::core {

// Whether more than `limit` arrays and objects are open at once somewhere in the document.
bool jsonNestedDeeperThan(std::string_view bytes, int limit);

// How many values (objects, lists, texts, numbers …) the document holds at most: every value but
// the first of a list or an object follows a ','.
std::size_t jsonValueCountBound(std::string_view bytes);

}  // namespace kiosk::core
