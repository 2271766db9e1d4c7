// Writing a file so that a power cut leaves either the old or the new contents, never a mix
// (DESIGN.md §3.4): a temp file of its own in the same folder → fsync → rename → fsync the folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace kiosk::core {

// Empty on success, else what failed ("cannot write …: No space left on device"). A failed
// fsync aborts the write: the old file stays, the temp file is removed. `mode` is the new
// file's permission bits (0600 for secrets).
std::string writeFileAtomically(const std::filesystem::path& file, std::string_view contents, unsigned mode = 0644);

// The same protocol for a file written piece by piece (a pack archive, too large to hold in memory).
// Every method returns empty on success, else what failed. Destroyed before commit() succeeded, it
// removes its temp file, so a failed or abandoned write leaves the old file and nothing else.
class AtomicFileWriter {
public:
    explicit AtomicFileWriter(std::filesystem::path file, unsigned mode = 0644);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    std::string open();  // creates the temp file next to `file`
    std::string write(std::string_view bytes);
    std::string commit();  // fsync, rename over `file`, fsync the folder

private:
    void discard();

    std::filesystem::path m_file;
    std::filesystem::path m_temp;
    unsigned m_mode;
    int m_fd = -1;
};

}  // namespace kiosk::core
