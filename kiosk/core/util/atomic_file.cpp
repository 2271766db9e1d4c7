// POSIX calls directly: std::ofstream can neither fsync nor set permissions before the first byte.
#include "core/util/atomic_file.hpp"
#include "core/util/file_descriptor.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::core {
namespace {

std::string failure(const char* what, const std::filesystem::path& file) {
    return std::string("cannot ") + what + " " + file.string() + ": " + std::strerror(errno);
}

}  // namespace

std::string writeFileAtomically(const std::filesystem::path& file, std::string_view contents, unsigned mode) {
    AtomicFileWriter writer(file, mode);
    std::string error = writer.open();
    if (error.empty()) error = writer.write(contents);
    if (error.empty()) error = writer.commit();
    return error;
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path file, unsigned mode) : m_file(std::move(file)), m_mode(mode) {}

AtomicFileWriter::~AtomicFileWriter() { discard(); }

void AtomicFileWriter::discard() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
    m_fd = -1;
    m_temp.clear();
}

std::string AtomicFileWriter::open() {
    discard();
    const std::filesystem::path folder = m_file.has_parent_path() ? m_file.parent_path() : std::filesystem::path(".");
    // A name of its own for every write (mkstemp: O_EXCL, 0600): two writers never share a temp
    // file, and a leftover or planted one can neither lend its permissions nor be followed.
    std::string pattern = (folder / ("." + m_file.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return failure("create", pattern);
    m_fd = fd;
    m_temp = pattern;
    if (::fchmod(m_fd, static_cast<mode_t>(m_mode)) != 0) {
        const std::string error = failure("set the permissions of", m_temp);
        discard();
        return error;
    }
    return {};
}

std::string AtomicFileWriter::write(std::string_view bytes) {
    if (m_fd < 0) return "cannot write " + m_file.string() + ": it is not open";
    if (writeAll(m_fd, bytes)) return {};
    const std::string error = failure("write", m_temp);
    discard();
    return error;
}

std::string AtomicFileWriter::commit() {
    if (m_fd < 0) return "cannot write " + m_file.string() + ": it is not open";
    std::string error;
    if (::fsync(m_fd) != 0) error = failure("fsync", m_temp);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 && error.empty()) error = failure("close", m_temp);
    if (error.empty() && ::rename(m_temp.c_str(), m_file.c_str()) != 0) error = failure("rename", m_file);
    if (!error.empty()) {
        discard();
        return error;
    }
    m_temp.clear();  // renamed: there is no temp file left to remove
    // The rename is only durable once the folder's entry is on disk.
    const std::filesystem::path folder = m_file.has_parent_path() ? m_file.parent_path() : std::filesystem::path(".");
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return failure("open folder", folder);
    if (::fsync(dir) != 0) error = failure("fsync folder", folder);
    ::close(dir);
    return error;
}

}  // namespace kiosk::core
