// Minimal logging to stderr with a module tag; journald picks it up under systemd.
#pragma once

#include <string_view>

namespace kiosk::core {

enum class LogLevel { Info, Warning, Error };

void log(LogLevel level, std::string_view module, std::string_view message);

inline void logInfo(std::string_view module, std::string_view message) { log(LogLevel::Info, module, message); }
inline void logWarning(std::string_view module, std::string_view message) { log(LogLevel::Warning, module, message); }
inline void logError(std::string_view module, std::string_view message) { log(LogLevel::Error, module, message); }

}  // namespace kiosk::core
