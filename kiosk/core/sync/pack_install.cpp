#include "core/sync/pack_install.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "core/pack/pack_archive.hpp"
#include "core/pack/pack_loader.hpp"
#include "core/util/file_descriptor.hpp"
#include "core/util/sha256.hpp"

namespace kiosk::core {
namespace {

Error packError(const CatalogPack& pack, ErrorCode code, std::string message, std::string hint = {}) {
    return Error{code, pack.id + " " + pack.version, 0, std::move(message), std::move(hint)};
}

// The sha256 of what `fd` holds from its start, read through `fd` itself.
std::optional<std::string> hashThrough(int fd, std::int64_t& length) {
    if (::lseek(fd, 0, SEEK_SET) != 0) return std::nullopt;
    Sha256 hash;
    std::array<char, 64 * 1024> buffer{};
    length = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        length += n;
    }
    return hash.hex();
}

// `error` with its file named inside the pack ("pages/start.toml"), not by the staging folder it
// was checked in, which is gone by the time anybody reads the message.
Error inPack(Error error, const std::filesystem::path& unpacked) {
    std::error_code ec;
    const std::filesystem::path relative = std::filesystem::path(error.file).lexically_relative(std::filesystem::weakly_canonical(unpacked, ec));
    if (!ec && !relative.empty() && *relative.begin() != "..") error.file = relative.generic_string();
    return error;
}

// Downloads what is missing of `partFile`; returns the bytes fetched.
Result<std::int64_t> download(const CatalogPack& pack, const std::string& url, const std::filesystem::path& partFile, Transport& transport) {
    std::int64_t fetched = 0;
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::error_code ec;
        std::int64_t have = std::filesystem::exists(partFile, ec) ? static_cast<std::int64_t>(std::filesystem::file_size(partFile, ec)) : 0;
        if (have >= pack.length) {  // complete (checked by the caller) or longer than it may be
            if (have == pack.length) return fetched;
            std::filesystem::remove(partFile, ec);
            have = 0;
        }
        UniqueFd fd(::open(partFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600));
        if (fd.get() < 0) return packError(pack, ErrorCode::WriteFailed, "cannot write " + partFile.string() + ": " + std::strerror(errno), "check the free disk space");
        bool writeFailed = false;
        FetchRequest request{url, pack.length - have, {}, have};
        auto response = transport.get(request, [&](std::string_view chunk) {
            if (!writeAll(fd.get(), chunk)) {
                writeFailed = true;
                return false;
            }
            return true;
        });
        if (writeFailed) return packError(pack, ErrorCode::WriteFailed, "cannot write " + partFile.string() + ": " + std::strerror(errno), "check the free disk space");
        if (!response) {
            // Longer than declared: nothing of it is kept. Broken off: the part waits for a resume.
            if (response.error().code == ErrorCode::TooLarge) std::filesystem::remove(partFile, ec);
            return response.error();
        }
        fetched += response.value().bytes;
        const long status = response.value().status;
        if (status == 200 && have > 0) {  // the server ignored Range: start again from the first byte
            std::filesystem::remove(partFile, ec);
            continue;
        }
        if (status != 200 && status != 206) {
            // No byte of an error answer reaches the part (Transport's rule), so what it holds is
            // still the archive's start: a 500 or a 404 while the server is being republished
            // must not cost a resume. Only 416 says the part cannot be the start of that file.
            if (status == 416) std::filesystem::remove(partFile, ec);
            return packError(pack, ErrorCode::Unavailable, url + ": the server answered HTTP " + std::to_string(status),
                             status == 404 ? "the catalog names an archive the server does not have: publish again" : "it is tried again later");
        }
        if (::fsync(fd.get()) != 0) return packError(pack, ErrorCode::WriteFailed, "cannot save " + partFile.string() + ": " + std::strerror(errno));
        return fetched;
    }
    return packError(pack, ErrorCode::Unavailable, url + ": the server restarted the download twice", "it is tried again later");
}

}  // namespace

Result<InstallOutcome> installPack(const CatalogPack& pack, const std::string& baseUrl, const ContentStore& store, Transport& transport) {
    InstallOutcome outcome;
    const PackVersion target{pack.id, pack.version};
    if (store.isInstalled(target)) return outcome;
    if (pack.length < 1) {  // verifyCatalog refuses it too; an empty file would be no archive at all
        return packError(pack, ErrorCode::Damaged, "the catalog declares " + std::to_string(pack.length) + " bytes for the archive, which is no pack",
                         "the publisher must publish the pack again");
    }
    if (pack.length > kMaxPackArchiveBytes) {
        return packError(pack, ErrorCode::TooLarge, "the catalog declares " + std::to_string(pack.length) + " bytes, more than a pack may have",
                         "the publisher must check the pack");
    }
    const std::filesystem::path staging = store.stagingFolder();
    const std::string stem = pack.id + "-" + pack.version;
    const std::filesystem::path partFile = staging / (stem + ".tar.gz.part");
    auto fetched = download(pack, baseUrl + pack.path, partFile, transport);
    if (!fetched) return fetched.error();
    outcome.bytesFetched = fetched.value();

    // Checked and extracted through one descriptor: what is verified is what is unpacked.
    UniqueFd fd(::open(partFile.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    std::error_code ec;
    if (fd.get() < 0) return packError(pack, ErrorCode::FileUnreadable, "cannot read " + partFile.string() + ": " + std::strerror(errno));
    std::int64_t length = 0;
    const auto sha256 = hashThrough(fd.get(), length);
    if (!sha256) {
        const std::string why = std::strerror(errno);
        std::filesystem::remove(partFile, ec);
        return packError(pack, ErrorCode::FileUnreadable, "the archive cannot be read back from " + staging.string() + ": " + why,
                         "nothing of it is used; it is fetched again on the next sync (check the disk if this repeats)");
    }
    if (length != pack.length || *sha256 != pack.sha256) {
        std::filesystem::remove(partFile, ec);
        return packError(pack, ErrorCode::Damaged,
                         "the archive is not the one the catalog signed (" + std::to_string(length) + " bytes, sha256 " + sha256->substr(0, 12) + "…)",
                         "nothing of it is used; it is fetched again on the next sync");
    }
    if (::lseek(fd.get(), 0, SEEK_SET) != 0) return packError(pack, ErrorCode::FileUnreadable, "cannot read " + partFile.string());

    const std::filesystem::path unpacked = staging / (stem + ".unpacked");
    std::filesystem::remove_all(unpacked, ec);
    std::filesystem::create_directory(unpacked, ec);
    std::filesystem::permissions(unpacked, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
    auto manifest = extractPackArchive(fd.get(), unpacked);
    std::filesystem::remove(partFile, ec);
    if (!manifest) {
        std::filesystem::remove_all(unpacked, ec);
        return manifest.error();
    }
    if (manifest.value().id != pack.id || manifest.value().version != pack.version) {
        std::filesystem::remove_all(unpacked, ec);
        return packError(pack, ErrorCode::Damaged, "the archive holds pack " + manifest.value().id + " " + manifest.value().version + ", not the one the catalog names");
    }
    const PackReport report = loadPack(unpacked, KIOSK_VERSION, pack.id);
    if (!report.pack) {
        std::filesystem::remove_all(unpacked, ec);
        // The first error, not the first problem: a warning before it did not stop the pack.
        const auto error = std::find_if(report.problems.begin(), report.problems.end(), [](const Error& e) { return !e.isWarning(); });
        return packError(pack, ErrorCode::InvalidValue, "the pack does not load: " + (error == report.problems.end() ? std::string("unknown problem") : inPack(*error, unpacked).describe()),
                         "the publisher must fix it (kiosk pack validate) and publish a new version");
    }
    // The manifest's version is the catalog's (checked above); pack.toml must not say another.
    if (report.pack->version != pack.version) {
        std::filesystem::remove_all(unpacked, ec);
        return packError(pack, ErrorCode::InvalidValue, "the pack does not load: pack.toml gives the version '" + report.pack->version +
                                                             "', but its catalog and archive give it " + pack.version,
                         "the publisher must fix it (kiosk pack validate) and publish a new version");
    }
    const std::filesystem::path folder = store.packFolder(target);
    std::filesystem::create_directories(folder.parent_path(), ec);
    std::filesystem::rename(unpacked, folder, ec);
    if (ec) {
        const std::string reason = ec.message();  // before the clean-up reuses `ec`
        std::filesystem::remove_all(unpacked, ec);
        return packError(pack, ErrorCode::WriteFailed, "cannot move the pack into " + folder.string() + ": " + reason);
    }
    // The rename is durable only once the folder holding it is on disk.
    UniqueFd parent(::open(folder.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (parent.get() < 0 || ::fsync(parent.get()) != 0) {
        return packError(pack, ErrorCode::WriteFailed, "cannot save " + folder.parent_path().string() + ": " + std::strerror(errno));
    }
    return outcome;
}

}  // namespace kiosk::core
