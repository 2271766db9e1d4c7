// Reads only the headers of PNG and JPEG files and scans SVG text, so a picture with lying
// dimensions or hidden scripts is refused before SDL_image ever sees it.
#include "core/pack/image_check.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/pack/pack_limits.hpp"
#include "core/util/small_file.hpp"

namespace kiosk::core {
namespace {

// How much of a picture the checks read: enough for a PNG's header, and for telling the kinds
// apart; a JPEG's frame header may come after large metadata segments (EXIF, a preview).
constexpr std::size_t kHeadBytes = 512;
constexpr std::size_t kJpegHeaderBytes = 256 * 1024;

std::uint32_t byteAt(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
std::uint32_t bigEndian32(std::string_view b, std::size_t at) {
    return (byteAt(b, at) << 24) | (byteAt(b, at + 1) << 16) | (byteAt(b, at + 2) << 8) | byteAt(b, at + 3);
}
int bigEndian16(std::string_view b, std::size_t at) { return static_cast<int>((byteAt(b, at) << 8) | byteAt(b, at + 1)); }

bool startsWith(std::string_view b, std::initializer_list<unsigned char> magic) {
    return b.size() >= magic.size() && std::equal(magic.begin(), magic.end(), b.begin(), [](unsigned char m, char c) { return m == static_cast<unsigned char>(c); });
}

// What an editor may write before an SVG's first element: its prolog (a licence in a comment,
// metadata, a DOCTYPE) is read this far. The first 512 bytes were once all, and an SVG whose
// <svg> came after them was refused as no picture at all.
constexpr std::size_t kSvgPrologBytes = 64 * 1024;

// Whether the first element is <svg>: after a byte order mark, white space, the XML
// declaration, comments, processing instructions and a DOCTYPE (its internal subset too).
// A text that merely contains "<svg" somewhere (an HTML page with a drawing in it) is not one.
bool looksLikeSvg(std::string_view prolog) {
    std::string_view text = prolog;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto skipPast = [&text](std::string_view end) {
        const std::size_t at = text.find(end);
        if (at == std::string_view::npos) return false;
        text.remove_prefix(at + end.size());
        return true;
    };
    for (;;) {
        const std::size_t start = text.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) return false;
        text.remove_prefix(start);
        if (text.starts_with("<!--")) {
            if (!skipPast("-->")) return false;
        } else if (text.starts_with("<?")) {
            if (!skipPast("?>")) return false;
        } else if (text.starts_with("<!DOCTYPE") || text.starts_with("<!doctype")) {
            const std::size_t subset = text.find('[');
            if (subset != std::string_view::npos && subset < text.find('>')) {
                if (!skipPast("]")) return false;
            }
            if (!skipPast(">")) return false;
        } else {
            return text.starts_with("<svg") && text.size() > 4 && std::string_view(" \t\r\n/>").find(text[4]) != std::string_view::npos;
        }
    }
}

// The JPEG frame header (SOF) carries the size; it follows a chain of marker segments.
std::optional<ImageFacts> jpegSize(std::string_view b) {
    std::size_t at = 2;
    while (at + 9 < b.size()) {
        if (byteAt(b, at) != 0xFF) return std::nullopt;
        const auto marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        const bool startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) return ImageFacts{ImageType::Jpeg, bigEndian16(b, at + 7), bigEndian16(b, at + 5)};
        at += 2 + static_cast<std::size_t>(bigEndian16(b, at + 2));
    }
    return std::nullopt;
}

// SVG is text that SDL_image's renderer would follow; anything active or external is refused.
std::optional<std::string> forbiddenSvgContent(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (std::string_view bad : {"<script", "<foreignobject", "javascript:", "<!entity"}) {
        if (text.find(bad) != std::string::npos) return std::string(bad);
    }
    for (std::size_t at = text.find(" on"); at != std::string::npos; at = text.find(" on", at + 1)) {
        std::size_t end = at + 3;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        if (end > at + 3 && end < text.size() && text[end] == '=') return text.substr(at + 1, end - at);
    }
    for (std::size_t at = text.find("href="); at != std::string::npos; at = text.find("href=", at + 1)) {
        if (at + 6 < text.size() && text[at + 6] != '#') return std::string("a link to another file");
    }
    return std::nullopt;
}

}  // namespace

Result<ImageFacts> checkImageFile(const std::filesystem::path& file, const std::string& shownName) {
    auto failure = [&](ErrorCode code, std::string message, std::string hint) {
        return Error{code, shownName, 0, std::move(message), std::move(hint)};
    };
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) return failure(ErrorCode::FileUnreadable, "picture '" + shownName + "' cannot be read", "check the file");
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string readError;
    const auto unreadable = [&] {
        return failure(ErrorCode::FileUnreadable, "picture '" + shownName + "' " + readError,
                       kUnreadablePackFileHint);
    };
    const std::optional<std::string> head = readFileStart(file, kHeadBytes, readError);
    if (!head) return unreadable();

    ImageFacts facts;
    // As declared: a PNG may claim up to 2^32 - 1 pixels a side, which no int holds.
    std::uint32_t width = 0, height = 0;
    if (startsWith(*head, {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}) && head->size() >= 24) {
        width = bigEndian32(*head, 16);
        height = bigEndian32(*head, 20);
        facts.type = ImageType::Png;
    } else if (startsWith(*head, {0xFF, 0xD8, 0xFF})) {
        const std::optional<std::string> headers = readFileStart(file, kJpegHeaderBytes, readError);
        if (!headers) return unreadable();
        auto jpeg = jpegSize(*headers);
        if (!jpeg) return failure(ErrorCode::InvalidValue, "picture '" + shownName + "' is a damaged JPEG", "export it again");
        facts = *jpeg;
        width = static_cast<std::uint32_t>(jpeg->width);
        height = static_cast<std::uint32_t>(jpeg->height);
    } else if (const std::optional<std::string> prolog = readFileStart(file, kSvgPrologBytes, readError); !prolog) {
        return unreadable();
    } else if (looksLikeSvg(*prolog)) {
        facts.type = ImageType::Svg;
    } else {
        return failure(ErrorCode::InvalidValue, "picture '" + shownName + "' is not an SVG, PNG or JPEG image",
                       "export it again as .svg, .png or .jpg");
    }

    const bool nameMatches = (facts.type == ImageType::Svg && extension == ".svg") ||
                             (facts.type == ImageType::Png && extension == ".png") ||
                             (facts.type == ImageType::Jpeg && (extension == ".jpg" || extension == ".jpeg"));
    if (!nameMatches) {
        static constexpr std::array names{"an SVG", "a PNG", "a JPEG"};
        return failure(ErrorCode::InvalidValue,
                       "picture '" + shownName + "' is " + names[static_cast<int>(facts.type)] + " file with the wrong ending",
                       "rename it so its ending says what it is");
    }
    if (facts.type == ImageType::Svg) {
        if (size > limits::kSvgBytes) {
            return failure(ErrorCode::TooLarge, "picture '" + shownName + "' is larger than 1 MiB", "simplify the drawing");
        }
        std::optional<std::string> text = readFileStart(file, limits::kSvgBytes, readError);
        if (!text) return unreadable();
        if (auto bad = forbiddenSvgContent(std::move(*text))) {
            return failure(ErrorCode::Forbidden, "picture '" + shownName + "' contains " + *bad,
                           "pictures may only draw: remove scripts, event handlers and links to other files");
        }
        return facts;
    }
    if (size > limits::kImageBytes) {
        return failure(ErrorCode::TooLarge, "picture '" + shownName + "' is larger than 10 MiB",
                       "save it smaller: screens show at most 4096 pixels");
    }
    constexpr auto kSide = static_cast<std::uint32_t>(limits::kImageSide);
    if (width == 0 || height == 0 || width > kSide || height > kSide) {
        return failure(ErrorCode::TooLarge,
                       "picture '" + shownName + "' is " + std::to_string(width) + " × " + std::to_string(height) +
                           " pixels; at most 4096 × 4096 are allowed",
                       "scale it down");
    }
    facts.width = static_cast<int>(width);
    facts.height = static_cast<int>(height);
    return facts;
}

}  // namespace kiosk::core
