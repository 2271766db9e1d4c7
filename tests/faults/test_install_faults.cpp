// One failing write, fsync, rename, open, read or allocation at a time, walked through a real
// `kiosk import` of catalog version 2 over version 1 (the install path a sync takes too): every
// run ends with an exit code (never a signal, never a hang), a failed one says what failed, the
// kiosk shows version 1 or version 2 and never a mix, every shown pack loads, and the next
// import without a fault installs version 2 from whatever the faulty one left.
#include <doctest/doctest.h>

#include <csignal>

#include <fstream>
#include <set>

#include "core/pack/pack_library.hpp"
#include "core/sync/catalog_publisher.hpp"
#include "core/sync/content_store.hpp"
#include "fault_run.hpp"
#include "pack_versions.hpp"
#include "temp_dir.hpp"
#include "trust_keys.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

void raiseVersion(const std::filesystem::path& pack, const std::string& version) {
    const auto manifest = pack / "pack.toml";
    std::ifstream in(manifest);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find("version = \"");
    REQUIRE(at != std::string::npos);
    text.replace(at, text.find('"', at + 11) - at + 1, "version = \"" + version + "\"");
    std::ofstream(manifest, std::ios::trunc) << text;
}

// A stick with catalog version 1 (online-id) imported into a kiosk, then version 2 (online-id
// 1.1.0 and e-prescription) published onto the same stick: what each run imports.
struct ImportFixture {
    TempDir dir;
    std::filesystem::path stick = dir.path() / "stick";
    std::filesystem::path state = dir.path() / "state";
    std::filesystem::path pristine = dir.path() / "pristine";
    std::filesystem::path config;
    core::CatalogMetadata v1;
    core::CatalogMetadata v2;

    ImportFixture() {
        std::filesystem::create_directories(dir.path() / "authoring");
        for (const char* id : {"online-id", "e-prescription"}) {
            std::filesystem::copy(std::filesystem::path(KIOSK_SOURCE_DIR) / "content" / id, dir.path() / "authoring" / id,
                                  std::filesystem::copy_options::recursive);
        }
        const TrustKeys keys;
        core::PublishRequest request;
        request.key = &keys.catalogKey;
        request.rootBytes = keys.rootBytes;
        request.root = keys.root;
        request.out = stick;
        request.now = core::SystemWallClock().now();
        const auto rootFile = dir.write("root.json", request.rootBytes);
        config = dir.write("kiosk.toml", "[content]\nfolders = []\n[state]\nfolder = \"" + state.string() +
                                             "\"\n[[sync.catalogs]]\nname = \"hub\"\nurl = \"https://hub.example.org/kiosk\"\nroot = \"" +
                                             rootFile.string() + "\"\n");

        request.packFolders = {dir.path() / "authoring" / "online-id"};
        auto first = core::publishCatalog(request);
        REQUIRE_MESSAGE(first.ok(), first.error().describe());
        v1 = first.value();
        REQUIRE(import().code == 0);
        std::filesystem::copy(state, pristine, std::filesystem::copy_options::recursive);

        raiseVersion(dir.path() / "authoring" / "online-id", "1.1.0");
        request.packFolders = {dir.path() / "authoring" / "e-prescription", dir.path() / "authoring" / "online-id"};
        request.version = 0;
        auto second = core::publishCatalog(request);
        REQUIRE_MESSAGE(second.ok(), second.error().describe());
        v2 = second.value();
    }

    std::vector<std::string> importCommand() const { return {KIOSK_BIN, "--config", config.string(), "import", stick.string()}; }
    FaultRun import(const std::string& point = "posix/io/rw/write", std::uint64_t at = 0, std::uint64_t* calls = nullptr) const {
        return runWithFault(importCommand(), point, at, dir.path(), calls);
    }
    void restore() const {
        std::filesystem::remove_all(state);
        std::filesystem::copy(pristine, state, std::filesystem::copy_options::recursive);
    }
    std::optional<core::ActiveSet> active() const { return core::ContentStore(state).activeSet("hub"); }
};

struct Tally {
    int runs = 0;
    int landed = 0;
    int failedCleanly = 0;
    int sawOld = 0;
    int sawNew = 0;
    int aborted = 0;
};

// Where a failed allocation meets code that cannot report it, the process ends on purpose:
// the C++ runtime (std::terminate → SIGABRT) in nlohmann::json's destructor, which allocates its
// stack, inside libstdc++'s recursive_directory_iterator, in libhwy's constructor while FFmpeg is
// loaded; kiosk/app/out_of_memory.cpp turns those with the bad_alloc still known into exit code
// 1. And the C libraries FFmpeg brings along abort by design: GLib ("GLib-ERROR **: … failed to
// allocate", SIGTRAP; "GLib (gthread-posix.c): Unexpected error from C library during 'malloc'",
// SIGABRT) and others with only "Fatal error: …" (found with KIOSK_FAULT_BUDGET=300; whether CI's
// spread of calls meets one depends on where it falls). So a failed allocation may end in
// SIGABRT or SIGTRAP, never in another signal (SIGSEGV would be ours), and nothing half-written
// may be shown: that is checked for every run.
bool abortedForLackOfMemory(const std::string& point, const FaultRun& run) {
    return point == "libc/mm/malloc" && !run.exited && (run.code == SIGABRT || run.code == SIGTRAP);
}

// What a failed run must say: what could not be done, in words staff can act on.
bool saysWhatFailed(const std::string& output) {
    return output.find("cannot") != std::string::npos || output.find("out of memory") != std::string::npos;
}

// One run with call `at` of `point` failing, and everything the header promises about it.
void checkOneFault(const ImportFixture& f, const std::string& point, std::uint64_t at, Tally& tally) {
    f.restore();
    const FaultRun run = f.import(point, at);
    INFO(point << " failing at call " << at << ": " << describe(run));
    ++tally.runs;
    tally.landed += run.hit;
    if (abortedForLackOfMemory(point, run)) {
        ++tally.aborted;
    } else {
        REQUIRE(run.exited);
    }
    if (run.exited && run.code != 0) {
        ++tally.failedCleanly;
        // kExitFailure: the content itself was fine. kExitConfig when kiosk.toml could not be read.
        const bool configUnread = run.code == 3 && run.output.find("kiosk.toml") != std::string::npos;
        CHECK((run.code == 1 || configUnread));
        CHECK(saysWhatFailed(run.output));
    }
    const auto active = f.active();
    REQUIRE(active.has_value());
    if (active->catalogVersion == f.v1.version) {
        CHECK(run.code != 0);  // success means version 2 is shown
        CHECK(active->packs == setOf(f.v1));
        ++tally.sawOld;
    } else {
        CHECK(active->catalogVersion == f.v2.version);
        CHECK(active->packs == setOf(f.v2));
        ++tally.sawNew;
    }
    const core::PackLibrary library = core::loadPackLibrary({}, core::ContentStore(f.state).activePackFolders({"hub"}));
    CHECK(library.packs.size() == active->packs.size());
    for (const auto& problem : library.problems) FAIL_CHECK(problem.describe());
    // Whatever the fault left behind (staging, a half-written temp file) does not stand in the way.
    const FaultRun after = f.import();
    INFO("the import after it: " << describe(after));
    CHECK(after.exited);
    CHECK(after.code == 0);
    CHECK(f.active()->packs == setOf(f.v2));
}

void walkFault(const std::string& point, std::uint64_t budget) {
    ImportFixture f;
    f.restore();
    std::uint64_t calls = 0;
    const FaultRun counted = f.import(point, 0, &calls);
    REQUIRE_MESSAGE(counted.code == 0, describe(counted));
    REQUIRE(calls > 0);
    Tally tally;
    for (const std::uint64_t at : faultPositions(calls, budget)) checkOneFault(f, point, at, tally);
    MESSAGE(point << ": " << calls << " calls in an import, " << tally.runs << " runs with one failing (" << tally.landed
                  << " landed), " << tally.failedCleanly << " failed with a message, version 1 left shown " << tally.sawOld
                  << " times, version 2 " << tally.sawNew << ", ended by an abort on purpose (std::terminate, GLib …) " << tally.aborted);
    // Most faults must land, or the walk is walking nothing (threads may shift a count by a few).
    CHECK(tally.landed * 10 >= tally.runs * 9);
}

}  // namespace

TEST_CASE("install: a failing write during an import leaves the old set or the new one, and says what failed") {
    walkFault("posix/io/rw/write", 20);
}

TEST_CASE("install: a failing fsync during an import leaves the old set or the new one, and says what failed") {
    walkFault("posix/io/sync/fsync", 20);
}

TEST_CASE("install: a failing rename during an import leaves the old set or the new one, and says what failed") {
    walkFault("posix/io/dir/rename", 40);
}

TEST_CASE("install: a failing open during an import leaves the old set or the new one") {
    walkFault("posix/io/oc/open", 15);
}

TEST_CASE("install: a failing read during an import leaves the old set or the new one") {
    walkFault("posix/io/rw/read", 12);
}

TEST_CASE("install: a failing allocation during an import ends with a message or std::terminate, never a segfault, and the old set or the new one") {
    walkFault("libc/mm/malloc", 30);
}
