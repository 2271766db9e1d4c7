// The PNG and JPEG of the copy are written from bytes here rather than kept as binary files in
// the repository: the kiosk's picture check reads only their headers.
#include "fixed_pack.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "fuzz_scratch.hpp"

namespace kiosk::fuzz {
namespace {

// The signature and IHDR chunk of a 16 × 16 RGBA PNG.
constexpr std::array<unsigned char, 33> kPngHeader{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
                                                   0,    0,   16,  0,   0,    0,    16,   8,    6, 0, 0, 0,  0x1F, 0xF3, 0xFF, 0x61};
// SOI, a JFIF APP0 segment, a baseline frame header (SOF0) of 16 × 16 with three components, EOI.
constexpr std::array<unsigned char, 41> kJpegHeader{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                                                    0xFF, 0xC0, 0, 17, 8, 0, 16, 0, 16, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9};

std::string_view bytesOf(const auto& array) { return {reinterpret_cast<const char*>(array.data()), array.size()}; }

}  // namespace

const std::filesystem::path& fixedPack(std::string_view harness) {
    static const std::filesystem::path folder = [&] {
        const std::filesystem::path copy = scratchFolder(harness) / "fuzz-pack";
        std::error_code ec;
        std::filesystem::copy(KIOSK_FUZZ_PACK_DIR, copy, std::filesystem::copy_options::recursive, ec);
        if (ec) broken("cannot copy " KIOSK_FUZZ_PACK_DIR ": " + ec.message());
        writeFile(copy / "images" / "photo.png", bytesOf(kPngHeader));
        writeFile(copy / "images" / "photo.jpg", bytesOf(kJpegHeader));
        // The copy must load without an error, or every input would be refused for the fixed files.
        const core::PackReport report = core::loadPack(copy);
        for (const core::Error& problem : report.problems) {
            if (!problem.isWarning()) broken("the fixed pack has an error: " + problem.describe());
        }
        return copy;
    }();
    return folder;
}

core::PackReport loadFixedPackWith(std::string_view harness, const std::filesystem::path& relativeFile, std::string_view bytes) {
    const std::filesystem::path& folder = fixedPack(harness);
    writeFile(folder / relativeFile, bytes);
    core::PackReport report = core::loadPack(folder);

    // A pack comes with its report's verdict: present exactly when no problem is an error.
    require(report.pack.has_value() == !report.hasErrors(), "a pack is returned although its report has errors, or none without");
    for (const core::Error& problem : report.problems) {
        require(!problem.describe().empty() && !problem.message.empty(), "a problem without a message");
    }
    if (report.pack) {
        const core::Pack& pack = *report.pack;
        require(pack.id == "fuzz-pack", "a loaded pack whose id is not its folder's name");
        require(pack.findPage(pack.startPage) != nullptr, "a loaded pack whose start page is missing");
        require(!pack.languages.empty(), "a loaded pack without languages");
    }
    return report;
}

}  // namespace kiosk::fuzz
