// A POSIX file descriptor that closes itself, and a write that does not stop at a short count:
// what the kiosk's fsync-and-rename writers (atomic files, downloads, extraction) all need.
#pragma once

#include <string_view>

namespace kiosk::core {

class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : m_fd(fd) {}
    ~UniqueFd();
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

// Every byte, through short writes and EINTR; false on any other failure (errno says which).
bool writeAll(int fd, std::string_view bytes);

}  // namespace kiosk::core
