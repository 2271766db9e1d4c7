// Pack archives: every sample pack survives the round trip, the bytes depend on the files only,
// and a hostile corpus is refused entry by entry, with nothing left behind and nothing outside.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "archive_builder.hpp"
#include "core/pack/pack_archive.hpp"
#include "core/pack/pack_loader.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeBytes(const fs::path& file, std::string_view bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

// Every file below `folder` with its bytes, hidden ones left out as a pack leaves them out.
std::map<std::string, std::string> packFiles(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) files[it->path().lexically_relative(folder).generic_string()] = readBytes(it->path());
    }
    return files;
}

// What is on disk below `root`, links not followed: to show that nothing appeared or changed.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> tree;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        const auto status = it->symlink_status();
        std::string what = fs::is_symlink(status) ? "link:" + fs::read_symlink(it->path()).string()
                           : fs::is_directory(status) ? "folder"
                                                      : "file:" + readBytes(it->path());
        tree[it->path().lexically_relative(root).generic_string()] = what;
    }
    return tree;
}

// An open archive file that closes itself.
struct OpenFile {
    explicit OpenFile(const fs::path& file) : fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) { REQUIRE(fd >= 0); }
    ~OpenFile() { ::close(fd); }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    int fd;
};

fs::path makeDestination(const fs::path& path) {
    fs::create_directories(path.parent_path());
    REQUIRE(::mkdir(path.c_str(), 0700) == 0);
    return path;
}

// A small valid pack written from the strings here, so its archive can be pinned to one sha256.
void writeSmallPack(const fs::path& folder, bool reverseOrder = false) {
    std::vector<std::pair<std::string, std::string>> files{
        {"pack.toml", "id = \"det-pack\"\nversion = \"1.0.0\"\ncategory = \"hub\"\nlanguages = [\"de\", \"en\"]\n"
                      "start_page = \"start\"\ntile_icon = \"images/tile.svg\"\n\n[title]\nde = \"Test\"\nen = \"Test\"\n\n"
                      "[description]\nde = \"Ein Paket.\"\nen = \"A pack.\"\n"},
        {"pages/start.toml", "[title]\nde = \"Start\"\nen = \"Start\"\n\n[[blocks]]\ntype = \"text\"\n"
                             "text.de = \"Hallo.\"\ntext.en = \"Hello.\"\n"},
        {"images/tile.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><rect width=\"8\" height=\"8\"/></svg>\n"},
        {"notes.md", "Notes for authors.\n"},
    };
    if (reverseOrder) std::reverse(files.begin(), files.end());
    for (const auto& [path, data] : files) writeBytes(folder / path, data);
}

}  // namespace

TEST_CASE("archive: every sample pack survives archive and extraction byte for byte and loads again") {
    test::TempDir dir;
    int packs = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(KIOSK_SOURCE_DIR) / "content")) {
        if (!fs::exists(entry.path() / "pack.toml")) continue;
        const std::string id = entry.path().filename().string();
        CAPTURE(id);
        ++packs;
        const fs::path archiveFile = dir.path() / "archives" / (id + ".tar.gz");
        fs::create_directories(archiveFile.parent_path());
        auto info = core::writePackArchive(entry.path(), archiveFile);
        REQUIRE_MESSAGE(info.ok(), info.error().describe());
        const auto original = packFiles(entry.path());
        CHECK(info.value().id == id);
        CHECK(info.value().fileCount == original.size());
        CHECK(info.value().length == fs::file_size(archiveFile));
        CHECK(info.value().sha256 == core::sha256Hex(readBytes(archiveFile)));

        const fs::path destination = makeDestination(dir.path() / "extracted" / id);
        OpenFile archive(archiveFile);
        auto manifest = core::extractPackArchive(archive.fd, destination);
        REQUIRE_MESSAGE(manifest.ok(), manifest.error().describe());
        CHECK(manifest.value().id == id);
        CHECK(manifest.value().version == info.value().version);
        CHECK(manifest.value().files.size() == original.size());
        CHECK(packFiles(destination) == original);
        for (const auto& item : fs::recursive_directory_iterator(destination)) {
            const auto perms = item.symlink_status().permissions();
            CHECK(perms == (item.is_directory() ? fs::perms(0755) : fs::perms(0644)));
        }
        const auto report = core::loadPack(destination);
        CHECK_MESSAGE(!report.hasErrors(), (report.problems.empty() ? "" : report.problems.front().describe()));
    }
    CHECK(packs >= 8);
}

TEST_CASE("archive: the same files give the same bytes, whatever their times, permissions and folder") {
    test::TempDir dir;
    const fs::path first = dir.path() / "a" / "det-pack";
    writeSmallPack(first);
    const fs::path second = dir.path() / "elsewhere" / "deeper" / "det-pack";
    writeSmallPack(second, true);
    const auto longAgo = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365 * 20);
    for (const auto& item : fs::recursive_directory_iterator(second)) {
        fs::last_write_time(item.path(), longAgo);
        fs::permissions(item.path(), item.is_directory() ? fs::perms(0700) : fs::perms(0600));
    }
    writeBytes(second / ".notes.md.swp", "an editor's swap file, never published");

    auto one = core::writePackArchive(first, dir.path() / "one.tar.gz");
    auto again = core::writePackArchive(first, dir.path() / "again.tar.gz");
    auto other = core::writePackArchive(second, dir.path() / "other.tar.gz");
    REQUIRE_MESSAGE(one.ok(), one.error().describe());
    REQUIRE(again.ok());
    REQUIRE_MESSAGE(other.ok(), other.error().describe());
    const std::string bytes = readBytes(dir.path() / "one.tar.gz");
    CHECK(readBytes(dir.path() / "again.tar.gz") == bytes);
    CHECK(readBytes(dir.path() / "other.tar.gz") == bytes);
    CHECK(again.value().sha256 == one.value().sha256);
    CHECK(other.value().sha256 == one.value().sha256);
    CHECK(one.value().fileCount == 4);
    // Pinned: a different sha256 here means archives of unchanged packs change between machines or
    // builds (another libarchive or zlib, a changed manifest), and every kiosk would download again.
    CHECK(one.value().sha256 == "68667a02e2c793db18669f1e0d843d48d7a1b0dff22d000146a791b143d817de");

    // gzip header: no file name (flags 0), modification time 0.
    REQUIRE(bytes.size() > 10);
    CHECK(bytes.substr(0, 3) == "\x1f\x8b\x08");
    CHECK(bytes[3] == '\0');
    CHECK(bytes.substr(4, 4) == std::string(4, '\0'));

    // The entries: manifest.json first, then the files by path; owner 0 without names, mtime 0, 0644.
    std::unique_ptr<archive, int (*)(archive*)> reader(archive_read_new(), archive_read_free);
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_tar(reader.get());
    REQUIRE(archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) == ARCHIVE_OK);
    std::vector<std::string> names;
    archive_entry* entry = nullptr;
    while (archive_read_next_header(reader.get(), &entry) == ARCHIVE_OK) {
        names.emplace_back(archive_entry_pathname(entry));
        CHECK(archive_entry_filetype(entry) == AE_IFREG);
        CHECK(archive_entry_perm(entry) == 0644);
        CHECK(archive_entry_mtime(entry) == 0);
        CHECK(archive_entry_uid(entry) == 0);
        CHECK(archive_entry_gid(entry) == 0);
        CHECK(std::string_view(archive_entry_uname(entry) ? archive_entry_uname(entry) : "").empty());
        CHECK(std::string_view(archive_entry_gname(entry) ? archive_entry_gname(entry) : "").empty());
        if (names.size() == 1) {
            std::string manifest(static_cast<std::size_t>(archive_entry_size(entry)), '\0');
            archive_read_data(reader.get(), manifest.data(), manifest.size());
            CHECK(manifest.starts_with("{\n  \"format\": \"showroom-kiosk-pack\",\n  \"format_version\": 1,\n  \"id\": \"det-pack\""));
            const auto json = nlohmann::json::parse(manifest);
            CHECK(json["files"][0]["path"] == "images/tile.svg");
            CHECK(json["files"][0]["sha256"] == core::sha256Hex(readBytes(first / "images/tile.svg")));
        }
    }
    CHECK(names == std::vector<std::string>{"manifest.json", "images/tile.svg", "notes.md", "pack.toml", "pages/start.toml"});
}

TEST_CASE("archive: what is not a publishable pack is refused and nothing is written") {
    test::TempDir dir;
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    const fs::path sample = fs::path(KIOSK_SOURCE_DIR) / "content" / "address-change";
    auto copyOf = [&](const std::string& name) {
        const fs::path copy = dir.path() / name / "address-change";
        fs::create_directories(copy.parent_path());
        fs::copy(sample, copy, fs::copy_options::recursive);
        return copy;
    };
    auto refusal = [&](const fs::path& pack) {
        auto result = core::writePackArchive(pack, out / "pack.tar.gz");
        CHECK(fs::is_empty(out));  // neither the archive nor a temp file
        REQUIRE_FALSE(result.ok());
        return result.error();
    };

    const core::Error broken = refusal(fs::path(KIOSK_SOURCE_DIR) / "tests" / "broken-packs" / "unknown-block-type");
    CHECK(broken.code == core::ErrorCode::InvalidValue);
    CHECK(broken.message.find("is not published; the first: ") != std::string::npos);
    CHECK(broken.message.find("unknown block type") != std::string::npos);

    const fs::path linked = copyOf("linked");
    fs::create_symlink("tile.svg", linked / "images" / "also-tile.svg");
    const core::Error link = refusal(linked);
    CHECK(link.code == core::ErrorCode::Forbidden);
    CHECK(link.message == "this is a link; a published pack holds only ordinary files");
    CHECK(link.file == (linked / "images" / "also-tile.svg").string());

    const fs::path capital = copyOf("capital");
    fs::copy_file(capital / "images" / "tile.svg", capital / "images" / "Tile-Big.svg");
    const core::Error name = refusal(capital);
    CHECK(name.code == core::ErrorCode::Forbidden);
    CHECK(name.message == "the file name 'images/Tile-Big.svg' has capital letters in it");

    const fs::path deep = copyOf("deep");
    fs::create_directories(deep / "images" / "a" / "b" / "c" / "d");
    fs::copy_file(deep / "images" / "tile.svg", deep / "images" / "a" / "b" / "c" / "d" / "tile.svg");
    CHECK(refusal(deep).message == "the file name 'images/a/b/c/d/tile.svg' is nested more than 5 deep");

    const fs::path piped = copyOf("piped");
    REQUIRE(::mkfifo((piped / "images" / "pipe.svg").c_str(), 0644) == 0);
    CHECK(refusal(piped).message.find("not an ordinary file") != std::string::npos);

    const fs::path font = copyOf("font");
    writeBytes(font / "images" / "font.ttf", std::string("\0\1\0\0font", 8));
    CHECK(refusal(font).message.find("is not published") != std::string::npos);

    auto noFolder = core::writePackArchive(sample, dir.path() / "missing" / "pack.tar.gz");
    REQUIRE_FALSE(noFolder.ok());
    CHECK(noFolder.error().code == core::ErrorCode::WriteFailed);
}

namespace {

const std::vector<test::PackFile> kFiles{
    {"pack.toml", "id = \"hostile\"\nversion = \"1.0.0\"\n"},
    {"pages/start.toml", "[title]\nen = \"Start\"\n"},
    {"images/tile.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"},
};

std::string manifestText() { return test::manifestOf(kFiles).dump(2); }

std::vector<test::TarEntry> validEntries() { return test::entriesOf(kFiles, manifestText()); }

std::string validArchive() { return test::buildArchive(validEntries()); }

template <typename Edit>
std::string editedManifest(Edit&& edit) {
    auto manifest = test::manifestOf(kFiles);
    edit(manifest);
    return manifest.dump(2);
}

// One hostile archive, extracted into an empty folder next to a folder it must not touch.
struct HostileRun {
    test::TempDir dir;
    fs::path outside;
    fs::path destination;
    off_t readUpTo = 0;  // how far into the archive file the extraction read

    HostileRun() {
        outside = dir.path() / "outside";
        fs::create_directories(outside);
        writeBytes(outside / "target.svg", "<svg/>");
        destination = makeDestination(dir.path() / "staging" / "hostile");
    }

    core::Result<core::PackManifest> extract(const std::string& archiveBytes) {
        writeBytes(dir.path() / "pack.tar.gz", archiveBytes);
        const auto before = snapshot(dir.path());
        OpenFile archive(dir.path() / "pack.tar.gz");
        auto result = core::extractPackArchive(archive.fd, destination);
        readUpTo = ::lseek(archive.fd, 0, SEEK_CUR);
        if (!result.ok()) {
            CHECK(fs::is_empty(destination));
            CHECK(snapshot(dir.path()) == before);
        }
        return result;
    }
};

struct Refusal {
    core::ErrorCode code;
    std::string message;
    std::string file;
};

Refusal refusalOf(const std::string& archiveBytes) {
    HostileRun run;
    auto result = run.extract(archiveBytes);
    REQUIRE_FALSE(result.ok());
    return {result.error().code, result.error().message, result.error().file};
}

std::vector<test::TarEntry> withEntry(test::TarEntry extra) {
    auto entries = validEntries();
    entries.push_back(std::move(extra));
    return entries;
}

}  // namespace

TEST_CASE("archive: a correct hand-made archive extracts, so the hostile ones below fail for their own reason") {
    HostileRun run;
    auto result = run.extract(validArchive());
    REQUIRE_MESSAGE(result.ok(), result.error().describe());
    CHECK(result.value().id == "hostile");
    CHECK(result.value().files.size() == 3);
    CHECK(readBytes(run.destination / "pages" / "start.toml") == kFiles[1].data);
}

TEST_CASE("archive: names that leave the destination or break the grammar are refused") {
    const std::pair<std::string, std::string> names[] = {
        {"../x.svg", "has '..' in it, which would leave the pack"},
        {"a/../../x.svg", "has '..' in it, which would leave the pack"},
        {"./../x.svg", "has a '.' folder in it"},
        {"..\\x.svg", "has a backslash in it"},
        {"C:\\x.svg", "has a backslash in it"},
        {"images/a\x01.svg", "has a control character in it"},
        {"images/\xef\xbc\x8e\xef\xbc\x8e.svg", "has characters other than a-z, 0-9, '-', '_' and '.' in it"},
        {"images/Tile.svg", "has capital letters in it"},
        {"a/b/c/d/e/f.svg", "is nested more than 5 deep"},
        {"images//x.svg", "has an empty folder name (a '//' or a '/' at the end)"},
        {"images/.hidden.svg", "names a hidden file or folder ('.hidden.svg')"},
        {std::string(150, 'a') + "/" + std::string(60, 'b') + ".svg", "is longer than 200 characters"},
        {"lib/evil.so", "ends in '.so', a kind of file packs never hold (only .toml, .md, .svg, .png, .jpg, .jpeg, .mp4, .webm and .vtt)"},
        {"fonts/noto.ttf", "ends in '.ttf', a kind of file packs never hold (only .toml, .md, .svg, .png, .jpg, .jpeg, .mp4, .webm and .vtt)"},
        {"run.sh", "ends in '.sh', a kind of file packs never hold (only .toml, .md, .svg, .png, .jpg, .jpeg, .mp4, .webm and .vtt)"},
    };
    for (const auto& [name, why] : names) {
        CAPTURE(name);
        const Refusal refusal = refusalOf(test::buildArchive(withEntry({name, "<svg/>"})));
        CHECK(refusal.code == core::ErrorCode::Forbidden);
        CHECK(refusal.message.ends_with(why));
        CHECK(refusal.message.starts_with("the entry '"));
    }

    // An absolute name, pointing at a real folder outside: refused, and nothing appears there.
    HostileRun run;
    auto absolute = run.extract(test::buildArchive(withEntry({(run.outside / "abs.svg").string(), "<svg/>"})));
    REQUIRE_FALSE(absolute.ok());
    CHECK(absolute.error().code == core::ErrorCode::Forbidden);
    CHECK(absolute.error().message.ends_with("is an absolute path"));
    CHECK_FALSE(fs::exists(run.outside / "abs.svg"));
    CHECK(refusalOf(test::buildArchive(withEntry({"/etc/x.svg", "x"}))).message.ends_with("is an absolute path"));

    // The same names in the manifest are refused before any file is written.
    auto listed = [](const std::string& path) {
        std::vector<test::PackFile> files = kFiles;
        files.push_back({path, "<svg/>"});
        return test::buildArchive(test::entriesOf(files, test::manifestOf(files).dump(2)));
    };
    const Refusal dotdot = refusalOf(listed("../x.svg"));
    CHECK(dotdot.code == core::ErrorCode::Forbidden);
    CHECK(dotdot.file == "manifest.json");
    CHECK(dotdot.message == "files[4].path '../x.svg' has '..' in it, which would leave the pack");
    const Refusal newline = refusalOf(listed("images/a\nb.svg"));
    CHECK(newline.message == "files[4].path 'images/a\\x0ab.svg' has a control character in it");
    const Refusal font = refusalOf(listed("fonts/noto.ttf"));
    CHECK(font.code == core::ErrorCode::Forbidden);
    CHECK(font.message.find("ends in '.ttf'") != std::string::npos);
}

TEST_CASE("archive: links, devices, FIFOs and folder entries are refused outright") {
    HostileRun run;
    const std::string target = (run.outside / "target.svg").string();
    const Refusal symlink = refusalOf(test::buildArchive(withEntry({"images/link.svg", "", AE_IFLNK, target})));
    CHECK(symlink.code == core::ErrorCode::Forbidden);
    CHECK(symlink.message == "the entry 'images/link.svg' is a symbolic link (to '" + target + "')");

    const Refusal hardlink = refusalOf(test::buildArchive(withEntry({"images/hard.svg", "", AE_IFREG, "/etc/passwd", true})));
    CHECK(hardlink.code == core::ErrorCode::Forbidden);
    CHECK(hardlink.message == "the entry 'images/hard.svg' is a hard link (to '/etc/passwd')");

    // A link to the folder outside, then a file "through" it: the link is refused, the file never written.
    auto entries = test::entriesOf({}, manifestText());
    entries.push_back({"pack.toml", kFiles[0].data});
    entries.push_back({"images", "", AE_IFLNK, run.outside.string()});
    entries.push_back({"images/tile.svg", kFiles[2].data});
    auto through = run.extract(test::buildArchive(entries));
    REQUIRE_FALSE(through.ok());
    CHECK(through.error().message == "the entry 'images' is a symbolic link (to '" + run.outside.string() + "')");
    CHECK(readBytes(run.outside / "target.svg") == "<svg/>");
    CHECK_FALSE(fs::exists(run.outside / "tile.svg"));

    CHECK(refusalOf(test::buildArchive(withEntry({"images/fifo.svg", "", AE_IFIFO}))).message ==
          "the entry 'images/fifo.svg' is a FIFO (a named pipe)");
    CHECK(refusalOf(test::buildArchive(withEntry({"images/tty.svg", "", AE_IFCHR}))).message ==
          "the entry 'images/tty.svg' is a device");
    CHECK(refusalOf(test::buildArchive(withEntry({"images/disk.svg", "", AE_IFBLK}))).message ==
          "the entry 'images/disk.svg' is a device");

    // A folder where the manifest has a file, and a folder entry the manifest does not need.
    auto folderAsFile = test::entriesOf({kFiles[0], kFiles[2]}, manifestText());
    folderAsFile.push_back({"pages/start.toml", "", AE_IFDIR});
    const Refusal folder = refusalOf(test::buildArchive(folderAsFile));
    CHECK(folder.code == core::ErrorCode::Forbidden);
    CHECK(folder.message == "the entry 'pages/start.toml/' is a folder entry; pack archives hold only files");
    auto folderEntry = test::entriesOf({}, manifestText());
    folderEntry.push_back({"images", "", AE_IFDIR});
    CHECK(refusalOf(test::buildArchive(folderEntry)).code == core::ErrorCode::Forbidden);

    // The manifest itself must be a plain file.
    CHECK(refusalOf(test::buildArchive({{"manifest.json", "", AE_IFLNK, "/etc/passwd"}})).message ==
          "manifest.json is a symbolic link (to '/etc/passwd')");
}

TEST_CASE("archive: every file exactly once, exactly as the manifest declares it") {
    auto duplicate = validEntries();
    duplicate.push_back({"pages/start.toml", kFiles[1].data});
    const Refusal twice = refusalOf(test::buildArchive(duplicate));
    CHECK(twice.code == core::ErrorCode::InvalidValue);
    CHECK(twice.message == "the entry 'pages/start.toml' is in the archive twice");

    const Refusal unlisted = refusalOf(test::buildArchive(withEntry({"pages/extra.toml", "title = 1\n"})));
    CHECK(unlisted.code == core::ErrorCode::Forbidden);
    CHECK(unlisted.message == "the entry 'pages/extra.toml' is not listed in the archive's manifest");

    std::vector<test::PackFile> more = kFiles;
    more.push_back({"images/missing.svg", "<svg/>"});
    more.push_back({"images/missing-too.svg", "<svg/>"});
    const Refusal missing = refusalOf(test::buildArchive(test::entriesOf(kFiles, test::manifestOf(more).dump(2))));
    CHECK(missing.code == core::ErrorCode::BrokenReference);
    CHECK(missing.message == "'images/missing-too.svg' is listed in the manifest but not in the archive (and 1 more files)");

    const std::string larger = editedManifest([](auto& m) { m["files"][1]["size"] = kFiles[1].data.size() - 5; });
    const Refusal big = refusalOf(test::buildArchive(test::entriesOf(kFiles, larger)));
    CHECK(big.code == core::ErrorCode::Damaged);
    CHECK(big.message == "'pages/start.toml' is " + std::to_string(kFiles[1].data.size()) + " bytes in the archive but " +
                             std::to_string(kFiles[1].data.size() - 5) + " in its manifest");
    const std::string smaller = editedManifest([](auto& m) { m["files"][1]["size"] = kFiles[1].data.size() + 5; });
    CHECK(refusalOf(test::buildArchive(test::entriesOf(kFiles, smaller))).code == core::ErrorCode::Damaged);

    const std::string wrongHash = editedManifest([](auto& m) { m["files"][2]["sha256"] = std::string(64, 'a'); });
    const Refusal hash = refusalOf(test::buildArchive(test::entriesOf(kFiles, wrongHash)));
    CHECK(hash.code == core::ErrorCode::Damaged);
    CHECK(hash.file == "images/tile.svg");
    CHECK(hash.message == "'images/tile.svg' has the sha256 " + core::sha256Hex(kFiles[2].data) + ", not the " +
                              std::string(64, 'a') + " its manifest declares");

    // A font by its bytes under a picture's name.
    std::vector<test::PackFile> disguised = kFiles;
    disguised.push_back({"images/photo.png", std::string("OTTO\0\0\0\0", 8)});
    const Refusal font = refusalOf(test::buildArchive(test::entriesOf(disguised, test::manifestOf(disguised).dump(2))));
    CHECK(font.code == core::ErrorCode::Forbidden);
    CHECK(font.message == "'images/photo.png' is a font, which a pack must never contain");
}

TEST_CASE("archive: a gzip bomb stops at the size its manifest declares, long before it is inflated") {
    constexpr std::uint64_t kBombBytes = 256ull * 1024 * 1024;
    std::vector<test::PackFile> files = kFiles;
    files.push_back({"images/bomb.svg", std::string(100, '\0')});  // what the manifest claims: 100 bytes
    auto entries = test::entriesOf(kFiles, test::manifestOf(files).dump(2));
    test::TarEntry bomb{"images/bomb.svg"};
    bomb.zeros = kBombBytes;
    entries.push_back(bomb);
    // gzip level 1 builds fastest; its 1.1 MB still inflate to 256 MiB.
    const std::string archiveBytes = test::buildArchive(entries, {true, 1});
    REQUIRE(archiveBytes.size() > 1024 * 1024);

    HostileRun run;
    auto result = run.extract(archiveBytes);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == core::ErrorCode::Damaged);
    CHECK(result.error().message == "'images/bomb.svg' is 268435456 bytes in the archive but 100 in its manifest");
    // Read sequentially from the start: the position is how much of the compressed file was used.
    CHECK(run.readUpTo <= 128 * 1024);

    // Declared honestly, the same bomb is over the limit for one file before anything is read.
    std::vector<test::PackFile> honest = kFiles;
    auto manifest = test::manifestOf(honest);
    manifest["files"].push_back({{"path", "images/bomb.svg"}, {"size", kBombBytes}, {"sha256", std::string(64, '0')}});
    entries[0].data = manifest.dump(2);
    entries.pop_back();  // refused at the manifest: the bomb itself need not be built twice
    const Refusal declared = refusalOf(test::buildArchive(entries));
    CHECK(declared.code == core::ErrorCode::TooLarge);
    CHECK(declared.message == "files[4] ('images/bomb.svg') is 268435456 bytes; a pack file may have at most 10485760");

    // Metadata is data too: a 300 KB extended attribute (a pax header of about 700 KB, under
    // libarchive's own 1 MB cap) is more than any manifest accounts for.
    auto withAttribute = [](std::size_t bytes) {
        test::TarEntry heavy{"images/tile.svg", kFiles[2].data};
        heavy.xattr = std::string(bytes, 'x');
        auto heavyEntries = test::entriesOf({kFiles[0], kFiles[1]}, manifestText());
        heavyEntries.push_back(heavy);
        return test::buildArchive(heavyEntries);
    };
    const Refusal metadata = refusalOf(withAttribute(300 * 1024));
    CHECK(metadata.code == core::ErrorCode::Damaged);
    CHECK(metadata.message == "the pack archive holds more data than its manifest declares after 'pages/start.toml'");
    const Refusal huge = refusalOf(withAttribute(3 * 1024 * 1024));
    CHECK(huge.code == core::ErrorCode::Damaged);
    CHECK(huge.message == "the pack archive is damaged after 'pages/start.toml': Special header too large");
}

TEST_CASE("archive: damaged, truncated or extended archives are refused") {
    const std::string valid = validArchive();
    const Refusal truncated = refusalOf(valid.substr(0, valid.size() / 2));
    CHECK(truncated.code == core::ErrorCode::Damaged);
    CHECK(truncated.message.starts_with("the pack archive is damaged"));
    const Refusal trailer = refusalOf(valid.substr(0, valid.size() - 3));
    CHECK(trailer.code == core::ErrorCode::Damaged);

    const Refusal garbage = refusalOf(valid + "trailing garbage");
    CHECK(garbage.code == core::ErrorCode::Damaged);
    CHECK(garbage.message == "the pack archive has 16 bytes after the end of its compressed data");
    const Refusal zeros = refusalOf(valid + std::string(512, '\0'));
    CHECK(zeros.message == "the pack archive has 512 bytes after the end of its compressed data");
    // A second gzip member, itself a whole archive: decompressed, it follows the tar's end marker.
    const Refusal appended = refusalOf(valid + valid);
    CHECK(appended.code == core::ErrorCode::Damaged);
    CHECK(appended.message == "the pack archive has data after the end of its tar archive");

    const Refusal plainTar = refusalOf(test::buildArchive(validEntries(), {false}));
    CHECK(plainTar.code == core::ErrorCode::Damaged);
    CHECK(plainTar.message == "the pack archive is not gzip-compressed");
    CHECK(refusalOf("not an archive at all").message == "the pack archive is not gzip-compressed");
    CHECK(refusalOf("").code == core::ErrorCode::Damaged);
    CHECK(refusalOf(test::buildArchive({})).message == "the pack archive has no entries");

    // A flipped bit in the compressed data near the end (libarchive 3.6.2 does not check the gzip
    // CRC; the sha256 of every file and of the whole archive cover what it would).
    std::string flipped = valid;
    flipped[flipped.size() - 20] = static_cast<char>(flipped[flipped.size() - 20] ^ 0x01);
    const Refusal bit = refusalOf(flipped);
    CHECK(bit.code == core::ErrorCode::Damaged);
    CHECK(bit.message.starts_with("'images/tile.svg' has the sha256 "));
}

TEST_CASE("archive: the manifest comes first, small, shallow, JSON, and shaped as the archiver writes it") {
    auto notFirst = validEntries();
    std::swap(notFirst[0], notFirst[1]);
    const Refusal first = refusalOf(test::buildArchive(notFirst));
    CHECK(first.code == core::ErrorCode::InvalidValue);
    CHECK(first.message == "the pack archive starts with 'pack.toml', not with manifest.json");

    auto huge = validEntries();
    huge[0].data = "{\"format\": \"" + std::string(10 * 1024 * 1024, 'x') + "\"}";
    const Refusal large = refusalOf(test::buildArchive(huge));
    CHECK(large.code == core::ErrorCode::TooLarge);
    CHECK(large.file == "manifest.json");
    CHECK(large.message == "manifest.json is " + std::to_string(huge[0].data.size()) + " bytes; at most 4194304 are allowed");

    auto withManifest = [](std::string manifest) {
        auto entries = validEntries();
        entries[0].data = std::move(manifest);
        return test::buildArchive(entries);
    };
    const Refusal deep = refusalOf(withManifest(std::string(100000, '[') + std::string(100000, ']')));
    CHECK(deep.code == core::ErrorCode::TooLarge);
    CHECK(deep.message == "the manifest is nested more than 8 deep");

    const Refusal notJson = refusalOf(withManifest("format = \"showroom-kiosk-pack\"\n"));
    CHECK(notJson.code == core::ErrorCode::Syntax);
    CHECK(notJson.message.starts_with("the manifest is not valid JSON: parse error at line 1"));
    CHECK(refusalOf(withManifest("{\"format\": \"\xff\"}")).code == core::ErrorCode::Syntax);

    std::string doubled = manifestText();
    doubled.insert(1, "\"id\": \"other\",");
    const Refusal twice = refusalOf(withManifest(doubled));
    CHECK(twice.code == core::ErrorCode::InvalidValue);
    CHECK(twice.message == "the manifest has the key 'id' twice in one object");

    const Refusal format = refusalOf(withManifest(editedManifest([](auto& m) { m["format"] = "zip"; })));
    CHECK(format.message == "this is not a Showroom Kiosk pack archive (its format is \"zip\")");
    const Refusal version = refusalOf(withManifest(editedManifest([](auto& m) { m["format_version"] = 2; })));
    CHECK(version.message == "the archive has format version 2; this kiosk reads version 1");
    const Refusal unknown = refusalOf(withManifest(editedManifest([](auto& m) { m["signature"] = "x"; })));
    CHECK(unknown.code == core::ErrorCode::UnknownKey);
    const Refusal noFiles = refusalOf(withManifest(editedManifest([](auto& m) { m.erase("files"); })));
    CHECK(noFiles.code == core::ErrorCode::MissingKey);
    CHECK(noFiles.message == "the manifest has no 'files'");
    const Refusal id = refusalOf(withManifest(editedManifest([](auto& m) { m["id"] = "../etc"; })));
    CHECK(id.message == "the manifest's id \"../etc\" is not a pack id");
    const Refusal negative = refusalOf(withManifest(editedManifest([](auto& m) { m["files"][0]["size"] = -1; })));
    CHECK(negative.message == "files[1].size is not a whole number of bytes");
    const Refusal hash = refusalOf(withManifest(editedManifest([](auto& m) { m["files"][0]["sha256"] = "ABC"; })));
    CHECK(hash.message == "files[1].sha256 is not 64 lowercase hex digits");
    const Refusal listedTwice =
        refusalOf(withManifest(editedManifest([](auto& m) { m["files"].push_back(m["files"][0]); })));
    CHECK(listedTwice.message == "the manifest lists 'pack.toml' twice (again at files[4])");
    const Refusal noPack = refusalOf(withManifest(editedManifest([](auto& m) { m["files"].erase(0); })));
    CHECK(noPack.message == "the manifest lists no pack.toml");
    const Refusal fileAndFolder = refusalOf(withManifest(editedManifest([](auto& m) {
        m["files"].push_back({{"path", "images/tile.svg/x.svg"}, {"size", 1}, {"sha256", std::string(64, '0')}});
    })));
    CHECK(fileAndFolder.message == "the manifest lists 'images/tile.svg' as a file and as the folder of 'images/tile.svg/x.svg'");
}

TEST_CASE("archive: extraction needs an empty destination and leaves a full one alone") {
    test::TempDir dir;
    const fs::path destination = makeDestination(dir.path() / "staging");
    writeBytes(destination / "already-here.txt", "mine");
    writeBytes(dir.path() / "pack.tar.gz", validArchive());
    OpenFile archive(dir.path() / "pack.tar.gz");
    auto result = core::extractPackArchive(archive.fd, destination);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message == "the folder to extract into is not empty");
    CHECK(readBytes(destination / "already-here.txt") == "mine");

    fs::create_symlink(destination, dir.path() / "link-to-staging");
    fs::remove(destination / "already-here.txt");
    auto throughLink = core::extractPackArchive(archive.fd, dir.path() / "link-to-staging");
    REQUIRE_FALSE(throughLink.ok());
    CHECK(throughLink.error().code == core::ErrorCode::WriteFailed);
    CHECK(fs::is_empty(destination));

    // The descriptor is read from its start, wherever the caller's hashing left it.
    REQUIRE(::lseek(archive.fd, 0, SEEK_END) > 0);
    auto fromEnd = core::extractPackArchive(archive.fd, destination);
    CHECK_MESSAGE(fromEnd.ok(), fromEnd.error().describe());
}
