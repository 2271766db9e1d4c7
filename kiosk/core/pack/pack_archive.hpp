// A pack as one file for the signed sync (DESIGN.md §5): a deterministic gzip-compressed tar that
// starts with manifest.json, and the extraction that writes exactly the files its manifest names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/pack/pack_limits.hpp"
#include "core/util/result.hpp"

namespace kiosk::core {

// One file of a pack as the archive's manifest.json describes it.
struct PackManifestFile {
    std::string path;  // "pages/start.toml": relative, '/'-separated, in the strict grammar of archive_path.hpp
    std::uint64_t size = 0;
    std::string sha256;  // 64 lowercase hex digits

    bool operator==(const PackManifestFile&) const = default;
};

// manifest.json: {"format": "showroom-kiosk-pack", "format_version": 1, "id", "version", "files"}.
struct PackManifest {
    std::string id;
    std::string version;
    std::vector<PackManifestFile> files;  // sorted by path; manifest.json itself is not listed

    bool operator==(const PackManifest&) const = default;
};

struct PackArchiveInfo {
    std::string id;
    std::string version;
    std::uint64_t length = 0;  // of the archive file, in bytes: what the catalog pins
    std::string sha256;        // of the archive file, hex: what the catalog pins
    std::size_t fileCount = 0;  // the pack's files, manifest.json not counted
};

// What an extraction accepts at most. The defaults are the pack limits (content/FORMAT.md, "Limits"),
// so every pack that passes `kiosk pack validate` fits, and the writer refuses what would not.
struct PackArchiveLimits {
    std::uint64_t totalBytes = limits::kPackBytes;
    std::size_t fileCount = limits::kPackFiles;
    std::uint64_t fileBytes = limits::kImageBytes;  // the largest file a pack may hold: a 10 MiB picture
    // 20,000 entries of about 150 bytes; a manifest parsed whole must stay small next to the pack.
    std::size_t manifestBytes = 4 * 1024 * 1024;
};

// Archives a valid pack folder into `outFile`, atomically (temp file beside it, fsync, rename). The
// same files give the same bytes on any machine at any time: paths sorted, mtime 0, owner 0 without
// names, mode 0644, no folder entries, gzip without time or name. Refused (nothing written): a pack
// with errors (loadPack), links, devices and other non-files, names outside the archive grammar.
// Hidden files (".notes.md.swp") are left out, as the kiosk leaves them out when it loads a folder.
Result<PackArchiveInfo> writePackArchive(const std::filesystem::path& packFolder, const std::filesystem::path& outFile);

// Extracts the archive open at `fd` (read from offset 0, sequentially; the caller has verified its
// length and sha256 through this same descriptor, so a file swapped on disk since has no effect)
// into `destination`, which must exist and be empty. Only regular files named in the manifest,
// each exactly once with its declared size and sha256, written with O_EXCL|O_NOFOLLOW below
// `destination` and fsynced with their folders. On any error everything written is removed and
// the Error names the entry ("pages/start.toml", "manifest.json"; empty for the archive as a
// whole). The extracted folder still has to pass loadPack: this checks the archive, not the pack.
Result<PackManifest> extractPackArchive(int fd, const std::filesystem::path& destination,
                                        const PackArchiveLimits& limits = {});

}  // namespace kiosk::core
