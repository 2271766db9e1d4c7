// One character class for every segment keeps the grammar easy to state and to check: no
// normalisation, no case folding, no encodings, so two names are the same file only when equal.
#include "core/pack/archive_path.hpp"

#include <algorithm>

#include "core/pack/pack_files.hpp"

namespace kiosk::core {
namespace {

bool isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

std::string segmentProblem(std::string_view segment) {
    if (segment.empty()) return "has an empty folder name (a '//' or a '/' at the end)";
    if (segment == "..") return "has '..' in it, which would leave the pack";
    if (segment == ".") return "has a '.' folder in it";
    if (segment.front() == '.') return "names a hidden file or folder ('" + std::string(segment) + "')";
    if (segment.size() > kArchiveSegmentChars) return "has a name longer than 64 characters";
    for (const char c : segment) {
        if (c >= 'A' && c <= 'Z') return "has capital letters in it";
        if (!isNameCharacter(c)) return std::string("has the character '") + c + "' in it";
    }
    return {};
}

}  // namespace

std::string archivePathProblem(std::string_view path) {
    if (path.empty()) return "is empty";
    if (path.size() > kArchivePathChars) return "is longer than 200 characters";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) return "has a control character in it";
    }
    if (path.find('\\') != std::string_view::npos) return "has a backslash in it";
    if (std::any_of(path.begin(), path.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        return "has characters other than a-z, 0-9, '-', '_' and '.' in it";
    }
    if (path.front() == '/') return "is an absolute path";
    std::size_t segments = 0;
    std::string_view rest = path;
    std::string_view last;
    while (true) {
        const std::size_t slash = rest.find('/');
        last = rest.substr(0, slash);
        if (std::string problem = segmentProblem(last); !problem.empty()) return problem;
        ++segments;
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    if (segments > kArchivePathSegments) return "is nested more than 5 deep";
    const std::size_t dot = last.rfind('.');
    if (dot == std::string_view::npos) return "has no file ending";
    const std::string_view extension = last.substr(dot);
    if (!isAllowedPackExtension(extension)) {
        return "ends in '" + std::string(extension) +
               "', a kind of file packs never hold (only .toml, .md, .svg, .png, .jpg, .jpeg, .mp4, .webm and .vtt)";
    }
    return {};
}

std::string shownArchivePath(std::string_view path) {
    constexpr std::size_t kShownBytes = 120;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string shown;
    for (const char c : path.substr(0, kShownBytes)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F) {
            shown += "\\x";
            shown += kHex[byte >> 4];
            shown += kHex[byte & 0xF];
        } else {
            shown += c;
        }
    }
    if (path.size() > kShownBytes) shown += "…";
    return shown;
}

}  // namespace kiosk::core
