// Extraction in two libarchive layers: the first only inflates gzip, the second reads tar from the
// bytes the first hands over. Through that hand-over the kiosk sees every decompressed byte, so it
// can cap them, notice anything after the tar's end, check the gzip trailer's CRC-32 and length
// (libarchive 3.6 does not), and know how much of the file was compressed data (what is left is
// trailing garbage). Nothing here writes to disk but ExtractionFolder.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <new>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/pack/archive_path.hpp"
#include "core/pack/extraction_folder.hpp"
#include "core/pack/pack_archive.hpp"
#include "core/pack/pack_files.hpp"
#include "core/pack/pack_manifest.hpp"
#include "core/util/sha256.hpp"

namespace kiosk::core {
namespace {

// Compressed bytes per read(): small, so that a refused bomb has read little of its file.
constexpr std::size_t kReadBlock = 16 * 1024;
// Decompressed bytes per step through the layers, and per write to disk.
constexpr std::size_t kChunk = 64 * 1024;
// The tar header, a pax header and padding of one entry: a few hundred bytes for names in the
// archive grammar, so this is generous; what goes beyond is data the manifest does not account for.
constexpr std::uint64_t kEntryOverhead = 8 * 1024;

constexpr const char* kRefusedHint = "nothing of it was installed; publish the pack again with kiosk's archiver";
constexpr const char* kUnreadableHint = "the disk or the USB stick may be failing: copy the pack again, or sync again";

using Archive = std::unique_ptr<archive, int (*)(archive*)>;

Error refused(ErrorCode code, std::string file, std::string message) {
    return Error{code, std::move(file), 0, std::move(message), kRefusedHint};
}

std::string libarchiveMessage(archive* a, const char* otherwise) {
    const char* message = archive_error_string(a);
    return message != nullptr && *message != '\0' ? message : otherwise;
}

struct CompressedInput {
    int fd = -1;
    std::array<char, kReadBlock> buffer{};
    // The system's error of a failed read: libarchive's gzip filter reports one as "truncated
    // gzip input", which would blame the publisher for a failing disk or stick.
    int readErrno = 0;
};

la_ssize_t readCompressed(archive* a, void* data, const void** block) {
    auto* input = static_cast<CompressedInput*>(data);
    while (true) {
        const ssize_t n = ::read(input->fd, input->buffer.data(), input->buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            input->readErrno = errno;
            archive_set_error(a, errno, "cannot read the archive: %s", std::strerror(errno));
            return -1;
        }
        *block = input->buffer.data();
        return n;
    }
}

struct TarInput {
    archive* gzip = nullptr;
    std::array<char, kChunk> buffer{};
    std::uint64_t delivered = 0;
    std::uint64_t budget = 0;
    bool overBudget = false;
    uLong crc32 = ::crc32(0, Z_NULL, 0);  // of everything delivered, for the gzip trailer
    std::uint64_t zerosAtEnd = 0;        // how many of the last bytes delivered are zero
};

// A tar archive ends with two zero blocks; libarchive also accepts one that just stops, which is
// what a tar cut off between two entries looks like.
constexpr std::uint64_t kTarEndMarker = 2 * 512;

la_ssize_t readDecompressed(archive* tar, void* data, const void** block) {
    auto* input = static_cast<TarInput*>(data);
    const la_ssize_t n = archive_read_data(input->gzip, input->buffer.data(), input->buffer.size());
    if (n < 0) {
        archive_set_error(tar, EINVAL, "%s", libarchiveMessage(input->gzip, "the compressed data ends early").c_str());
        return -1;
    }
    input->delivered += static_cast<std::uint64_t>(n);
    const std::string_view chunk(input->buffer.data(), static_cast<std::size_t>(n));
    input->crc32 = ::crc32(input->crc32, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    const std::size_t lastNonZero = chunk.find_last_not_of('\0');
    input->zerosAtEnd = lastNonZero == std::string_view::npos ? input->zerosAtEnd + chunk.size() : chunk.size() - 1 - lastNonZero;
    if (input->delivered > input->budget) {
        input->overBudget = true;
        archive_set_error(tar, EINVAL, "it holds more data than its manifest declares");
        return -1;
    }
    *block = input->buffer.data();
    return n;
}

// Why an entry is not a plain file, or empty when it is one. Hard links first: tar stores them as
// "regular" entries with a link name, and extracting one would have to trust its target.
std::string entryKindProblem(archive_entry* entry) {
    if (const char* target = archive_entry_hardlink(entry)) {
        return "is a hard link (to '" + shownArchivePath(target) + "')";
    }
    switch (archive_entry_filetype(entry)) {
        case AE_IFREG:
            break;
        case AE_IFLNK: {
            const char* target = archive_entry_symlink(entry);
            return "is a symbolic link (to '" + shownArchivePath(target != nullptr ? target : "") + "')";
        }
        case AE_IFDIR:
            return "is a folder entry; pack archives hold only files";
        case AE_IFCHR:
        case AE_IFBLK:
            return "is a device";
        case AE_IFIFO:
            return "is a FIFO (a named pipe)";
        case AE_IFSOCK:
            return "is a socket";
        default:
            return "is not a regular file";
    }
    if (archive_entry_sparse_count(entry) > 0) return "is stored as a sparse file";
    if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0) return "has no size";
    return {};
}

class Extraction {
public:
    Extraction(int fd, ExtractionFolder& folder, const PackArchiveLimits& limits)
        : m_folder(folder), m_limits(limits), m_gzip(nullptr, archive_read_free), m_tar(nullptr, archive_read_free) {
        m_compressed.fd = fd;
    }

    Result<PackManifest> run() {
        if (auto error = open()) return *error;
        auto manifest = readManifestEntry();
        if (!manifest) return manifest.error();
        if (auto error = extractFiles(manifest.value())) return *error;
        if (auto error = checkNothingFollows()) return *error;
        return manifest;
    }

private:
    std::optional<Error> open() {
        struct stat info {};
        if (::fstat(m_compressed.fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            return refused(ErrorCode::FileUnreadable, "", "the pack archive is not an open regular file");
        }
        m_fileSize = static_cast<std::uint64_t>(info.st_size);
        if (::lseek(m_compressed.fd, 0, SEEK_SET) != 0) {
            return refused(ErrorCode::FileUnreadable, "", std::string("cannot read the pack archive from its start: ") + std::strerror(errno));
        }
        m_gzip.reset(archive_read_new());
        m_tar.reset(archive_read_new());
        if (!m_gzip || !m_tar) throw std::bad_alloc();
        // Without zlib libarchive would answer ARCHIVE_WARN and run an external gzip program.
        if (archive_read_support_filter_gzip(m_gzip.get()) != ARCHIVE_OK || archive_read_support_format_raw(m_gzip.get()) != ARCHIVE_OK ||
            archive_read_support_format_tar(m_tar.get()) != ARCHIVE_OK) {
            return refused(ErrorCode::Damaged, "", "this libarchive cannot read gzip-compressed tar archives by itself");
        }
        m_tarInput.gzip = m_gzip.get();
        m_tarInput.budget = m_limits.manifestBytes + kEntryOverhead + 2 * kChunk;
        archive_entry* raw = nullptr;
        if (archive_read_open2(m_gzip.get(), &m_compressed, nullptr, readCompressed, nullptr, nullptr) != ARCHIVE_OK ||
            archive_read_next_header(m_gzip.get(), &raw) != ARCHIVE_OK) {
            if (m_compressed.readErrno != 0) return unreadable("");
            return refused(ErrorCode::Damaged, "", "the pack archive is damaged: " + libarchiveMessage(m_gzip.get(), "it ends early"));
        }
        if (archive_filter_count(m_gzip.get()) < 2 || archive_filter_code(m_gzip.get(), 0) != ARCHIVE_FILTER_GZIP) {
            return refused(ErrorCode::Damaged, "", "the pack archive is not gzip-compressed");
        }
        // libarchive peels every gzip layer it finds; a second one is a bomb's way to multiply.
        if (archive_filter_count(m_gzip.get()) > 2) {
            return refused(ErrorCode::Damaged, "", "the pack archive is compressed twice (gzip inside gzip)");
        }
        if (archive_read_open2(m_tar.get(), &m_tarInput, nullptr, readDecompressed, nullptr, nullptr) != ARCHIVE_OK) {
            return damaged("", "");
        }
        return std::nullopt;
    }

    // A read of the archive file failed: the disk or the stick, not the archive.
    Error unreadable(const std::string& file) const {
        return Error{ErrorCode::FileUnreadable, file, 0, std::string("the pack archive cannot be read: ") + std::strerror(m_compressed.readErrno),
                     kUnreadableHint};
    }

    // The tar layer's failure, worded by what went wrong: too much data, or broken data. `where`
    // (" in 'pages/a.toml'") says where in the archive it happened.
    Error damaged(const std::string& file, const std::string& where) const {
        if (m_compressed.readErrno != 0) return unreadable(file);
        if (m_tarInput.overBudget) {
            return refused(ErrorCode::Damaged, file, "the pack archive holds more data than its manifest declares" + where);
        }
        return refused(ErrorCode::Damaged, file,
                       "the pack archive is damaged" + where + ": " + libarchiveMessage(m_tar.get(), "it ends early"));
    }

    // The next entry; nullptr at the end of the archive or with `error` set. An entry libarchive
    // warned about (a name it could not convert, a header it had to guess at) comes with `warning`:
    // refused too, but only after its name and kind, which say more, have been looked at.
    archive_entry* nextEntry(std::optional<Error>& error, std::string& warning, const std::string& after) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(m_tar.get(), &entry);
        warning.clear();
        if (status == ARCHIVE_EOF) return nullptr;
        if (status == ARCHIVE_WARN && entry != nullptr) {
            warning = libarchiveMessage(m_tar.get(), "libarchive could not read its header cleanly");
            return entry;
        }
        if (status != ARCHIVE_OK) {
            error = damaged("", after.empty() ? "" : " after '" + after + "'");
            return nullptr;
        }
        return entry;
    }

    // The name as stored (pax names are UTF-8), not as converted to the process's locale.
    static std::string entryName(archive_entry* entry) {
        if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
        const char* name = archive_entry_pathname(entry);
        return name != nullptr ? name : "";
    }

    // Reads the entry's data, at most `declared` + 1 bytes whatever its header says, into `sink`.
    template <typename Sink>
    std::optional<Error> readData(const std::string& name, std::uint64_t declared, Sink&& sink) {
        std::array<char, kChunk> buffer{};
        std::uint64_t count = 0;
        while (true) {
            const std::uint64_t wanted = std::min<std::uint64_t>(buffer.size(), declared + 1 - count);
            const la_ssize_t n = archive_read_data(m_tar.get(), buffer.data(), static_cast<std::size_t>(wanted));
            if (n < 0) return damaged(name, " in '" + name + "'");
            if (n == 0) break;
            count += static_cast<std::uint64_t>(n);
            if (count > declared) {
                return refused(ErrorCode::Damaged, name, "'" + name + "' is larger than the " + std::to_string(declared) +
                                                             " bytes its manifest declares");
            }
            if (auto error = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return error;
        }
        if (count != declared) {
            return refused(ErrorCode::Damaged, name, "'" + name + "' has " + std::to_string(count) + " of the " +
                                                         std::to_string(declared) + " bytes its manifest declares");
        }
        return std::nullopt;
    }

    Result<PackManifest> readManifestEntry() {
        std::optional<Error> error;
        std::string warning;
        archive_entry* entry = nextEntry(error, warning, "");
        if (error) return *error;
        if (entry == nullptr) return refused(ErrorCode::Damaged, "", "the pack archive has no entries");
        const std::string name = entryName(entry);
        if (name != kManifestEntryName) {
            return refused(ErrorCode::InvalidValue, shownArchivePath(name),
                           "the pack archive starts with '" + shownArchivePath(name) + "', not with manifest.json");
        }
        if (std::string problem = entryKindProblem(entry); !problem.empty()) {
            return refused(ErrorCode::Forbidden, name, "manifest.json " + problem);
        }
        if (!warning.empty()) return refused(ErrorCode::Damaged, name, "the header of manifest.json is damaged: " + warning);
        const auto declared = static_cast<std::uint64_t>(archive_entry_size(entry));
        if (declared > m_limits.manifestBytes) {
            return refused(ErrorCode::TooLarge, name, "manifest.json is " + std::to_string(declared) + " bytes; at most " +
                                                          std::to_string(m_limits.manifestBytes) + " are allowed");
        }
        std::string bytes;
        if (auto readError = readData(name, declared, [&bytes](std::string_view chunk) -> std::optional<Error> {
                bytes += chunk;
                return std::nullopt;
            })) {
            return *readError;
        }
        auto manifest = parseManifest(bytes, m_limits);
        if (!manifest) {
            Error refusal = manifest.error();
            refusal.hint = kRefusedHint;
            return refusal;
        }
        std::uint64_t dataBytes = declared;
        for (const PackManifestFile& file : manifest.value().files) dataBytes += file.size;
        m_tarInput.budget = dataBytes + (manifest.value().files.size() + 1) * kEntryOverhead + 2 * kChunk;
        return manifest;
    }

    std::optional<Error> extractFiles(const PackManifest& manifest) {
        std::map<std::string, const PackManifestFile*, std::less<>> expected;
        for (const PackManifestFile& file : manifest.files) expected.emplace(file.path, &file);
        std::map<std::string, bool, std::less<>> seen;
        std::string previous(kManifestEntryName);
        std::optional<Error> error;
        std::string warning;
        while (archive_entry* entry = nextEntry(error, warning, previous)) {
            const std::string name = entryName(entry);
            const std::string shown = shownArchivePath(name);
            // The kind first: "is a symbolic link" says more about an entry "images" than its name does.
            if (std::string problem = entryKindProblem(entry); !problem.empty()) {
                return refused(ErrorCode::Forbidden, shown, "the entry '" + shown + "' " + problem);
            }
            if (std::string problem = archivePathProblem(name); !problem.empty()) {
                return refused(ErrorCode::Forbidden, shown, "the entry '" + shown + "' " + problem);
            }
            if (!warning.empty()) return refused(ErrorCode::Damaged, name, "the header of '" + name + "' is damaged: " + warning);
            const auto found = expected.find(name);
            if (found == expected.end()) {
                return refused(ErrorCode::Forbidden, name, "the entry '" + name + "' is not listed in the archive's manifest");
            }
            if (!seen.emplace(name, true).second) {
                return refused(ErrorCode::InvalidValue, name, "the entry '" + name + "' is in the archive twice");
            }
            const PackManifestFile& file = *found->second;
            const auto headerSize = static_cast<std::uint64_t>(archive_entry_size(entry));
            if (headerSize != file.size) {
                // Refused before a byte is inflated: a bomb announces itself in its header.
                return refused(ErrorCode::Damaged, name, "'" + name + "' is " + std::to_string(headerSize) +
                                                             " bytes in the archive but " + std::to_string(file.size) +
                                                             " in its manifest");
            }
            if (auto fileError = extractFile(file)) return fileError;
            previous = name;
        }
        if (error) return error;
        for (const PackManifestFile& file : manifest.files) {
            if (seen.count(file.path) == 0) {
                const std::size_t missing = manifest.files.size() - seen.size();
                return refused(ErrorCode::BrokenReference, file.path,
                               "'" + file.path + "' is listed in the manifest but not in the archive" +
                                   (missing > 1 ? " (and " + std::to_string(missing - 1) + " more files)" : ""));
            }
        }
        return std::nullopt;
    }

    std::optional<Error> extractFile(const PackManifestFile& file) {
        auto created = m_folder.createFile(file.path);
        if (!created) return created.error();
        ExtractedFile& out = created.value();
        Sha256 hash;
        std::string head;  // the first bytes, for the check that needs four of them
        bool headChecked = false;
        auto checkHead = [&]() -> std::optional<Error> {
            headChecked = true;
            const std::string_view kind = forbiddenContentKind(head);
            if (kind.empty()) return std::nullopt;
            return refused(ErrorCode::Forbidden, file.path,
                           "'" + file.path + "' is " + std::string(kind) + ", which a pack must never contain");
        };
        auto error = readData(file.path, file.size, [&](std::string_view chunk) -> std::optional<Error> {
            if (!headChecked) {
                head += chunk.substr(0, 4 - std::min<std::size_t>(head.size(), 4));
                if (head.size() >= 4) {
                    if (auto kindError = checkHead()) return kindError;
                }
            }
            hash.update(chunk);
            return out.write(chunk);
        });
        if (error) return error;
        if (!headChecked) {
            if (auto kindError = checkHead()) return kindError;
        }
        if (const std::string actual = hash.hex(); actual != file.sha256) {
            return refused(ErrorCode::Damaged, file.path, "'" + file.path + "' has the sha256 " + actual +
                                                              ", not the " + file.sha256 + " its manifest declares");
        }
        return out.finish();
    }

    // Our archives end with the tar end marker and the gzip trailer; anything after either is
    // data no manifest vouches for, so the archive is refused rather than half-understood.
    std::optional<Error> checkNothingFollows() {
        const la_int64_t parsed = archive_filter_bytes(m_tar.get(), 0);
        std::array<char, 1> probe{};
        const la_ssize_t more = archive_read_data(m_gzip.get(), probe.data(), probe.size());
        if (more < 0) {
            if (m_compressed.readErrno != 0) return unreadable("");
            return refused(ErrorCode::Damaged, "", "the pack archive is damaged after its last file: " +
                                                       libarchiveMessage(m_gzip.get(), "it ends early"));
        }
        if (parsed < 0 || static_cast<std::uint64_t>(parsed) != m_tarInput.delivered || more > 0) {
            return refused(ErrorCode::Damaged, "", "the pack archive has data after the end of its tar archive");
        }
        const la_int64_t compressed = archive_filter_bytes(m_gzip.get(), -1);
        if (compressed < 0 || static_cast<std::uint64_t>(compressed) > m_fileSize) {
            return refused(ErrorCode::Damaged, "", "the pack archive changed while it was read");
        }
        if (const std::uint64_t trailing = m_fileSize - static_cast<std::uint64_t>(compressed); trailing > 0) {
            return refused(ErrorCode::Damaged, "", "the pack archive has " + std::to_string(trailing) +
                                                       " bytes after the end of its compressed data");
        }
        if (m_tarInput.zerosAtEnd < kTarEndMarker) {
            return refused(ErrorCode::Damaged, "", "the pack archive ends without the end marker of its tar archive: it was cut off");
        }
        return checkGzipTrailer();
    }

    // The last 8 bytes of the file (nothing follows the compressed data, checked before): the
    // CRC-32 and the length, modulo 2^32, of everything the gzip layer inflated.
    std::optional<Error> checkGzipTrailer() const {
        std::array<unsigned char, 8> trailer{};
        if (m_fileSize < trailer.size()) return refused(ErrorCode::Damaged, "", "the pack archive's gzip trailer is missing");
        const ssize_t n = ::pread(m_compressed.fd, trailer.data(), trailer.size(), static_cast<off_t>(m_fileSize - trailer.size()));
        if (n < 0) {
            return Error{ErrorCode::FileUnreadable, "", 0, std::string("the pack archive's gzip trailer cannot be read: ") + std::strerror(errno),
                         kUnreadableHint};
        }
        if (n != static_cast<ssize_t>(trailer.size())) return refused(ErrorCode::Damaged, "", "the pack archive changed while it was read");
        auto littleEndian = [&trailer](std::size_t at) {
            return std::uint32_t{trailer[at]} | std::uint32_t{trailer[at + 1]} << 8 | std::uint32_t{trailer[at + 2]} << 16 |
                   std::uint32_t{trailer[at + 3]} << 24;
        };
        if (littleEndian(0) != static_cast<std::uint32_t>(m_tarInput.crc32)) {
            return refused(ErrorCode::Damaged, "", "the pack archive is damaged: its gzip checksum (CRC-32) does not match its data");
        }
        if (littleEndian(4) != static_cast<std::uint32_t>(m_tarInput.delivered)) {
            return refused(ErrorCode::Damaged, "", "the pack archive is damaged: its gzip trailer gives the wrong length (" +
                                                       std::to_string(littleEndian(4)) + " bytes, not " +
                                                       std::to_string(static_cast<std::uint32_t>(m_tarInput.delivered)) + ")");
        }
        return std::nullopt;
    }

    ExtractionFolder& m_folder;
    const PackArchiveLimits& m_limits;
    CompressedInput m_compressed;
    TarInput m_tarInput;
    Archive m_gzip;
    Archive m_tar;
    std::uint64_t m_fileSize = 0;
};

}  // namespace

Result<PackManifest> extractPackArchive(int fd, const std::filesystem::path& destination, const PackArchiveLimits& limits) {
    auto folder = ExtractionFolder::open(destination);
    if (!folder) return folder.error();
    // Freed before the folder: libarchive holds no descriptor of it, but the order keeps it obvious.
    auto manifest = [&] {
        Extraction extraction(fd, folder.value(), limits);
        return extraction.run();
    }();
    if (!manifest) return manifest.error();  // the folder's destructor removes what was written
    if (auto error = folder.value().commit()) return *error;
    return manifest;
}

}  // namespace kiosk::core
