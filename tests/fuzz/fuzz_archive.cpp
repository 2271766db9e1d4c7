// libFuzzer harness: the input is a pack archive as the sync downloads it, extracted with
// extractPackArchive from a memfd into an empty folder, as pack_install.cpp does. An input that is
// not gzip data is taken as the tar inside one and compressed first: mutated gzip bytes rarely
// inflate, so the tar layer and the manifest would hardly be reached otherwise.
#include <sys/mman.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <set>
#include <string>

#include "core/pack/pack_archive.hpp"
#include "core/util/sha256.hpp"
#include "fuzz_scratch.hpp"

namespace {

using namespace kiosk;

la_ssize_t appendTo(archive*, void* out, const void* bytes, std::size_t size) {
    static_cast<std::string*>(out)->append(static_cast<const char*>(bytes), size);
    return static_cast<la_ssize_t>(size);
}

// gzip of `tar` as one raw stream: the same libarchive filter the archiver uses, no timestamp.
std::string gzipped(std::string_view tar) {
    std::string out;
    std::unique_ptr<archive, int (*)(archive*)> writer(archive_write_new(), archive_write_free);
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(entry.get(), "pack.tar");
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(tar.size()));
    if (archive_write_set_format_raw(writer.get()) != ARCHIVE_OK || archive_write_add_filter_gzip(writer.get()) != ARCHIVE_OK ||
        archive_write_set_options(writer.get(), "gzip:!timestamp,gzip:compression-level=1") != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(writer.get(), 1) != ARCHIVE_OK ||
        archive_write_open2(writer.get(), &out, nullptr, appendTo, nullptr, nullptr) != ARCHIVE_OK ||
        archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK ||
        (!tar.empty() && archive_write_data(writer.get(), tar.data(), tar.size()) != static_cast<la_ssize_t>(tar.size())) ||
        archive_write_close(writer.get()) != ARCHIVE_OK) {
        fuzz::broken(std::string("cannot gzip an input: ") + archive_error_string(writer.get()));
    }
    return out;
}

struct Setup {
    int fd = -1;
    std::filesystem::path destination;
};

const Setup& setup() {
    static const Setup made = [] {
        Setup s;
        s.fd = ::memfd_create("kiosk-fuzz-archive", MFD_CLOEXEC);
        if (s.fd < 0) fuzz::broken("memfd_create failed");
        s.destination = fuzz::scratchFolder("archive") / "unpacked";
        return s;
    }();
    return made;
}

void putInMemfd(int fd, std::string_view bytes) {
    if (::ftruncate(fd, 0) != 0) fuzz::broken("cannot empty the memfd");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::pwrite(fd, bytes.data() + written, bytes.size() - written, static_cast<off_t>(written));
        if (n <= 0) fuzz::broken("cannot write the memfd");
        written += static_cast<std::size_t>(n);
    }
    // The sync hands over a descriptor it has read to the end while hashing.
    if (::lseek(fd, 0, SEEK_END) < 0) fuzz::broken("cannot seek the memfd");
}

// Every regular file below `folder`, relative, '/'-separated; anything else is a broken promise.
std::set<std::string> filesBelow(const std::filesystem::path& folder) {
    std::set<std::string> files;
    for (const auto& item : std::filesystem::recursive_directory_iterator(folder)) {
        if (item.is_directory() && !item.is_symlink()) continue;
        fuzz::require(item.is_regular_file() && !item.is_symlink(), "the extraction made something other than files and folders");
        files.insert(item.path().lexically_relative(folder).generic_string());
    }
    return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Setup& s = setup();
    const std::string_view input = fuzz::asText(data, size);
    const bool isGzip = input.size() >= 2 && static_cast<unsigned char>(input[0]) == 0x1f && static_cast<unsigned char>(input[1]) == 0x8b;
    putInMemfd(s.fd, isGzip ? std::string(input) : gzipped(input));

    std::filesystem::create_directory(s.destination);
    const auto manifest = core::extractPackArchive(s.fd, s.destination);
    const std::set<std::string> written = filesBelow(s.destination);
    if (!manifest) {
        fuzz::require(written.empty(), "a refused archive left files behind: " + (written.empty() ? "" : *written.begin()));
        fuzz::require(!manifest.error().message.empty(), "an archive refused without a reason");
    } else {
        std::set<std::string> listed;
        for (const core::PackManifestFile& file : manifest.value().files) {
            listed.insert(file.path);
            const std::filesystem::path path = s.destination / file.path;
            fuzz::require(std::filesystem::file_size(path) == file.size, "an extracted file of another size than its manifest says");
            fuzz::require(core::fileSha256(path) == file.sha256, "an extracted file with another sha256 than its manifest says");
        }
        fuzz::require(written == listed, "the extracted files are not exactly the manifest's");
    }
    // Nothing beside the destination: the extraction writes only below it.
    for (const auto& item : std::filesystem::directory_iterator(fuzz::scratchFolder("archive"))) {
        fuzz::require(item.path() == s.destination, "the extraction wrote outside its folder: " + item.path().string());
    }
    std::filesystem::remove_all(s.destination);
    return 0;
}
