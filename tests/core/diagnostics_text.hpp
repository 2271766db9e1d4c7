// All problems as one text, one per line: what a failing check shows, and what tests search in.
#pragma once

#include <algorithm>
#include <string>

#include "core/util/result.hpp"

namespace kiosk::test {

inline std::string allMessages(const core::Diagnostics& problems) {
    std::string out;
    for (const auto& p : problems) out += p.describe() + "\n";
    return out;
}

// Whether some problem sits on `line` of a file ending in `fileSuffix` and its message starts with
// `message`; the column is not compared, so tests stay readable.
inline bool hasError(const core::Diagnostics& problems, std::string_view fileSuffix, int line, std::string_view message) {
    return std::any_of(problems.begin(), problems.end(), [&](const core::Error& e) {
        return !e.isWarning() && e.file.ends_with(fileSuffix) && e.line == line && e.message.starts_with(message);
    });
}

inline bool hasNoErrors(const core::Diagnostics& problems) {
    return std::all_of(problems.begin(), problems.end(), [](const core::Error& e) { return e.isWarning(); });
}

}  // namespace kiosk::test
