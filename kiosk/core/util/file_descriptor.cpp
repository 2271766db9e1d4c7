#include "core/util/file_descriptor.hpp"

#include <cerrno>

#include <unistd.h>

namespace kiosk::core {

UniqueFd::~UniqueFd() {
    if (m_fd >= 0) ::close(m_fd);
}

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

bool readUpTo(int fd, std::size_t maxBytes, std::string& out) {
    out.assign(maxBytes, '\0');
    std::size_t have = 0;
    while (have < maxBytes) {
        const ssize_t n = ::read(fd, out.data() + have, maxBytes - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            out.resize(have);
            return false;
        }
        if (n == 0) break;
        have += static_cast<std::size_t>(n);
    }
    out.resize(have);
    return true;
}

}  // namespace kiosk::core
