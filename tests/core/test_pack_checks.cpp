// Checks made before anything is decoded: picture headers, SVG content, the files of a pack, text size.
#include <doctest/doctest.h>

#include <algorithm>

#include <sys/stat.h>

#include "core/pack/easy_language.hpp"
#include "core/pack/image_check.hpp"
#include "core/pack/pack_files.hpp"
#include "core/pack/text_reader.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

std::string pngHeader(std::uint32_t width, std::uint32_t height) {
    std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (std::uint32_t v : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((v >> shift) & 0xFF);
    }
    return bytes + std::string("\x08\x02\0\0\0", 5);
}

// SOI, an APP0 segment to skip, then a baseline frame header (SOF0) with height and width.
std::string jpegHeader(int width, int height) {
    std::string bytes("\xFF\xD8\xFF\xE0\x00\x04\x00\x00", 8);
    bytes += std::string("\xFF\xC0\x00\x11\x08", 5);
    bytes += static_cast<char>(height >> 8);
    bytes += static_cast<char>(height & 0xFF);
    bytes += static_cast<char>(width >> 8);
    bytes += static_cast<char>(width & 0xFF);
    return bytes + std::string(12, '\0');
}

}  // namespace

TEST_CASE("picture sizes are read from PNG and JPEG headers, without decoding") {
    test::TempDir dir;
    auto png = core::checkImageFile(dir.write("a.png", pngHeader(640, 400)), "a.png");
    REQUIRE(png.ok());
    CHECK(png.value().width == 640);
    CHECK(png.value().height == 400);
    auto jpeg = core::checkImageFile(dir.write("b.jpg", jpegHeader(1024, 768)), "b.jpg");
    REQUIRE(jpeg.ok());
    CHECK(jpeg.value().type == core::ImageType::Jpeg);
    CHECK(jpeg.value().width == 1024);
    CHECK(jpeg.value().height == 768);
}

TEST_CASE("pictures too large, lying about their type, or not pictures at all are refused") {
    test::TempDir dir;
    auto huge = core::checkImageFile(dir.write("huge.png", pngHeader(100000, 100000)), "huge.png");
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().code == core::ErrorCode::TooLarge);
    CHECK(huge.error().message == "picture 'huge.png' is 100000 × 100000 pixels; at most 4096 × 4096 are allowed");
    auto wide = core::checkImageFile(dir.write("wide.jpg", jpegHeader(5000, 10)), "wide.jpg");
    CHECK_FALSE(wide.ok());
    auto lying = core::checkImageFile(dir.write("photo.jpg", pngHeader(10, 10)), "photo.jpg");
    REQUIRE_FALSE(lying.ok());
    CHECK(lying.error().message == "picture 'photo.jpg' is a PNG file with the wrong ending");
    auto text = core::checkImageFile(dir.write("notes.png", "just text"), "notes.png");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == "picture 'notes.png' is not an SVG, PNG or JPEG image");
    auto truncated = core::checkImageFile(dir.write("cut.jpg", std::string("\xFF\xD8\xFF\xE0\x00\x04", 6)), "cut.jpg");
    REQUIRE_FALSE(truncated.ok());
    CHECK(truncated.error().message == "picture 'cut.jpg' is a damaged JPEG");
}

TEST_CASE("SVG that would run scripts or fetch other files is refused, plain drawings pass") {
    test::TempDir dir;
    const std::string open = R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 8 8">)";
    CHECK(core::checkImageFile(dir.write("ok.svg", open + R"(<defs><g id="a"/></defs><use xlink:href="#a"/></svg>)"), "ok.svg").ok());
    const std::pair<const char*, const char*> bad[] = {
        {"<SCRIPT>x()</SCRIPT>", "<script"},
        {R"svg(<rect onload="x()"/>)svg", "onload="},
        {R"(<image href="https://example.org/a.png"/>)", "a link to another file"},
        {R"(<image xlink:href="/etc/passwd"/>)", "a link to another file"},
        {"<foreignObject/>", "<foreignobject"},
    };
    for (const auto& [body, what] : bad) {
        CAPTURE(body);
        auto result = core::checkImageFile(dir.write("bad.svg", open + body + "</svg>"), "bad.svg");
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == core::ErrorCode::Forbidden);
        CHECK(result.error().message == std::string("picture 'bad.svg' contains ") + what);
    }
}

TEST_CASE("an SVG is known by its first element, whatever an editor wrote before it") {
    test::TempDir dir;
    const std::string drawing = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>)";
    const std::string licence = "<!-- " + std::string(3000, 'L') + " -->\n";
    const std::pair<const char*, std::string> good[] = {
        {"plain", drawing},
        {"a licence of 3000 bytes first", licence + drawing},
        {"a byte order mark, the XML declaration, a DOCTYPE",
         "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
         "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + drawing},
        {"a DOCTYPE with an internal subset", "<!DOCTYPE svg [ <!ATTLIST svg a CDATA \"x>\"> ]>\n" + drawing},
    };
    for (const auto& [what, text] : good) {
        CAPTURE(what);
        const auto result = core::checkImageFile(dir.write("ok.svg", text), "ok.svg");
        CHECK_MESSAGE(result.ok(), result.error().describe());
    }
    const std::pair<const char*, std::string> notSvg[] = {
        {"an HTML page with a drawing in it", "<html><body>" + drawing + "</body></html>"},
        {"a comment that never ends", "<!-- " + drawing},
        {"an element named svgx", "<svgx/>"},
        {"nothing but a prolog", "<?xml version=\"1.0\"?>\n" + licence},
    };
    for (const auto& [what, text] : notSvg) {
        CAPTURE(what);
        const auto result = core::checkImageFile(dir.write("not.svg", text), "not.svg");
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message == "picture 'not.svg' is not an SVG, PNG or JPEG image");
    }
}

TEST_CASE("a pack's files: programs and fonts whatever their name, strange file kinds, deep folders") {
    test::TempDir dir;
    dir.write("pack/pack.toml", "id = \"pack\"\n");
    dir.write("pack/images/photo.png", "\x7F" "ELF\x02\x01");
    dir.write("pack/images/title.svg", "wOF2....");
    dir.write("pack/run.sh", "#!/bin/sh\n");
    dir.write("pack/notes.docx", "PK...");
    dir.write("pack/.editor-backup.exe", "MZ");  // hidden files are an editor's business
    dir.write("pack/a/b/c/d/e/f/g/h/i/deep.md", "x");
    REQUIRE(mkfifo((dir.path() / "pack/pipe.toml").c_str(), 0600) == 0);
    core::Diagnostics problems;
    core::checkPackFiles(dir.path() / "pack", problems);
    const std::string text = test::allMessages(problems);
    CHECK(text.find("images/photo.png: error: this file is a program") != std::string::npos);
    CHECK(text.find("images/title.svg: error: this file is a font") != std::string::npos);
    CHECK(text.find("run.sh: error: this file is a script") != std::string::npos);
    CHECK(text.find("notes.docx: error: files of this kind do not belong in a pack") != std::string::npos);
    CHECK(text.find("pipe.toml: error: this is not an ordinary file") != std::string::npos);
    CHECK(text.find("folders are nested more than 8 deep") != std::string::npos);
    CHECK(text.find("editor-backup") == std::string::npos);
    CHECK(problems.size() == 6);
}

TEST_CASE("a pack's files: names the kiosk shows but cannot publish to other kiosks are a warning") {
    test::TempDir dir;
    dir.write("pack/pack.toml", "id = \"pack\"\n");
    dir.write("pack/images/Photo.png", "x");
    dir.write("pack/pages/start.toml", "x");
    dir.write("pack/images/a/b/c/d/e.png", "x");
    core::Diagnostics problems;
    core::checkPackFiles(dir.path() / "pack", problems);
    const std::string text = test::allMessages(problems);
    CHECK(text.find("images/Photo.png: warning: this file name cannot be published to kiosks: it has") != std::string::npos);
    CHECK(text.find("images/a/b/c/d/e.png: warning: this file name cannot be published to kiosks: it is nested more than 5 deep") != std::string::npos);
    CHECK(problems.size() == 2);
    CHECK(std::all_of(problems.begin(), problems.end(), [](const core::Error& e) { return e.isWarning(); }));
}

TEST_CASE("characters are counted as a reader counts them") {
    CHECK(core::countCharacters("Straße") == 6);
    CHECK(core::countCharacters("Українська") == 10);
    CHECK(core::countCharacters("3 → 0") == 5);
    CHECK(core::countCharacters("") == 0);
}

TEST_CASE("Leichte Sprache: the first sentence over 15 words is found, marks and bullets are no words") {
    CHECK_FALSE(kiosk::core::firstLongSentence("Das ist kurz. Das auch!").has_value());
    // Fifteen words are fine, sixteen are not.
    CHECK_FALSE(kiosk::core::firstLongSentence("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn.").has_value());
    const auto sixteen = kiosk::core::firstLongSentence("Kurz. eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn.");
    REQUIRE(sixteen.has_value());
    CHECK(sixteen->words == 16);
    CHECK(sixteen->start == "eins zwei drei vier fünf sechs …");
    // Line breaks end sentences (list items, headings), "**" and "-" are not words, "4.50" does not end one.
    CHECK_FALSE(kiosk::core::firstLongSentence("- eins zwei drei vier fünf sechs sieben acht\n- neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn").has_value());
    CHECK_FALSE(kiosk::core::firstLongSentence("** eins ** zwei - drei – vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn.").has_value());
    CHECK(kiosk::core::firstLongSentence("Es kostet 4.50 Euro eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf.").has_value());
}
