// Where an archive's files are written: only below one folder, only by names the archive grammar
// allowed, never through a link, fsynced before success and removed completely on failure.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace kiosk::core {

// One file being written; closed (without fsync) when dropped unfinished.
class ExtractedFile {
public:
    ExtractedFile(int fd, std::string path);
    ExtractedFile(ExtractedFile&& other) noexcept;
    ExtractedFile& operator=(ExtractedFile&&) = delete;
    ExtractedFile(const ExtractedFile&) = delete;
    ~ExtractedFile();

    std::optional<Error> write(std::string_view bytes);
    std::optional<Error> finish();  // fsync, close: an fsync failure fails the extraction

private:
    int m_fd;
    std::string m_path;
};

class ExtractionFolder {
public:
    // `destination` must be an existing, empty folder, itself not a link.
    static Result<ExtractionFolder> open(const std::filesystem::path& destination);
    ExtractionFolder(ExtractionFolder&& other) noexcept;
    ExtractionFolder& operator=(ExtractionFolder&&) = delete;
    ExtractionFolder(const ExtractionFolder&) = delete;
    ~ExtractionFolder();  // removes everything it made unless commit() succeeded

    // Makes the folders of `path` (relative, already checked against the archive grammar) and the
    // file itself, which must not exist: O_CREAT|O_EXCL|O_NOFOLLOW, every folder opened O_NOFOLLOW.
    Result<ExtractedFile> createFile(std::string_view path);
    // fsync every folder made, deepest first, then the destination itself. Once this succeeded the
    // files stay; on failure they are removed.
    std::optional<Error> commit();
    // Unlinks every file and folder made, in the reverse order of making them.
    void removeEverything();

private:
    ExtractionFolder(std::filesystem::path destination, int fd);
    // A descriptor of `folder` below the destination ("" is the destination), each step O_NOFOLLOW;
    // -1 with errno set when any step is missing or is not a folder.
    int openFolder(std::string_view folder) const;
    Error writeError(std::string_view path, const std::string& what) const;

    std::filesystem::path m_destination;
    int m_fd;
    std::vector<std::string> m_files;
    std::vector<std::string> m_folders;  // in the order made: a parent before its children
    std::set<std::string, std::less<>> m_madeFolders;  // the same, to look up
    bool m_committed = false;
};

}  // namespace kiosk::core
