// Config loading: good files become typed values; every kind of mistake names file:line and a fix.
#include <doctest/doctest.h>

#include "core/config/kiosk_config.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using kiosk::test::allMessages;
using kiosk::test::hasError;

TEST_CASE("a complete config file is read into typed values") {
    test::TempDir dir;
    const auto file = dir.write("etc/kiosk.toml", R"(
[content]
folders = ["../packs", "/srv/extra"]
[state]
folder = "state"
[languages]
available = ["de", "en", "de-x-ls", "uk"]
default = "en"
[idle]
reset_after_seconds = 45
[window]
mode = "windowed"
width = 1024
height = 768
rotation = 90
)");
    auto config = core::loadConfig(file);
    REQUIRE_MESSAGE(config.ok(), allMessages(config.error()));
    const auto& c = config.value();
    REQUIRE(c.contentFolders.size() == 2);
    CHECK(c.contentFolders[0] == (dir.path() / "packs"));  // relative to the config file, not the cwd
    CHECK(c.contentFolders[1] == std::filesystem::path("/srv/extra"));
    CHECK(c.stateFolder == dir.path() / "etc" / "state");
    CHECK(c.languages == std::vector<std::string>{"de", "en", "de-x-ls", "uk"});
    CHECK(c.defaultLanguage == "en");
    CHECK(c.idleReset == std::chrono::seconds(45));
    CHECK(c.window.mode == core::WindowMode::Windowed);
    CHECK(c.window.width == 1024);
    CHECK(c.window.height == 768);
    CHECK(c.window.rotation == 90);
}

TEST_CASE("an empty config file gives the documented defaults") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "# nothing set\n"));
    REQUIRE(config.ok());
    CHECK(config.value().contentFolders == std::vector<std::filesystem::path>{dir.path() / "content"});
    CHECK(config.value().defaultLanguage == "de");
    CHECK(config.value().idleReset == std::chrono::seconds(90));
    CHECK(config.value().window.mode == core::WindowMode::Fullscreen);
}

TEST_CASE("the shipped config/kiosk.toml is valid") {
    auto config = core::loadConfig(KIOSK_SOURCE_DIR "/config/kiosk.toml");
    REQUIRE_MESSAGE(config.ok(), allMessages(config.error()));
    CHECK(config.value().contentFolders.front() == std::filesystem::path(KIOSK_SOURCE_DIR "/content"));
}

TEST_CASE("an unknown key names its line and suggests the right one") {
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[idle]\nreset_after_secnds = 30\n");
    auto config = core::loadConfig(file);
    REQUIRE_FALSE(config.ok());
    REQUIRE(config.error().size() == 1);
    const auto& e = config.error()[0];
    CHECK(e.code == core::ErrorCode::UnknownKey);
    CHECK(e.line == 2);
    CHECK(e.describe() == file.string() + ":2:1: error: unknown key 'idle.reset_after_secnds' (did you mean 'reset_after_seconds'?)");
}

TEST_CASE("an unknown table with no close match lists the known ones") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[network]\nproxy = \"x\"\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(config.error()[0].hint == "expected one of: content, state, languages, idle, staff, window, usage, sync, schedule, heartbeat");
}

TEST_CASE("wrong types name the key, the line and the expected type") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[window]\nwidth = \"wide\"\n\n[languages]\navailable = \"de\"\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(hasError(config.error(), "kiosk.toml", 2, "'window.width' must be a whole number"));
    CHECK(hasError(config.error(), "kiosk.toml", 5, "'languages.available' must be a list of texts"));
}

TEST_CASE("all problems in a file are reported together") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", R"([window]
mode = "fulscreen"
rotation = 45
width = 10
[idle]
reset_after_seconds = 2
)"));
    REQUIRE_FALSE(config.ok());
    REQUIRE(config.error().size() == 4);
    CHECK(config.error()[0].line == 2);
    CHECK(config.error()[0].hint == "did you mean 'fullscreen'?");
    CHECK(hasError(config.error(), "kiosk.toml", 3, "'window.rotation' is 45"));
    CHECK(hasError(config.error(), "kiosk.toml", 4, "'window.width' is 10, outside the allowed range"));
    CHECK(hasError(config.error(), "kiosk.toml", 6, "'idle.reset_after_seconds' is 2"));
}

TEST_CASE("the default language must be one of the available ones") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[languages]\navailable = [\"de\", \"en\"]\ndefault = \"fr\"\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(config.error()[0].message == "default language 'fr' is not in 'languages.available'");
}

TEST_CASE("a language listed twice is refused") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[languages]\navailable = [\"de\", \"en\", \"de\"]\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(hasError(config.error(), "kiosk.toml", 2, "'de' is listed twice"));
}

TEST_CASE("window sizes are parsed within the limits") {
    CHECK(core::parsePixelSize("1920x1080")->width == 1920);
    CHECK(core::parsePixelSize("1920x1080")->height == 1080);
    CHECK(core::parsePixelSize("8192x8192").has_value());
    CHECK_FALSE(core::parsePixelSize("8193x100").has_value());
    CHECK_FALSE(core::parsePixelSize("319x240").has_value());
    CHECK_FALSE(core::parsePixelSize("1920x").has_value());
    CHECK_FALSE(core::parsePixelSize("1920 x 1080").has_value());
    CHECK_FALSE(core::parsePixelSize("big").has_value());
}

TEST_CASE("invalid language tags are refused") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[languages]\navailable = [\"de\", \"English\"]\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(config.error()[0].message == "'English' is not a language tag");
}

TEST_CASE("a TOML syntax error names the line") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[window]\nmode = fullscreen\n"));
    REQUIRE_FALSE(config.ok());
    CHECK(config.error()[0].code == core::ErrorCode::Syntax);
    CHECK(config.error()[0].line == 2);
}

TEST_CASE("a missing config file says so") {
    auto config = core::loadConfig("/nonexistent/kiosk.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error()[0].code == core::ErrorCode::FileNotFound);
    CHECK(config.error()[0].describe() == "/nonexistent/kiosk.toml: error: file not found (check the path, or create the file)");
}

TEST_CASE("the staff gesture and the idle times are read from the config, with a clear error for a wrong corner") {
    test::TempDir dir;
    const auto file = dir.write("kiosk.toml", "[idle]\nreset_after_seconds = 60\nflow_reset_after_seconds = 30\nprompt_seconds = 50\n"
                                              "[staff]\ncorner = \"top-right\"\ntaps = 4\nwithin_seconds = 2\n");
    const auto config = core::loadConfig(file);
    REQUIRE(config.ok());
    CHECK(config.value().staffGesture.corner == core::ScreenCorner::TopRight);
    CHECK(config.value().staffGesture.taps == 4);
    CHECK(config.value().staffGesture.withinSeconds == 2.0);
    const core::IdlePolicy policy = core::idlePolicy(config.value());
    CHECK(policy.flow == std::chrono::seconds(60));    // never less than a page's time
    CHECK(policy.prompt == std::chrono::seconds(30));  // at most half of it

    const auto wrong = dir.write("wrong.toml", "[staff]\ncorner = \"bottom-lft\"\n");
    const auto refused = core::loadConfig(wrong);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error()[0].describe() ==
          wrong.string() + ":2:10: error: 'staff.corner' is \"bottom-lft\" (did you mean 'bottom-left'?)");
}

TEST_CASE("usage: [usage] sets retention and the smallest cell stats may show, never below 3") {
    test::TempDir dir;
    auto config = core::loadConfig(dir.write("kiosk.toml", "[usage]\nretention_days = 90\nmin_cell_sessions = 10\n"));
    REQUIRE(config.ok());
    CHECK(config.value().usage.retentionDays == 90);
    CHECK(config.value().usage.minCellSessions == 10);
    auto defaults = core::loadConfig(dir.write("empty.toml", ""));
    REQUIRE(defaults.ok());
    CHECK(defaults.value().usage.retentionDays == 180);
    CHECK(defaults.value().usage.minCellSessions == 5);
    auto low = core::loadConfig(dir.write("low.toml", "[usage]\nmin_cell_sessions = 2\n"));
    REQUIRE_FALSE(low.ok());
    CHECK(low.error()[0].line == 2);
    CHECK(low.error()[0].message.find("min_cell_sessions") != std::string::npos);
}

TEST_CASE("usage: the upload is off by default, and its url, name and credentials file are checked") {
    test::TempDir dir;
    auto defaults = core::loadConfig(dir.write("empty.toml", ""));
    REQUIRE(defaults.ok());
    CHECK(defaults.value().usage.uploadUrl.empty());

    auto on = core::loadConfig(dir.write("on.toml", "[usage]\nupload_url = \"https://stats.example.org/kiosks/\"\nupload_name = \"foyer\"\n"
                                                    "upload_credentials_file = \"secrets/upload\"\n"));
    REQUIRE(on.ok());
    CHECK(on.value().usage.uploadUrl == "https://stats.example.org/kiosks/");
    CHECK(on.value().usage.uploadName == "foyer");
    CHECK(on.value().usage.uploadCredentialsFile == dir.path() / "secrets/upload");  // next to the config, wherever the kiosk starts

    auto ftp = core::loadConfig(dir.write("ftp.toml", "[usage]\nupload_url = \"ftp://stats.example.org/\"\nupload_name = \"foyer\"\n"));
    REQUIRE_FALSE(ftp.ok());
    CHECK(ftp.error()[0].line == 2);
    CHECK(ftp.error()[0].message.find("upload_url") != std::string::npos);

    auto badName = core::loadConfig(dir.write("name.toml", "[usage]\nupload_url = \"https://s.example.org/\"\nupload_name = \"Foyer 1\"\n"));
    REQUIRE_FALSE(badName.ok());
    CHECK(badName.error()[0].line == 3);
    CHECK(badName.error()[0].hint.find("lowercase") != std::string::npos);

    auto noName = core::loadConfig(dir.write("noname.toml", "[usage]\nupload_url = \"https://s.example.org/\"\n"));
    REQUIRE_FALSE(noName.ok());
    CHECK(noName.error()[0].message.find("upload_name") != std::string::npos);
}

TEST_CASE("sync: [[sync.catalogs]] names each catalog's server and root, https only, and refuses mistakes by line") {
    test::TempDir dir;
    auto ok = core::loadConfig(dir.write("sync.toml", "[sync]\ninterval_minutes = 30\n[[sync.catalogs]]\nname = \"hub\"\n"
                                                      "url = \"https://content.hub.example/kiosk/\"\nroot = \"trust/hub-root.json\"\n"));
    REQUIRE(ok.ok());
    REQUIRE(ok.value().sync.catalogs.size() == 1);
    CHECK(ok.value().sync.catalogs[0].initialRoot == dir.path() / "trust/hub-root.json");
    CHECK(ok.value().sync.interval == std::chrono::minutes(30));
    CHECK(core::loadConfig(dir.write("none.toml", "")).value().sync.catalogs.empty());

    auto plain = core::loadConfig(dir.write("plain.toml", "[[sync.catalogs]]\nname = \"hub\"\nurl = \"http://content.hub.example/\"\nroot = \"r.json\"\n"));
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error()[0].line == 3);
    CHECK(plain.error()[0].message.find("https") != std::string::npos);

    auto twice = core::loadConfig(dir.write("twice.toml", "[[sync.catalogs]]\nname = \"hub\"\nurl = \"https://a.example/\"\nroot = \"r.json\"\n"
                                                          "[[sync.catalogs]]\nname = \"hub\"\nurl = \"https://b.example/\"\nroot = \"r.json\"\n"));
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error()[0].message.find("listed twice") != std::string::npos);

    auto noRoot = core::loadConfig(dir.write("noroot.toml", "[[sync.catalogs]]\nname = \"hub\"\nurl = \"https://a.example/\"\n"));
    REQUIRE_FALSE(noRoot.ok());
    CHECK(noRoot.error()[0].message.find("root") != std::string::npos);
}
