#include "process_figures.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>

namespace kiosk::soak {
namespace {

// Entries of a /proc folder but "." and "..". opendir itself holds a descriptor while it lists
// /proc/self/fd: the caller subtracts it there.
int countEntries(const char* folder) {
    DIR* dir = ::opendir(folder);
    if (!dir) return -1;
    int n = 0;
    while (const dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.') ++n;
    }
    ::closedir(dir);
    return n;
}

long residentKiB() {
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    if (!statm) return -1;
    long sizePages = 0;
    long residentPages = 0;
    const int read = std::fscanf(statm, "%ld %ld", &sizePages, &residentPages);
    std::fclose(statm);
    if (read != 2) return -1;
    return residentPages * (::sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

ProcessFigures readProcessFigures() {
    ProcessFigures figures;
    figures.rssKiB = residentKiB();
    figures.openFiles = countEntries("/proc/self/fd") - 1;
    figures.threads = countEntries("/proc/self/task");
    return figures;
}

std::uintmax_t fileBytes(const std::filesystem::path& file) {
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    return ec ? 0 : bytes;
}

}  // namespace kiosk::soak
