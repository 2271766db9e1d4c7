// Formats errors the same way everywhere, so staff learn one shape of message.
#include "core/util/error.hpp"

#include <algorithm>

#include "core/util/result.hpp"

namespace kiosk::core {

std::string Error::describe() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (!out.empty()) out += ": ";
    out += message;
    if (!hint.empty()) out += " (" + hint + ")";
    return out;
}

void sortByLocation(Diagnostics& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const Error& a, const Error& b) {
        return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
}

}  // namespace kiosk::core
