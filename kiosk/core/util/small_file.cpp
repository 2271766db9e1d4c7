#include "core/util/small_file.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/util/file_descriptor.hpp"

namespace kiosk::core {

std::string readSmallFile(const std::filesystem::path& file, std::uintmax_t maxBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > maxBytes) return {};
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<std::string> readFileStart(const std::filesystem::path& file, std::size_t maxBytes, std::string& error) {
    const UniqueFd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) {
        error = std::string("cannot be opened: ") + std::strerror(errno);
        return std::nullopt;
    }
    std::string bytes;
    if (!readUpTo(in.get(), maxBytes, bytes)) {
        error = std::string("cannot be read: ") + std::strerror(errno);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace kiosk::core
