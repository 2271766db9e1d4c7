// File names can lie, so programs and fonts are also recognised by their first bytes.
#include "core/pack/archive_path.hpp"
#include "core/pack/pack_files.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "core/pack/pack_limits.hpp"
#include "core/util/small_file.hpp"

namespace kiosk::core {
namespace {

using namespace std::string_view_literals;

constexpr std::array kAllowedExtensions{".toml"sv, ".md"sv, ".svg"sv, ".png"sv, ".jpg"sv, ".jpeg"sv, ".mp4"sv, ".webm"sv, ".vtt"sv};

// Enough for every signature below: an ISO BMFF box header, a UTF-8 mark and "WEBVTT".
constexpr std::size_t kSniffBytes = 16;


std::string lowercaseExtension(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension;
}

}  // namespace

bool isAllowedPackExtension(std::string_view extension) {
    return std::find(kAllowedExtensions.begin(), kAllowedExtensions.end(), extension) != kAllowedExtensions.end();
}

std::string_view mediaContentMismatch(std::string_view extension, std::string_view firstBytes) {
    if (extension == ".mp4") {
        // ISO BMFF starts with a box: 4 bytes of size, then its type, "ftyp" first in every MP4.
        return firstBytes.size() >= 8 && firstBytes.substr(4, 4) == "ftyp" ? std::string_view() : "an MP4 video";
    }
    if (extension == ".webm") {
        return firstBytes.starts_with("\x1A\x45\xDF\xA3") ? std::string_view() : "a WebM video (EBML)";
    }
    if (extension == ".vtt") {
        std::string_view text = firstBytes;
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
        return text.starts_with("WEBVTT") ? std::string_view() : "WebVTT subtitles (starting with \"WEBVTT\")";
    }
    return {};
}

// What the first bytes say the file is, when it is something a pack must never carry.
std::string_view forbiddenContentKind(std::string_view firstBytes) {
    const std::string_view magic = firstBytes.substr(0, 4);
    if (magic.starts_with("\x7F" "ELF") || magic.starts_with("MZ")) return "a program";
    if (magic.starts_with("#!")) return "a script";
    if (magic == std::string_view("\0\1\0\0", 4) || magic == "OTTO" || magic == "true" || magic == "ttcf" ||
        magic == "wOFF" || magic == "wOF2") {
        return "a font";
    }
    // Archives and compressed streams: a bomb or a hidden payload that no check below looks into
    // (a PNG, an MP4 or a WebM starts with its own signature, never with one of these).
    if (magic.starts_with("\x1F\x8B")) return "compressed data (gzip)";
    if (magic == "PK\x03\x04" || magic == "PK\x05\x06") return "compressed data (zip)";
    if (magic == "\xFD" "7zX") return "compressed data (xz)";
    if (magic == "\x28\xB5\x2F\xFD") return "compressed data (zstd)";
    if (magic == "7z\xBC\xAF") return "compressed data (7-Zip)";
    if (magic.size() == 4 && magic.starts_with("BZh") && magic[3] >= '1' && magic[3] <= '9') return "compressed data (bzip2)";
    return {};
}

void checkPackFiles(const std::filesystem::path& folder, Diagnostics& problems) {
    auto report = [&problems](ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint) {
        problems.push_back(Error{code, file.string(), 0, std::move(message), std::move(hint)});
    };
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(folder, std::filesystem::directory_options::none, ec);
    std::uintmax_t totalBytes = 0;
    std::size_t fileCount = 0;
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::filesystem::directory_entry& entry = *it;
        const std::filesystem::path& path = entry.path();
        // Editors leave hidden files (".file.swp") next to what they edit; the kiosk never reads them.
        if (path.filename().string().starts_with(".")) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it.depth() >= limits::kFolderDepth) {
            report(ErrorCode::TooLarge, path, "folders are nested more than 8 deep", "keep the pack's folders flat");
            it.disable_recursion_pending();
            continue;
        }
        if (entry.is_symlink(ec)) {
            // Followed by nothing: a link could lead anywhere on the kiosk. Image references that
            // resolve through a link are checked where they are read.
            const auto target = std::filesystem::weakly_canonical(path, ec).lexically_relative(folder);
            if (ec || target.empty() || *target.begin() == "..") {
                report(ErrorCode::Forbidden, path, "this is a link to something outside the pack",
                       "copy the file into the pack instead of linking to it");
            }
            continue;
        }
        if (entry.is_directory(ec)) continue;
        if (!entry.is_regular_file(ec)) {
            report(ErrorCode::Forbidden, path, "this is not an ordinary file (a device or a pipe)", "remove it from the pack");
            continue;
        }
        if (++fileCount > limits::kPackFiles) break;  // enough to know; the rest need not be looked at
        totalBytes += entry.file_size(ec);
        std::string readError;
        const std::optional<std::string> firstBytes = readFileStart(path, kSniffBytes, readError);
        if (!firstBytes) {
            report(ErrorCode::FileUnreadable, path, "this file " + readError, kUnreadablePackFileHint);
            continue;
        }
        const std::string& head = *firstBytes;
        const std::string_view kind = forbiddenContentKind(head);
        if (!kind.empty()) {
            report(ErrorCode::Forbidden, path, "this file is " + std::string(kind) + ", which a pack must never contain",
                   "remove it; packs hold only texts, pictures, clips and subtitles");
            continue;
        }
        const std::string extension = lowercaseExtension(path);
        if (!isAllowedPackExtension(extension)) {
            report(ErrorCode::Forbidden, path, "files of this kind do not belong in a pack",
                   "packs hold only .toml, .md, .svg, .png, .jpg, .mp4, .webm and .vtt files; remove it or convert it");
            continue;
        }
        // Clips and subtitles are opened by FFmpeg and the player: their bytes must be what the name says.
        if (const std::string_view expected = mediaContentMismatch(extension, head); !expected.empty()) {
            report(ErrorCode::InvalidValue, path, "this file's name says it is " + std::string(expected) + ", but its content is not",
                   "export it again in that format, or give it the ending of what it is");
            continue;
        }
        // Shown from a content folder as it is, but `kiosk catalog publish` refuses the name: said
        // now, not when the author is about to publish.
        const std::string relative = std::filesystem::relative(path, folder, ec).generic_string();
        if (const std::string why = archivePathProblem(relative); !ec && !why.empty()) {
            problems.push_back(Error{ErrorCode::InvalidValue, path.string(), 0, "this file name cannot be published to kiosks: it " + why,
                                     "use lowercase letters, digits, '-', '_' and '.', at most 5 folders deep", 0, Severity::Warning});
        }
    }
    if (ec) report(ErrorCode::FileUnreadable, folder, "the pack folder cannot be read completely: " + ec.message(),
                   "check that the kiosk's user may read every file in it");
    if (fileCount > limits::kPackFiles) {
        report(ErrorCode::TooLarge, folder, "the pack has more than 20,000 files",
               "split it into several packs");
    }
    if (totalBytes > limits::kPackBytes) {
        report(ErrorCode::TooLarge, folder, "the pack is larger than 200 MiB", "make its pictures smaller, or split it");
    }
}

}  // namespace kiosk::core
