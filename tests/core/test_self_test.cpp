// The event-mode self-test: each broken condition an event would meet fails exactly its own check,
// naming the file, and a healthy kiosk passes every check.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <memory>

#include "core/ops/self_test.hpp"
#include "core/staff/staff_pin.hpp"
#include "core/sync/content_store.hpp"
#include "core/sync/folder_import.hpp"
#include "core/util/utc_time.hpp"
#include "published_stick.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

const core::WallTime kPublished = *core::parseUtc("2026-06-01T10:00:00Z");

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A speech engine with the voices it is given, answering as espeak-ng does (voice languages in,
// voice names out); the real one is asked in tests/platform/test_espeak_speech.cpp.
struct FakeVoices {
    std::map<std::string, std::string> voices{{"de", "German"}, {"en-gb", "English (Great Britain)"}, {"uk", "Ukrainian"}};
    std::string startProblem;  // set: the engine cannot start at all
    std::vector<std::string> asked;

    core::VoiceLookup operator()(const std::string& voiceLanguage) {
        asked.push_back(voiceLanguage);
        if (!startProblem.empty()) return {{}, startProblem};
        const auto voice = voices.find(voiceLanguage);
        if (voice == voices.end()) return {{}, "no voice for '" + voiceLanguage + "' in /data"};
        return {voice->second, {}};
    }
};

// A kiosk that is ready: one pack in its content folder, fonts, speech voices, a PIN, room on the disk.
struct Kiosk {
    test::TempDir content, state, fonts;
    std::shared_ptr<FakeVoices> voices = std::make_shared<FakeVoices>();
    core::SelfTestInput input;

    Kiosk() {
        std::filesystem::copy(KIOSK_TEST_DATA "/content/test-pack", content.path() / "test-pack", std::filesystem::copy_options::recursive);
        input.config.contentFolders = {content.path()};
        input.stateFolder = state.path();
        input.fontFiles = {fonts.write("Regular.ttf", "font bytes"), fonts.write("Bold.ttf", "font bytes")};
        input.optionalFontFiles = {fonts.write("Italic.ttf", "font bytes")};
        input.speechVoice = [voices = voices](const std::string& language) { return (*voices)(language); };
        input.speechFix = "apt-get install --reinstall espeak-ng-data";
        input.freeBytes = [](const std::filesystem::path&) { return std::optional<std::uintmax_t>(std::uintmax_t{1} << 30); };
        input.now = kPublished + std::chrono::hours(1);
        const core::ManualWallClock clock(input.now);
        REQUIRE(core::StaffPin(state.path(), clock).set("2468").empty());
    }

    std::vector<core::SelfTestCheck> run() const { return core::runSelfTest(input); }
};

// A catalog 'hub' that signed online-id at kPublished (valid 30 days), imported like a USB stick.
struct SyncedKiosk : Kiosk {
    test::TempDir stick, keys;

    SyncedKiosk() {
        const std::string rootBytes = test::publishOnlineId(stick.path(), kPublished);
        const core::CatalogSource hub{"hub", "https://unused.example/", keys.write("root.json", rootBytes), {}, {}};
        input.config.sync.catalogs = {hub};
        const auto report = core::importPublishedFolder(stick.path(), input.config.sync.catalogs, core::ContentStore(state.path()), kPublished);
        REQUIRE_MESSAGE(report.ok, report.problem);
    }
};

std::vector<std::string> failing(const std::vector<core::SelfTestCheck>& checks) {
    std::vector<std::string> names;
    for (const auto& check : checks) {
        if (!check.ok) names.push_back(check.name);
    }
    return names;
}

const core::SelfTestCheck& find(const std::vector<core::SelfTestCheck>& checks, const std::string& name) {
    for (const auto& check : checks) {
        if (check.name == name) return check;
    }
    FAIL("no check named " << name);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("self-test: a ready kiosk passes every check, always the same checks in the same order") {
    const Kiosk kiosk;
    const auto checks = kiosk.run();
    std::vector<std::string> names;
    for (const auto& check : checks) {
        names.push_back(check.name);
        CHECK_MESSAGE(check.ok, check.name << ": " << check.detail << " — " << check.fix);
        CHECK(check.fix.empty());
    }
    CHECK(names == std::vector<std::string>{"content", "synced content", "fonts", "speech voices", "disk space", "broken state", "staff PIN", "clock"});
    CHECK(find(checks, "content").detail == "1 pack loads");
    CHECK(contains(find(checks, "synced content").detail, "not applicable"));
    CHECK(find(checks, "speech voices").detail == "de: German; en: English (Great Britain)");
    CHECK(find(checks, "disk space").detail == "1024 MiB free in " + kiosk.state.path().string() + ", 200 MiB needed");
}

TEST_CASE("self-test: a synced kiosk with its catalog installed and valid is ready") {
    const SyncedKiosk kiosk;
    const auto checks = kiosk.run();
    CHECK(failing(checks).empty());
    CHECK(find(checks, "content").detail == "2 packs load");
    CHECK(contains(find(checks, "synced content").detail, "catalog 'hub' version 1, 1 pack(s) installed, valid until 2026-07-01T10:00:00Z"));
}

TEST_CASE("self-test: a pack that does not load fails the content check, naming its first problem") {
    Kiosk kiosk;
    kiosk.content.write("test-pack/pages/second.toml", "this is = = not toml\n");
    kiosk.content.write("second-broken/pack.toml", "id = = \n");
    const auto checks = kiosk.run();
    CHECK(failing(checks) == std::vector<std::string>{"content"});
    const auto& content = find(checks, "content");
    CHECK(contains(content.detail, "2 packs do not load (0 packs load)"));
    CHECK(contains(content.detail, (kiosk.content.path() / "test-pack/pages/second.toml").string() + ":1"));
    CHECK(contains(content.detail, (kiosk.content.path() / "second-broken/pack.toml").string()));
    CHECK(contains(content.fix, "kiosk pack validate"));
}

TEST_CASE("self-test: no pack at all fails the content check") {
    Kiosk kiosk;
    std::filesystem::remove_all(kiosk.content.path() / "test-pack");
    const auto checks = kiosk.run();
    CHECK(failing(checks) == std::vector<std::string>{"content"});
    CHECK(find(checks, "content").detail == "no pack to show");
}

TEST_CASE("self-test: a catalog with nothing installed, or a pack of it gone, fails the synced content check") {
    SUBCASE("nothing installed") {
        Kiosk kiosk;
        kiosk.input.config.sync.catalogs = {core::CatalogSource{"hub", "https://unused.example/", kiosk.fonts.path() / "no-root.json", {}, {}}};
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"synced content"});
        CHECK(contains(find(checks, "synced content").detail, (kiosk.state.path() / "trusted/hub/active.json").string()));
        CHECK(contains(find(checks, "synced content").fix, "kiosk import"));
    }
    SUBCASE("an installed pack removed") {
        SyncedKiosk kiosk;
        std::filesystem::remove_all(kiosk.state.path() / "packs/online-id");
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"synced content"});
        CHECK(contains(find(checks, "synced content").detail, "pack online-id 1.0.0 is not installed (" +
                                                                  (kiosk.state.path() / "packs/online-id/1.0.0/pack.toml").string()));
    }
}

TEST_CASE("self-test: an expired catalog fails the synced content check, saying the content still shows") {
    SyncedKiosk kiosk;
    kiosk.input.now = kPublished + std::chrono::hours(24 * 31);
    const auto checks = kiosk.run();
    CHECK(failing(checks) == std::vector<std::string>{"synced content"});
    const auto& synced = find(checks, "synced content");
    CHECK(contains(synced.detail, "catalog 'hub': catalog: expired 2026-07-01T10:00:00Z"));
    CHECK(contains(synced.detail, "the content will keep showing, but no new content can be installed until the server publishes again"));
    CHECK(contains(synced.fix, "kiosk catalog publish"));
}

TEST_CASE("self-test: a missing font file fails the fonts check, a missing italic only says so") {
    SUBCASE("bold missing") {
        Kiosk kiosk;
        std::filesystem::remove(kiosk.fonts.path() / "Bold.ttf");
        kiosk.input.fontFix = "apt-get install fonts-noto-core";
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"fonts"});
        CHECK(contains(find(checks, "fonts").detail, "cannot read " + (kiosk.fonts.path() / "Bold.ttf").string()));
        CHECK(find(checks, "fonts").fix == "apt-get install fonts-noto-core");
    }
    SUBCASE("an empty regular font is no font") {
        Kiosk kiosk;
        kiosk.fonts.write("Regular.ttf", "");
        CHECK(failing(kiosk.run()) == std::vector<std::string>{"fonts"});
    }
    SUBCASE("italic missing") {
        Kiosk kiosk;
        std::filesystem::remove(kiosk.fonts.path() / "Italic.ttf");
        const auto checks = kiosk.run();
        CHECK(failing(checks).empty());
        CHECK(contains(find(checks, "fonts").detail, "missing " + (kiosk.fonts.path() / "Italic.ttf").string() + ": emphasis shows upright"));
    }
}

TEST_CASE("self-test: every configured language needs its voice, Leichte Sprache is the German one, read slower") {
    Kiosk kiosk;
    kiosk.input.config.languages = {"de", "en", "uk", "de-x-ls"};
    SUBCASE("all there") {
        const auto checks = kiosk.run();
        CHECK(failing(checks).empty());
        CHECK(find(checks, "speech voices").detail == "de: German; en: English (Great Britain); uk: Ukrainian; de-x-ls: German, read slower");
        CHECK(kiosk.voices->asked == std::vector<std::string>{"de", "en-gb", "uk", "de"});  // British English, as the speech output reads it
    }
    SUBCASE("the Ukrainian voice missing") {
        kiosk.voices->voices.erase("uk");
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"speech voices"});
        const auto& speech = find(checks, "speech voices");
        CHECK(speech.detail == "speech output cannot read 'uk' aloud: no voice for 'uk' in /data");
        CHECK(speech.fix == "apt-get install --reinstall espeak-ng-data");
    }
    SUBCASE("the engine cannot start: said once for all languages") {
        kiosk.voices->startProblem = "espeak-ng cannot start with the data in /data: No such file or directory";
        const auto checks = kiosk.run();
        const auto& speech = find(checks, "speech voices");
        CHECK_FALSE(speech.ok);
        CHECK(speech.detail == "speech output cannot read 'de', 'en', 'uk', 'de-x-ls' aloud: espeak-ng cannot start with the data in /data: No such file or directory");
    }
    SUBCASE("no engine to ask") {
        kiosk.input.speechVoice = nullptr;
        const auto checks = kiosk.run();
        const auto& speech = find(checks, "speech voices");
        CHECK(speech.ok);
        CHECK(contains(speech.detail, "not checked"));
    }
}

TEST_CASE("self-test: a language the kiosk does not know is read with the engine's voice for it, else in German, which then must exist") {
    Kiosk kiosk;
    kiosk.voices->voices.emplace("fr", "French (France)");
    kiosk.input.config.languages = {"de", "fr", "tlh"};
    SUBCASE("German there") {
        const auto checks = kiosk.run();
        CHECK(failing(checks).empty());
        CHECK(find(checks, "speech voices").detail == "de: German; fr: French (France); tlh: no voice of its own, read with German");
    }
    SUBCASE("German missing too") {
        kiosk.voices->voices.erase("de");
        const auto checks = kiosk.run();
        const auto& speech = find(checks, "speech voices");
        CHECK_FALSE(speech.ok);
        CHECK(speech.detail == "speech output cannot read 'de', 'tlh' aloud: no voice for 'de' in /data");
    }
}

TEST_CASE("self-test: too little room, or a file system that cannot be asked, fails the disk space check") {
    Kiosk kiosk;
    SUBCASE("120 MiB") {
        kiosk.input.freeBytes = [](const std::filesystem::path&) { return std::optional<std::uintmax_t>(std::uintmax_t{120} * 1024 * 1024); };
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"disk space"});
        CHECK(find(checks, "disk space").detail == "120 MiB free in " + kiosk.state.path().string() + ", 200 MiB needed");
        CHECK(contains(find(checks, "disk space").fix, "delete old files"));
    }
    SUBCASE("unknown") {
        kiosk.input.freeBytes = [](const std::filesystem::path&) { return std::optional<std::uintmax_t>(); };
        CHECK(failing(kiosk.run()) == std::vector<std::string>{"disk space"});
    }
    SUBCASE("statvfs itself, when nothing is injected, finds the temp folder's room") {
        kiosk.input.freeBytes = nullptr;
        kiosk.input.minFreeBytes = 1;
        CHECK(find(kiosk.run(), "disk space").ok);
    }
}

TEST_CASE("self-test: what interrupted or failed work left behind fails the broken state check, naming the file") {
    SyncedKiosk kiosk;
    std::filesystem::path named;
    SUBCASE("an interrupted extraction in staging") {
        named = kiosk.state.path() / "staging/online-id-1.1.0.unpacked";
        std::filesystem::create_directories(named / "pages");
        kiosk.state.write("staging/online-id-1.1.0.tar.gz.part", "a download the next sync resumes");
    }
    SUBCASE("a usage log set aside as corrupt") {
        named = kiosk.state.write("usage.sqlite.corrupt-20260601T100000Z", "damaged");
        kiosk.state.write("usage.sqlite.corrupt-20260601T100000Z-wal", "its log");
    }
    SUBCASE("a refused sync in status.json") {
        named = kiosk.state.write("status.json",
                                  R"({"catalogs": [{"name": "hub", "refused": true, "problem": "index.json: signed by 0 of 1 catalog keys"},)"
                                  R"( {"name": "gone", "refused": true, "problem": "a catalog the config no longer follows"}]})");
    }
    const auto checks = kiosk.run();
    CHECK(failing(checks) == std::vector<std::string>{"broken state"});
    const auto& broken = find(checks, "broken state");
    CHECK(contains(broken.detail, named.string() + ": "));
    CHECK_FALSE(contains(broken.detail, ".part"));
    CHECK_FALSE(contains(broken.detail, "-wal"));
    CHECK_FALSE(contains(broken.detail, "gone"));
    CHECK_FALSE(broken.fix.empty());
}

TEST_CASE("self-test: without a staff PIN the staff PIN check fails") {
    Kiosk kiosk;
    std::filesystem::remove(kiosk.state.path() / "staff-pin");
    const auto checks = kiosk.run();
    CHECK(failing(checks) == std::vector<std::string>{"staff PIN"});
    CHECK(contains(find(checks, "staff PIN").fix, "kiosk admin set-pin --state " + kiosk.state.path().string()));
}

TEST_CASE("self-test: a clock before this build, or before a catalog's signature, fails the clock check") {
    SUBCASE("a board without a battery in 2001") {
        Kiosk kiosk;
        kiosk.input.now = *core::parseUtc("2001-01-01T00:00:00Z");
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"clock"});
        CHECK(contains(find(checks, "clock").detail, "the clock says 2001-01-01T00:00:00Z"));
    }
    SUBCASE("a day before the trusted catalog was signed") {
        SyncedKiosk kiosk;
        kiosk.input.now = kPublished - std::chrono::hours(24);
        const auto checks = kiosk.run();
        CHECK(failing(checks) == std::vector<std::string>{"clock"});
        CHECK(contains(find(checks, "clock").detail, "catalog 'hub' was signed at 2026-06-01T10:00:00Z (" +
                                                         (kiosk.state.path() / "trusted/hub/catalog.json").string() + ")"));
    }
}
