#include "core/util/small_file.hpp"

#include <fstream>
#include <sstream>

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

}  // namespace kiosk::core
