// All problems as one text, one per line: what a failing check shows, and what tests search in.
#pragma once

#include <string>

#include "core/util/result.hpp"

namespace kiosk::test {

inline std::string allMessages(const core::Diagnostics& problems) {
    std::string out;
    for (const auto& p : problems) out += p.describe() + "\n";
    return out;
}

}  // namespace kiosk::test
