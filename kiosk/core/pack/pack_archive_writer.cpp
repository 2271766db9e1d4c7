// Archiving is two passes over the pack's files: the first hashes them for the manifest, which
// must come first in the archive; the second copies them in and hashes them again, so a file an
// author saves in between fails the archive instead of going out with a wrong sha256.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/pack/archive_path.hpp"
#include "core/pack/pack_archive.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/pack/pack_manifest.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/sha256.hpp"

namespace kiosk::core {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr mode_t kArchivedFileMode = 0644;

struct SourceFile {
    std::string path;  // in the archive: "pages/start.toml"
    std::filesystem::path absolute;
    std::uint64_t size = 0;
    std::string sha256;
};

Error failure(ErrorCode code, const std::filesystem::path& file, std::string message, std::string hint = {}) {
    return Error{code, file.string(), 0, std::move(message), std::move(hint)};
}

std::string libarchiveMessage(archive* a) {
    const char* message = archive_error_string(a);
    return message != nullptr ? message : "unknown reason";
}

// Every file the archive will hold, sorted by its archive path (byte order, the same everywhere).
Result<std::vector<SourceFile>> listPackFiles(const std::filesystem::path& folder) {
    std::vector<SourceFile> files;
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(folder, std::filesystem::directory_options::none, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::filesystem::directory_entry& entry = *it;
        // Left out as loadPack leaves them out: editors' swap files, .git, .DS_Store.
        if (entry.path().filename().string().starts_with(".")) {
            if (entry.is_directory(ec) && !entry.is_symlink(ec)) it.disable_recursion_pending();
            continue;
        }
        const std::filesystem::file_status status = entry.symlink_status(ec);
        if (ec) break;
        if (std::filesystem::is_symlink(status)) {
            return failure(ErrorCode::Forbidden, entry.path(), "this is a link; a published pack holds only ordinary files",
                           "put a copy of the file it points to in its place");
        }
        if (std::filesystem::is_directory(status)) continue;
        if (!std::filesystem::is_regular_file(status)) {
            return failure(ErrorCode::Forbidden, entry.path(), "this is not an ordinary file (a device, a pipe or a socket)",
                           "remove it from the pack");
        }
        const std::string path = entry.path().lexically_relative(folder).generic_string();
        if (std::string problem = archivePathProblem(path); !problem.empty()) {
            return failure(ErrorCode::Forbidden, entry.path(), "the file name '" + shownArchivePath(path) + "' " + problem,
                           "rename it: published packs use lowercase a-z, 0-9, '-', '_' and '.' in names, "
                           "at most 5 levels deep and 200 characters");
        }
        files.push_back(SourceFile{path, entry.path(), 0, {}});
    }
    if (ec) {
        return failure(ErrorCode::FileUnreadable, folder, "the pack folder cannot be read completely: " + ec.message(),
                       "check that you may read every file in it");
    }
    std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    return files;
}

// Reads `file` in chunks into `sink` and returns its size and sha256; never through a link.
template <typename Sink>
Result<std::pair<std::uint64_t, std::string>> readFile(const std::filesystem::path& file, Sink&& sink) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return failure(ErrorCode::FileUnreadable, file, std::string("cannot open the file: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return failure(ErrorCode::Forbidden, file, "this is not an ordinary file", "remove it from the pack");
    }
    Sha256 hash;
    std::uint64_t size = 0;
    std::array<char, kChunk> buffer{};
    while (true) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            Error error = failure(ErrorCode::FileUnreadable, file, std::string("cannot read the file: ") + std::strerror(errno));
            ::close(fd);
            return error;
        }
        if (n == 0) break;
        const std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
        hash.update(chunk);
        size += chunk.size();
        if (std::optional<Error> error = sink(chunk)) {
            ::close(fd);
            return *error;
        }
    }
    ::close(fd);
    return std::pair{size, hash.hex()};
}

// Sizes and hashes of every file, held to the limits an extraction applies, so that nothing is
// published that kiosks would refuse.
std::optional<Error> measureFiles(std::vector<SourceFile>& files, const std::filesystem::path& folder, const PackArchiveLimits& limits) {
    if (files.size() > limits.fileCount) {
        return failure(ErrorCode::TooLarge, folder, "the pack has more than " + std::to_string(limits.fileCount) + " files",
                       "split it into several packs");
    }
    std::uint64_t total = 0;
    for (SourceFile& file : files) {
        auto measured = readFile(file.absolute, [](std::string_view) { return std::optional<Error>(); });
        if (!measured) return measured.error();
        file.size = measured.value().first;
        file.sha256 = measured.value().second;
        if (file.size > limits.fileBytes) {
            return failure(ErrorCode::TooLarge, file.absolute, "the file is larger than " + std::to_string(limits.fileBytes) + " bytes",
                           "make it smaller");
        }
        total += file.size;
        if (total > limits.totalBytes) {
            return failure(ErrorCode::TooLarge, folder, "the pack is larger than " + std::to_string(limits.totalBytes) + " bytes",
                           "make its pictures smaller, or split it");
        }
    }
    return std::nullopt;
}

// libarchive's output goes through here: into the temp file, and counted and hashed on the way,
// so the sha256 is of exactly the bytes written.
struct ArchiveOutput {
    AtomicFileWriter* file = nullptr;
    Sha256 hash;
    std::uint64_t length = 0;
    std::string error;
};

la_ssize_t writeCompressed(archive* a, void* data, const void* buffer, size_t length) {
    auto* output = static_cast<ArchiveOutput*>(data);
    const std::string_view bytes(static_cast<const char*>(buffer), length);
    if (std::string error = output->file->write(bytes); !error.empty()) {
        output->error = error;
        archive_set_error(a, EIO, "%s", error.c_str());
        return -1;
    }
    output->hash.update(bytes);
    output->length += length;
    return static_cast<la_ssize_t>(length);
}

using ArchiveWriter = std::unique_ptr<archive, int (*)(archive*)>;

// The settings that make the bytes depend on the files only (see writePackArchive).
std::optional<Error> configure(archive* a, const std::filesystem::path& outFile) {
    // "!timestamp": the gzip header's mtime is 0; libarchive's gzip header never has a file name.
    // bytes_in_last_block 1: no padding of the compressed output to libarchive's 10 KiB blocks.
    if (archive_write_set_format_pax_restricted(a) != ARCHIVE_OK || archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
        archive_write_set_options(a, "gzip:!timestamp,gzip:compression-level=9") != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK) {
        return failure(ErrorCode::WriteFailed, outFile,
                       "this libarchive cannot write a reproducible gzip-compressed tar: " + libarchiveMessage(a));
    }
    return std::nullopt;
}

std::optional<Error> addEntry(archive* a, const std::string& path, std::uint64_t size, const std::filesystem::path& outFile) {
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(), archive_entry_free);
    if (!entry) throw std::bad_alloc();
    archive_entry_set_pathname(entry.get(), path.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), kArchivedFileMode);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(size));
    archive_entry_set_mtime(entry.get(), 0, 0);
    archive_entry_set_uid(entry.get(), 0);
    archive_entry_set_gid(entry.get(), 0);
    if (archive_write_header(a, entry.get()) != ARCHIVE_OK) {
        return failure(ErrorCode::WriteFailed, outFile, "cannot write the archive entry '" + path + "': " + libarchiveMessage(a));
    }
    return std::nullopt;
}

std::optional<Error> addData(archive* a, std::string_view bytes, const std::filesystem::path& outFile) {
    if (archive_write_data(a, bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size())) {
        return failure(ErrorCode::WriteFailed, outFile, "cannot write the archive: " + libarchiveMessage(a),
                       "check the free space where the archive is written");
    }
    return std::nullopt;
}

Result<PackArchiveInfo> writeArchive(const PackManifest& manifest, const std::vector<SourceFile>& files,
                                     const std::filesystem::path& outFile) {
    const std::string manifestBytes = manifestJson(manifest);
    if (manifestBytes.size() > PackArchiveLimits{}.manifestBytes) {
        return failure(ErrorCode::TooLarge, outFile, "the manifest of this pack would be larger than kiosks accept",
                       "use fewer or shorter file names, or split the pack");
    }
    AtomicFileWriter file(outFile, 0644);
    if (std::string error = file.open(); !error.empty()) return failure(ErrorCode::WriteFailed, outFile, error);
    ArchiveOutput output;
    output.file = &file;
    ArchiveWriter writer(archive_write_new(), archive_write_free);
    if (!writer) throw std::bad_alloc();
    if (auto error = configure(writer.get(), outFile)) return *error;
    if (archive_write_open2(writer.get(), &output, nullptr, writeCompressed, nullptr, nullptr) != ARCHIVE_OK) {
        return failure(ErrorCode::WriteFailed, outFile, "cannot start the archive: " + libarchiveMessage(writer.get()));
    }
    if (auto error = addEntry(writer.get(), std::string(kManifestEntryName), manifestBytes.size(), outFile)) return *error;
    if (auto error = addData(writer.get(), manifestBytes, outFile)) return *error;
    for (const SourceFile& source : files) {
        if (auto error = addEntry(writer.get(), source.path, source.size, outFile)) return *error;
        std::uint64_t written = 0;
        auto copied = readFile(source.absolute, [&](std::string_view chunk) -> std::optional<Error> {
            // A file that grew since it was measured must not overrun its tar entry.
            written += chunk.size();
            if (written > source.size) return failure(ErrorCode::Damaged, source.absolute, "the file changed while the pack was archived");
            return addData(writer.get(), chunk, outFile);
        });
        if (!copied) return copied.error();
        if (copied.value().first != source.size || copied.value().second != source.sha256) {
            return failure(ErrorCode::Damaged, source.absolute, "the file changed while the pack was archived",
                           "archive the pack again when nobody is editing it");
        }
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK) {
        return failure(ErrorCode::WriteFailed, outFile,
                       !output.error.empty() ? output.error : "cannot finish the archive: " + libarchiveMessage(writer.get()));
    }
    if (std::string error = file.commit(); !error.empty()) return failure(ErrorCode::WriteFailed, outFile, error);
    return PackArchiveInfo{manifest.id, manifest.version, output.length, output.hash.hex(), files.size()};
}

}  // namespace

Result<PackArchiveInfo> writePackArchive(const std::filesystem::path& packFolder, const std::filesystem::path& outFile) {
    const PackReport report = loadPack(packFolder);
    if (report.hasErrors() || !report.pack) {
        const auto errors = std::count_if(report.problems.begin(), report.problems.end(), [](const Error& e) { return !e.isWarning(); });
        const auto first = std::find_if(report.problems.begin(), report.problems.end(), [](const Error& e) { return !e.isWarning(); });
        return failure(ErrorCode::InvalidValue, packFolder,
                       "the pack has " + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                           " and is not published" + (first != report.problems.end() ? "; the first: " + first->describe() : ""),
                       "fix them (kiosk pack validate shows them all) and archive the pack again");
    }
    auto files = listPackFiles(report.pack->folder);
    if (!files) return files.error();
    const PackArchiveLimits limits;
    if (auto error = measureFiles(files.value(), report.pack->folder, limits)) return *error;

    PackManifest manifest;
    manifest.id = report.pack->id;
    manifest.version = report.pack->version;
    for (const SourceFile& file : files.value()) manifest.files.push_back(PackManifestFile{file.path, file.size, file.sha256});
    return writeArchive(manifest, files.value(), outFile);
}

}  // namespace kiosk::core
