// One line per message, written whole, so lines from worker threads never interleave.
#include "core/util/log.hpp"

#include <cstdio>
#include <string>

namespace kiosk::core {

void log(LogLevel level, std::string_view module, std::string_view message) {
    const char* prefix = level == LogLevel::Error ? "error" : level == LogLevel::Warning ? "warning" : "info";
    std::string line;
    line.reserve(message.size() + module.size() + 16);
    line.append("[").append(module).append("] ").append(prefix).append(": ").append(message).append("\n");
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace kiosk::core
