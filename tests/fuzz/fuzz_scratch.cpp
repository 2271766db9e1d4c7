// The scratch folder is removed by a static object's destructor: libFuzzer ends a timed run with
// exit(), which runs it; a crash leaves the folder for the caller to clear.
#include "fuzz_scratch.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <system_error>

namespace kiosk::fuzz {
namespace {

std::filesystem::path tempRoot() {
    if (const char* tmp = std::getenv("TMPDIR"); tmp != nullptr && *tmp != '\0') return tmp;
    std::error_code ec;
    // tmpfs: the pack and archive harnesses write a file or a folder per input.
    if (std::filesystem::is_directory("/dev/shm", ec)) return "/dev/shm";
    return "/tmp";
}

class ScratchFolders {
public:
    ~ScratchFolders() {
        for (const auto& [name, folder] : m_folders) {
            std::error_code ec;
            std::filesystem::remove_all(folder, ec);
        }
    }

    const std::filesystem::path& get(std::string_view harness) {
        auto found = m_folders.find(std::string(harness));
        if (found != m_folders.end()) return found->second;
        std::string pattern = (tempRoot() / ("kiosk-fuzz-" + std::string(harness) + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) broken("cannot make a scratch folder in " + tempRoot().string());
        return m_folders.emplace(std::string(harness), std::filesystem::path(pattern)).first->second;
    }

private:
    std::map<std::string, std::filesystem::path> m_folders;
};

}  // namespace

const std::filesystem::path& scratchFolder(std::string_view harness) {
    static ScratchFolders folders;
    return folders.get(harness);
}

void writeFile(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) broken("cannot write " + file.string());
}

void broken(std::string_view what) {
    std::fprintf(stderr, "fuzz: broken promise: %.*s\n", static_cast<int>(what.size()), what.data());
    std::fflush(stderr);
    std::abort();
}

}  // namespace kiosk::fuzz
