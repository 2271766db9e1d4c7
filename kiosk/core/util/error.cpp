// Formats errors the same way everywhere, so staff learn one shape of message.
#include "core/util/error.hpp"

namespace kiosk::core {

std::string Error::describe() const {
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (!out.empty()) out += ": ";
    out += message;
    if (!hint.empty()) out += " (" + hint + ")";
    return out;
}

}  // namespace kiosk::core
