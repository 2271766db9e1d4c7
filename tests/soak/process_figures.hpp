// What the soak watches of its own process: resident memory, open files and threads, read from
// /proc/self as an operator's `ps` or `ls /proc/PID/fd` would see them.
#pragma once

#include <cstdint>
#include <filesystem>

namespace kiosk::soak {

struct ProcessFigures {
    long rssKiB = 0;   // resident set (statm's second field, in pages, as KiB)
    int openFiles = 0;  // entries of /proc/self/fd, not counting the one the count itself opens
    int threads = 0;    // entries of /proc/self/task
};

ProcessFigures readProcessFigures();

// A file's size in bytes; 0 when it does not exist (a WAL SQLite has not created yet).
std::uintmax_t fileBytes(const std::filesystem::path& file);

}  // namespace kiosk::soak
