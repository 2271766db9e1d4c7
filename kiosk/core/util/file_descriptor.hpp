// A POSIX file descriptor that closes itself, and a write and a read that do not stop at a short
// count: what the kiosk's fsync-and-rename writers (atomic files, downloads, extraction) need, and
// the readers that must tell a read error from a short file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk::core {

class UniqueFd {
public:
    explicit UniqueFd(int fd = -1) : m_fd(fd) {}
    ~UniqueFd();
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    UniqueFd(UniqueFd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

// Every byte, through short writes and EINTR; false on any other failure (errno says which).
bool writeAll(int fd, std::string_view bytes);

// Reads until the end of the file or `maxBytes`, whichever comes first, into `out`, through short
// reads and EINTR; false on a read error (errno says which), with what was read so far in `out`.
bool readUpTo(int fd, std::size_t maxBytes, std::string& out);

}  // namespace kiosk::core
