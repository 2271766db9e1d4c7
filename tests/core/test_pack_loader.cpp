// Pack loading: the fixture and the shipped sample content load; broken packs report every problem.
#include <doctest/doctest.h>

#include "core/pack/pack_library.hpp"
#include "core/pack/pack_loader.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using kiosk::test::allMessages;

namespace {

// A valid minimal pack in `dir`/`id`, to break one piece at a time.
void writeMinimalPack(const test::TempDir& dir, const std::string& id) {
    dir.write(id + "/pack.toml", "id = \"" + id + R"("
version = "1.0.0"
category = "hub"
languages = ["de"]
start_page = "start"
tile_icon = "images/tile.svg"
title.de = "Titel"
description.de = "Beschreibung"
)");
    dir.write(id + "/images/tile.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>)");
    dir.write(id + "/pages/start.toml", "title.de = \"Start\"\n[[blocks]]\ntype = \"text\"\ntext.de = \"Hallo\"\n");
}

}  // namespace

TEST_CASE("the fixture pack loads with its pages and blocks in order") {
    auto report = core::loadPack(KIOSK_TEST_DATA "/content/test-pack");
    REQUIRE_MESSAGE(report.pack, allMessages(report.problems));
    const core::Pack& p = *report.pack;
    CHECK(p.id == "test-pack");
    CHECK(p.category == core::PackCategory::Egov);
    CHECK(p.title.in({"en"}) == "Test pack");
    CHECK(p.tileIcon.filename() == "tile.svg");
    REQUIRE(p.pages.size() == 2);
    CHECK(p.pages[0].id == "second");  // sorted by file name, not by directory order
    const core::Page* start = p.findPage("start");
    REQUIRE(start);
    REQUIRE(start->blocks.size() == 4);
    CHECK(std::get<core::HeadingBlock>(start->blocks[0]).text.in({"de"}) == "Überschrift mit Umlauten: äöü ß");
    CHECK(core::plainText(std::get<core::TextBlock>(start->blocks[1]).text.in({"de"})) == "Erster Absatz.\nZweiter Absatz.");
    CHECK(std::get<core::ImageBlock>(start->blocks[2]).picture.alt.in({"en"}) == "A blue square");
    const auto& button = std::get<core::ButtonBlock>(start->blocks[3]);
    CHECK(button.id == "to-second");
    CHECK(button.targetPage == "second");
}

TEST_CASE("the shipped sample content loads without a single problem") {
    const std::vector<std::filesystem::path> folders{KIOSK_SOURCE_DIR "/content"};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    CHECK_MESSAGE(library.problems.empty(), allMessages(library.problems));  // not even warnings
    CHECK(library.packs.size() >= 3);
    for (const auto& pack : library.packs) {
        CHECK_MESSAGE(pack.title.has("de"), pack.id);
        CHECK_MESSAGE(pack.title.has("en"), pack.id);
    }
}

TEST_CASE("every mistake in a broken pack is reported with its file and line") {
    test::TempDir dir;
    writeMinimalPack(dir, "broken");
    dir.write("broken/pages/start.toml", R"(title.de = "Start"
[[blocks]]
type = "heding"
text.de = "Hallo"

[[blocks]]
type = "image"
src = "images/missing.png"

[[blocks]]
type = "button"
id = "go"
to = "nowhere"
label.de = "Los"
colour = "red"
)");
    auto report = core::loadPack(dir.path() / "broken");
    REQUIRE_FALSE(report.pack);
    const std::string text = allMessages(report.problems);
    CHECK(text.find("broken/pages/start.toml:3:8: error: unknown block type 'heding' (did you mean 'heading'?)") != std::string::npos);
    CHECK(text.find("broken/pages/start.toml:8:7: error: image 'images/missing.png' does not exist") != std::string::npos);
    CHECK(text.find("missing key 'blocks[2].alt'") != std::string::npos);
    CHECK(text.find("broken/pages/start.toml:15:1: error: unknown key 'blocks[3].colour'") != std::string::npos);
    CHECK(text.find("broken/pages/start.toml:13:6: error: button 'go' leads to page 'nowhere', which does not exist") != std::string::npos);
    CHECK(report.problems.size() == 5);
}

TEST_CASE("manifest problems: id and folder differ, unknown category, missing start page") {
    test::TempDir dir;
    writeMinimalPack(dir, "pack-a");
    dir.write("pack-a/pack.toml", R"(id = "pack-b"
version = "1.0.0"
category = "helth"
languages = ["de"]
start_page = "begin"
tile_icon = "images/tile.svg"
title.de = "Titel"
description.de = "Beschreibung"
)");
    auto report = core::loadPack(dir.path() / "pack-a");
    REQUIRE_FALSE(report.pack);
    const std::string text = allMessages(report.problems);
    CHECK(text.find("pack-a/pack.toml:1:6: error: pack id 'pack-b' differs from its folder name 'pack-a'") != std::string::npos);
    CHECK(text.find("pack-a/pack.toml:3:12: error: unknown category 'helth' (did you mean 'health'?)") != std::string::npos);
    CHECK(text.find("pack-a/pack.toml:5:14: error: start page 'begin' does not exist") != std::string::npos);
}

TEST_CASE("image paths may not leave the pack and must be images") {
    test::TempDir dir;
    writeMinimalPack(dir, "escape");
    dir.write("secret.png", "x");
    dir.write("escape/pages/start.toml", R"(title.de = "Start"
[[blocks]]
type = "image"
src = "../secret.png"
alt.de = "x"
[[blocks]]
type = "image"
src = "images/tile.exe"
alt.de = "x"
)");
    dir.write("escape/images/tile.exe", "MZ\x90\x00");
    auto report = core::loadPack(dir.path() / "escape");
    REQUIRE_FALSE(report.pack);
    const std::string text = allMessages(report.problems);
    CHECK(text.find("escape/images/tile.exe: error: this file is a program, which a pack must never contain") !=
          std::string::npos);
    dir.write("escape/images/tile.exe", "plain text");
    const std::string second = allMessages(core::loadPack(dir.path() / "escape").problems);
    CHECK(second.find("escape/images/tile.exe: error: files of this kind do not belong in a pack") != std::string::npos);
    std::filesystem::remove(dir.path() / "escape/images/tile.exe");
    const std::string third = allMessages(core::loadPack(dir.path() / "escape").problems);
    CHECK(third.find("'blocks[1].src' points outside the pack") != std::string::npos);
    CHECK(third.find("image 'images/tile.exe' does not exist") != std::string::npos);
}

TEST_CASE("a broken pack never hides the good ones") {
    test::TempDir dir;
    writeMinimalPack(dir, "good");
    writeMinimalPack(dir, "bad");
    dir.write("bad/pages/start.toml", "title.de = \"Start\"\n[[blocks]\n");  // TOML syntax error
    const std::vector<std::filesystem::path> folders{dir.path()};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    REQUIRE(library.packs.size() == 1);
    CHECK(library.packs[0].id == "good");
    REQUIRE(library.problems.size() == 1);
    CHECK(library.problems[0].code == core::ErrorCode::Syntax);
    CHECK(library.problems[0].file == (dir.path() / "bad/pages/start.toml").string());
    CHECK(library.problems[0].line == 2);
}

TEST_CASE("packs are ordered hub, e-government, health, then by id, duplicates are refused") {
    test::TempDir first;
    test::TempDir second;
    writeMinimalPack(first, "zeta");
    writeMinimalPack(first, "alpha");
    writeMinimalPack(second, "alpha");
    first.write("alpha/pack.toml", R"(id = "alpha"
version = "1.0.0"
category = "health"
languages = ["de"]
start_page = "start"
tile_icon = "images/tile.svg"
title.de = "Titel"
description.de = "Beschreibung"
)");
    const std::vector<std::filesystem::path> folders{first.path(), second.path()};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    REQUIRE(library.packs.size() == 2);
    CHECK(library.packs[0].id == "zeta");  // hub before health
    CHECK(library.packs[1].id == "alpha");
    REQUIRE(library.problems.size() == 1);
    CHECK(library.problems[0].message.find("already loaded") != std::string::npos);
}

TEST_CASE("a missing content folder is a problem, not a crash") {
    const std::vector<std::filesystem::path> folders{"/nonexistent/content"};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    CHECK(library.packs.empty());
    REQUIRE(library.problems.size() == 1);
    CHECK(library.problems[0].file == "/nonexistent/content");
}

TEST_CASE("folders that are not packs, and unreadable ones, are reported without hiding the good packs") {
    test::TempDir dir;
    writeMinimalPack(dir, "good");
    dir.write("misnamed/Pack.toml", "id = \"misnamed\"\n");
    dir.write("README.md", "loose files in a content folder are fine\n");
    std::filesystem::create_directories(dir.path() / "loop");
    std::filesystem::create_symlink("pack.toml", dir.path() / "loop" / "pack.toml");  // points at itself
    std::filesystem::create_symlink(dir.path() / "gone", dir.path() / "dangling");    // points at nothing
    const std::vector<std::filesystem::path> folders{dir.path()};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    REQUIRE(library.packs.size() == 1);
    CHECK(library.packs[0].id == "good");
    const std::string text = allMessages(library.problems);
    CHECK(text.find("misnamed/pack.toml: error: this folder has no pack.toml") != std::string::npos);
    CHECK(text.find("loop/pack.toml: error: cannot read the pack's manifest") != std::string::npos);
    CHECK(text.find("dangling: error: cannot read this entry") != std::string::npos);
    CHECK(library.problems.size() == 3);
}

TEST_CASE("an image that is a link to a file outside the pack is refused") {
    test::TempDir dir;
    writeMinimalPack(dir, "linked");
    dir.write("outside.png", "x");
    std::filesystem::create_symlink(dir.path() / "outside.png", dir.path() / "linked/images/inside.png");
    dir.write("linked/pages/start.toml", "title.de = \"Start\"\n[[blocks]]\ntype = \"image\"\nsrc = \"images/inside.png\"\nalt.de = \"x\"\n");
    auto report = core::loadPack(dir.path() / "linked");
    REQUIRE_FALSE(report.pack);
    CHECK(allMessages(report.problems).find("images/inside.png: error: this is a link to something outside the pack") !=
          std::string::npos);
}

TEST_CASE("a translated key written as one plain text says to write one text per language") {
    test::TempDir dir;
    writeMinimalPack(dir, "plain");
    dir.write("plain/pack.toml", R"(id = "plain"
version = "1.0.0"
category = "hub"
languages = ["de", "en", "de-x-ls"]
start_page = "start"
tile_icon = "images/tile.svg"
title = "Titel"
description.de = "Beschreibung"
description.en = "Description"
description.de-x-ls = "Beschreibung"
)");
    dir.write("plain/pages/start.toml", R"(title.de = "Start"
title.en = "Start"
title.de-x-ls = "Start"
[[blocks]]
type = "facts"
[[blocks.facts]]
value = "0"
label.de = "Wege"
label.en = "trips"
label.de-x-ls = "Wege"
[[blocks.facts]]
value.de = "1"
value.en = "1"
value.de-x-ls = "1"
label = 7
[[blocks]]
type = "text"
text = """
A text much too long to be repeated in a hint, over several lines."""
)");
    auto report = core::loadPack(dir.path() / "plain");
    REQUIRE_FALSE(report.pack);
    const auto& problems = report.problems;
    const std::string text = allMessages(problems);
    // One hint per kind of value: the author's own short text, or "…" for long ones and non-texts.
    CHECK(text.find("plain/pack.toml:7:9: error: 'title' needs one text per language "
                    "(write title.de = \"Titel\", title.en = \"Titel\" and title.de-x-ls = \"Titel\")") != std::string::npos);
    CHECK(text.find("plain/pages/start.toml:7:9: error: 'blocks[1].facts[1].value' needs one text per language "
                    "(write value.de = \"0\", value.en = \"0\" and value.de-x-ls = \"0\")") != std::string::npos);
    CHECK(text.find("plain/pages/start.toml:15:9: error: 'blocks[1].facts[2].label' needs one text per language "
                    "(write label.de = \"…\", label.en = \"…\" and label.de-x-ls = \"…\")") != std::string::npos);
    CHECK(text.find("plain/pages/start.toml:18:8: error: 'blocks[2].text' needs one text per language "
                    "(write text.de = \"…\", text.en = \"…\" and text.de-x-ls = \"…\")") != std::string::npos);
    CHECK(text.find("must be a table") == std::string::npos);
    CHECK(text.find("has no text") == std::string::npos);  // one message per mistake, not two
    CHECK(problems.size() == 4);
}

TEST_CASE("Markdown the kiosk cannot show is reported at the line and column where it is written") {
    test::TempDir dir;
    writeMinimalPack(dir, "links");
    dir.write("links/pages/start.toml", R"toml(title.de = "Start"
[[blocks]]
type = "text"
text.de = "Siehe [Portal](https://example.org)."
[[blocks]]
type = "text"
text.de = """
Erste Zeile.
Dann <b>fett</b> und [ä](http://example.org)."""
[[blocks]]
type = "text"
text.de = """Gleich [hier](www.example.org)"""
[[blocks]]
type = "text"
text.de = "Mit \"Zitat\" und [Link](https://example.org)"
)toml");
    auto report = core::loadPack(dir.path() / "links");
    REQUIRE_FALSE(report.pack);
    const std::string text = allMessages(report.problems);
    CHECK(text.find("links/pages/start.toml:4:27: error: 'https://example.org' is a link to a website") != std::string::npos);
    CHECK(text.find("links/pages/start.toml:9:6: error: rich text cannot contain HTML ('<b>')") != std::string::npos);
    CHECK(text.find("links/pages/start.toml:9:26: error: 'http://example.org' is a link to a website") != std::string::npos);
    CHECK(text.find("links/pages/start.toml:12:28: error: 'www.example.org' is a link to a website") != std::string::npos);
    // Escapes shift the value against the file: the line is certain, the column is not.
    CHECK(text.find("links/pages/start.toml:15: error: 'https://example.org' is a link to a website") != std::string::npos);
}
