// Hand-made tar.gz archives for the pack archive tests, written with libarchive's own write API:
// anything tar can hold (links, devices, "../" names, duplicates), which is far more than a pack may.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/sha256.hpp"

namespace kiosk::test {

struct TarEntry {
    std::string name{};
    std::string data{};
    unsigned type = AE_IFREG;
    std::string link{};       // a symlink's target, or a hard link's when `hardlink`
    bool hardlink = false;
    std::uint64_t zeros = 0;  // instead of `data`: this many zero bytes, written in pieces (a bomb)
    std::string xattr{};      // an extended attribute of this size-carrying value (pax metadata)
};

struct ArchiveOptions {
    bool gzip = true;
    int level = 6;
};

inline std::string buildArchive(const std::vector<TarEntry>& entries, ArchiveOptions options = {}) {
    std::string out;
    std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(a.get());
    // Names as raw bytes, whatever the locale: a hostile name need not be valid anywhere.
    archive_write_set_format_option(a.get(), "pax", "hdrcharset", "BINARY");
    if (options.gzip) {
        archive_write_add_filter_gzip(a.get());
        archive_write_set_options(a.get(), ("gzip:compression-level=" + std::to_string(options.level)).c_str());
    }
    archive_write_set_bytes_in_last_block(a.get(), 1);
    auto write = [](archive*, void* data, const void* buffer, size_t length) -> la_ssize_t {
        static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), length);
        return static_cast<la_ssize_t>(length);
    };
    if (archive_write_open2(a.get(), &out, nullptr, write, nullptr, nullptr) != ARCHIVE_OK) throw std::runtime_error("open");
    for (const TarEntry& e : entries) {
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(entry.get(), e.name.c_str());
        archive_entry_set_filetype(entry.get(), e.type);
        archive_entry_set_perm(entry.get(), 0644);
        const bool hasData = e.type == AE_IFREG && !e.hardlink;
        archive_entry_set_size(entry.get(), hasData ? static_cast<la_int64_t>(e.zeros > 0 ? e.zeros : e.data.size()) : 0);
        if (e.type == AE_IFLNK) archive_entry_set_symlink(entry.get(), e.link.c_str());
        if (e.hardlink) archive_entry_set_hardlink(entry.get(), e.link.c_str());
        if (e.type == AE_IFCHR || e.type == AE_IFBLK) archive_entry_set_rdev(entry.get(), 0x0103);
        if (!e.xattr.empty()) archive_entry_xattr_add_entry(entry.get(), "user.note", e.xattr.data(), e.xattr.size());
        if (archive_write_header(a.get(), entry.get()) != ARCHIVE_OK) {
            throw std::runtime_error(std::string("header: ") + archive_error_string(a.get()));
        }
        if (!hasData) continue;
        if (e.zeros > 0) {
            const std::string block(1024 * 1024, '\0');
            for (std::uint64_t left = e.zeros; left > 0;) {
                const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, block.size()));
                archive_write_data(a.get(), block.data(), n);
                left -= n;
            }
        } else if (!e.data.empty()) {
            archive_write_data(a.get(), e.data.data(), e.data.size());
        }
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) throw std::runtime_error("close");
    return out;
}

struct PackFile {
    std::string path;
    std::string data{};
};

// The manifest.json a correct archive of `files` has; tests change it with `edit` to make it lie.
inline nlohmann::ordered_json manifestOf(const std::vector<PackFile>& files) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const PackFile& file : files) {
        list.push_back({{"path", file.path}, {"size", file.data.size()}, {"sha256", core::sha256Hex(file.data)}});
    }
    return {{"format", "showroom-kiosk-pack"}, {"format_version", 1}, {"id", "hostile"}, {"version", "1.0.0"}, {"files", list}};
}

// The entries of a correct archive: manifest.json, then the files.
inline std::vector<TarEntry> entriesOf(const std::vector<PackFile>& files, const std::string& manifest) {
    std::vector<TarEntry> entries{{"manifest.json", manifest}};
    for (const PackFile& file : files) entries.push_back({file.path, file.data});
    return entries;
}

}  // namespace kiosk::test
