// POSIX *at() calls relative to descriptors: a path is never resolved from the root again, so a
// link planted halfway (or a name like "../x" that slipped through) cannot lead anywhere else.
#include "core/pack/extraction_folder.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/file_descriptor.hpp"

namespace kiosk::core {
namespace {

constexpr mode_t kFileMode = 0644;
constexpr mode_t kFolderMode = 0755;
constexpr int kFolderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

std::string errnoText() { return std::strerror(errno); }

bool isEmptyFolder(int fd) {
    const int listFd = ::openat(fd, ".", kFolderFlags);
    if (listFd < 0) return false;
    DIR* dir = ::fdopendir(listFd);
    if (dir == nullptr) {
        ::close(listFd);
        return false;
    }
    bool empty = true;
    while (const dirent* entry = ::readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
            empty = false;
            break;
        }
    }
    ::closedir(dir);
    return empty;
}

// "images/icons/a.svg" → {"images/icons", "a.svg"}.
std::pair<std::string_view, std::string_view> splitParent(std::string_view path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos) return {{}, path};
    return {path.substr(0, slash), path.substr(slash + 1)};
}

}  // namespace

ExtractedFile::ExtractedFile(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}

ExtractedFile::ExtractedFile(ExtractedFile&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)) {}

ExtractedFile::~ExtractedFile() {
    if (m_fd >= 0) ::close(m_fd);
}

std::optional<Error> ExtractedFile::write(std::string_view bytes) {
    if (writeAll(m_fd, bytes)) return std::nullopt;
    return Error{ErrorCode::WriteFailed, m_path, 0, "cannot write '" + m_path + "': " + errnoText(),
                 "check the free space of the kiosk's state folder"};
}

std::optional<Error> ExtractedFile::finish() {
    std::optional<Error> error;
    if (::fsync(m_fd) != 0) {
        error = Error{ErrorCode::WriteFailed, m_path, 0, "cannot fsync '" + m_path + "': " + errnoText(),
                      "the disk may be failing; the pack is fetched again later"};
    }
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0 && !error) {
        error = Error{ErrorCode::WriteFailed, m_path, 0, "cannot close '" + m_path + "': " + errnoText(), ""};
    }
    return error;
}

Result<ExtractionFolder> ExtractionFolder::open(const std::filesystem::path& destination) {
    const int fd = ::open(destination.c_str(), kFolderFlags);
    if (fd < 0) {
        return Error{ErrorCode::WriteFailed, destination.string(), 0,
                     "cannot open the folder to extract into: " + errnoText(),
                     "it must be an existing folder, not a link"};
    }
    if (!isEmptyFolder(fd)) {
        ::close(fd);
        return Error{ErrorCode::InvalidValue, destination.string(), 0, "the folder to extract into is not empty",
                     "extract into a new, empty folder"};
    }
    return ExtractionFolder(destination, fd);
}

ExtractionFolder::ExtractionFolder(std::filesystem::path destination, int fd) : m_destination(std::move(destination)), m_fd(fd) {}

ExtractionFolder::ExtractionFolder(ExtractionFolder&& other) noexcept
    : m_destination(std::move(other.m_destination)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_files(std::move(other.m_files)),
      m_folders(std::move(other.m_folders)),
      m_madeFolders(std::move(other.m_madeFolders)),
      m_committed(other.m_committed) {}

ExtractionFolder::~ExtractionFolder() {
    if (m_fd < 0) return;
    if (!m_committed) removeEverything();
    ::close(m_fd);
}

Error ExtractionFolder::writeError(std::string_view path, const std::string& what) const {
    const std::string shown = path.empty() ? "." : std::string(path);
    return Error{ErrorCode::WriteFailed, std::string(path), 0,
                 what + " '" + shown + "' in " + m_destination.string() + ": " + errnoText(),
                 "check the free space and permissions of the kiosk's state folder"};
}

int ExtractionFolder::openFolder(std::string_view folder) const {
    int current = ::dup(m_fd);
    while (current >= 0 && !folder.empty()) {
        const std::size_t slash = folder.find('/');
        const std::string name(folder.substr(0, slash));
        const int next = ::openat(current, name.c_str(), kFolderFlags);
        const int savedErrno = errno;
        ::close(current);
        errno = savedErrno;
        current = next;
        folder = slash == std::string_view::npos ? std::string_view() : folder.substr(slash + 1);
    }
    return current;
}

Result<ExtractedFile> ExtractionFolder::createFile(std::string_view path) {
    // Folders first, each made by us (the destination started empty) and remembered for the fsync
    // and the clean-up; an existing one is only entered, never followed if it is a link.
    for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1)) {
        const std::string folder(path.substr(0, slash));
        if (m_madeFolders.count(folder) > 0) continue;
        const auto [parent, name] = splitParent(folder);
        const int parentFd = openFolder(parent);
        if (parentFd < 0) return writeError(parent, "cannot open the folder");
        const std::string nameText(name);
        if (::mkdirat(parentFd, nameText.c_str(), kFolderMode) != 0) {
            Error error = writeError(folder, "cannot make the folder");
            ::close(parentFd);
            return error;
        }
        m_folders.push_back(folder);
        m_madeFolders.insert(folder);
        // mkdirat's mode passes through the umask; the folders of a pack are 0755 whatever it is.
        const int folderFd = ::openat(parentFd, nameText.c_str(), kFolderFlags);
        ::close(parentFd);
        if (folderFd < 0 || ::fchmod(folderFd, kFolderMode) != 0) {
            Error error = writeError(folder, "cannot set the permissions of the folder");
            if (folderFd >= 0) ::close(folderFd);
            return error;
        }
        ::close(folderFd);
    }
    const auto [parent, name] = splitParent(path);
    const int parentFd = openFolder(parent);
    if (parentFd < 0) return writeError(parent, "cannot open the folder");
    const std::string nameText(name);
    const int fd = ::openat(parentFd, nameText.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kFileMode);
    if (fd < 0) {
        Error error = writeError(path, "cannot create");
        ::close(parentFd);
        return error;
    }
    ::close(parentFd);
    m_files.emplace_back(path);
    if (::fchmod(fd, kFileMode) != 0) {
        Error error = writeError(path, "cannot set the permissions of");
        ::close(fd);
        return error;
    }
    return ExtractedFile(fd, std::string(path));
}

std::optional<Error> ExtractionFolder::commit() {
    std::vector<std::string> folders = m_folders;
    std::stable_sort(folders.begin(), folders.end(), [](const std::string& a, const std::string& b) {
        return std::count(a.begin(), a.end(), '/') > std::count(b.begin(), b.end(), '/');
    });
    folders.emplace_back();  // the destination itself, last: it holds the entries of the top folders
    for (const std::string& folder : folders) {
        const int fd = openFolder(folder);
        if (fd < 0) return writeError(folder, "cannot open the folder");
        if (::fsync(fd) != 0) {
            Error error = writeError(folder, "cannot fsync the folder");
            ::close(fd);
            return error;
        }
        ::close(fd);
    }
    m_committed = true;
    return std::nullopt;
}

void ExtractionFolder::removeEverything() {
    // Best effort: what cannot be removed now is in a staging folder the caller deletes anyway.
    for (auto it = m_files.rbegin(); it != m_files.rend(); ++it) {
        const auto [parent, name] = splitParent(*it);
        const int parentFd = openFolder(parent);
        if (parentFd < 0) continue;
        ::unlinkat(parentFd, std::string(name).c_str(), 0);
        ::close(parentFd);
    }
    for (auto it = m_folders.rbegin(); it != m_folders.rend(); ++it) {
        const auto [parent, name] = splitParent(*it);
        const int parentFd = openFolder(parent);
        if (parentFd < 0) continue;
        ::unlinkat(parentFd, std::string(name).c_str(), AT_REMOVEDIR);
        ::close(parentFd);
    }
    m_files.clear();
    m_folders.clear();
    m_madeFolders.clear();
}

}  // namespace kiosk::core
