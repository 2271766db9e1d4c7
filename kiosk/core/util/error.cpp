// Formats errors the same way everywhere, so staff learn one shape of message.
#include "core/util/error.hpp"

#include <algorithm>
#include <exception>

#include "core/util/result.hpp"

namespace kiosk::core {

std::string Error::describe() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    if (!out.empty()) out += ": ";
    out += isWarning() ? "warning: " : "error: ";
    out += message;
    if (!hint.empty()) out += " (" + hint + ")";
    return out;
}

void sortByLocation(Diagnostics& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const Error& a, const Error& b) {
        if (a.file != b.file) return a.file < b.file;
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

std::string describeCurrentException() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

}  // namespace kiosk::core
