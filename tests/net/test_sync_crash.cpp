// A sync killed (SIGKILL) at random moments while it installs a new catalog version: after each
// kill the kiosk shows exactly the old set or exactly the new one, every pack it would show
// loads, and the kiosk starts on it. A last sync then finishes what the killed ones started.
#include <signal.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "../core/pack_versions.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("sync: killed at any moment of an install, the kiosk shows the old set or the new one, never a mix") {
    SyncFixture f;
    const auto v1 = f.publish({"online-id"});
    REQUIRE(f.sync().ok);
    // Every round starts from this state: version 1 shown, nothing of version 2 there yet.
    const TempDir pristine;
    std::filesystem::copy(f.kiosk.path(), pristine.path(), std::filesystem::copy_options::recursive);
    for (const char* id : {"address-change", "appointment-service", "patient-record", "vehicle-registration", "video-consultation"}) {
        std::filesystem::copy(std::filesystem::path(kSampleContent) / id, f.authoring.path() / id, std::filesystem::copy_options::recursive);
    }
    f.editPack("online-id", "1.1.0");
    const auto v2 = f.publish({"address-change", "appointment-service", "e-prescription", "innovationshub", "online-id", "patient-record",
                               "vehicle-registration", "video-consultation"});
    const auto config = f.authoring.write("kiosk.toml", "[content]\nfolders = []\n[state]\nfolder = \"" + f.kiosk.path().string() +
                                                            "\"\n[[sync.catalogs]]\nname = \"hub\"\nurl = \"" + f.source.url +
                                                            "\"\nroot = \"root.json\"\n");
    const auto restore = [&] {
        std::filesystem::remove_all(f.kiosk.path());
        std::filesystem::copy(pristine.path(), f.kiosk.path(), std::filesystem::copy_options::recursive);
    };
    // How long a whole sync takes here (about 0.1 s on the development machine); the kills fall
    // from its start to a little past its end, so they land in every phase: roots, catalog,
    // downloads, extraction, the renames, the switch.
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(std::system(("'" KIOSK_BIN "' --config '" + config.string() + "' sync --once >/dev/null 2>&1").c_str()) == 0);
    const int syncMs = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
    std::minstd_rand random(20261201);
    std::uniform_int_distribution<int> delayMs(0, syncMs + syncMs / 5);
    int sawOld = 0;
    int sawNew = 0;
    // 24 rounds in CI; KIOSK_CRASH_ROUNDS=1000 for a long run (tests/README.md, "Crash loops").
    const char* wanted = std::getenv("KIOSK_CRASH_ROUNDS");
    const int rounds = wanted && *wanted ? std::atoi(wanted) : 24;
    for (int round = 0; round < rounds; ++round) {
        restore();
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::execl(KIOSK_BIN, KIOSK_BIN, "--config", config.c_str(), "sync", "--once", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);

        const auto active = f.active();
        REQUIRE(active.has_value());
        INFO("round " << round << ", active catalog version " << active->catalogVersion);
        if (active->catalogVersion == v1.version) {
            CHECK(active->packs == setOf(v1));
            ++sawOld;
        } else {
            CHECK(active->catalogVersion == v2.version);
            CHECK(active->packs == setOf(v2));
            ++sawNew;
        }
        // What the kiosk would load now: every pack of the shown set, complete and valid.
        const core::PackLibrary library = core::loadPackLibrary({}, f.store().activePackFolders({"hub"}));
        CHECK(library.packs.size() == active->packs.size());
        for (const auto& problem : library.problems) FAIL_CHECK(problem.describe());
        // And the kiosk itself starts on it (headless) and shows that whole set, with no problem:
        // on each first sight of either set and every sixth round (a start takes a second under ASan).
        const bool firstOfItsKind = (active->catalogVersion == v1.version ? sawOld : sawNew) == 1;
        if (!firstOfItsKind && round % 6 != 0) continue;
        std::string output;
        CHECK(runKiosk("--config '" + config.string() + "' --frames 3", output, f.authoring.path()) == 0);
        CHECK_MESSAGE(output.find("[content] info: " + std::to_string(active->packs.size()) + " pack(s) loaded") != std::string::npos, output);
        CHECK_MESSAGE(output.find("[content] warning") == std::string::npos, output);
        CHECK_MESSAGE(output.find("[content] error") == std::string::npos, output);
    }
    MESSAGE("kills within " << syncMs << " ms that left the old set: " << sawOld << ", the new one: " << sawNew);
    restore();
    const auto last = f.sync();
    REQUIRE_MESSAGE(last.ok, last.problem);
    CHECK(f.active()->packs == setOf(v2));
}
