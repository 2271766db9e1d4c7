// POSIX calls directly: std::ofstream can neither fsync nor set permissions before the first byte.
#include "core/util/atomic_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::core {
namespace {

std::string failure(const char* what, const std::filesystem::path& file) {
    return std::string("cannot ") + what + " " + file.string() + ": " + std::strerror(errno);
}

bool writeAll(int fd, std::string_view contents) {
    while (!contents.empty()) {
        const ssize_t written = ::write(fd, contents.data(), contents.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        contents.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

std::string writeFileAtomically(const std::filesystem::path& file, std::string_view contents, unsigned mode) {
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    // A name of its own for every write (mkstemp: O_EXCL, 0600): two writers never share a temp
    // file, and a leftover or planted one can neither lend its permissions nor be followed.
    std::string pattern = (folder / ("." + file.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    const std::filesystem::path temp = pattern;
    if (fd < 0) return failure("create", temp);
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        const std::string error = failure("set the permissions of", temp);
        ::close(fd);
        ::unlink(temp.c_str());
        return error;
    }
    const bool written = writeAll(fd, contents);
    std::string error = written ? "" : failure("write", temp);
    if (error.empty() && ::fsync(fd) != 0) error = failure("fsync", temp);
    if (::close(fd) != 0 && error.empty()) error = failure("close", temp);
    if (error.empty() && ::rename(temp.c_str(), file.c_str()) != 0) error = failure("rename", file);
    if (!error.empty()) {
        ::unlink(temp.c_str());
        return error;
    }
    // The rename is only durable once the folder's entry is on disk.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return failure("open folder", folder);
    if (::fsync(dir) != 0) error = failure("fsync folder", folder);
    ::close(dir);
    return error;
}

}  // namespace kiosk::core
