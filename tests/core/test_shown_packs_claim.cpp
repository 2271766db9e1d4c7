// A running kiosk's claim on the pack versions it shows (core/sync/shown_packs_claim.hpp): what
// keeps another process's clean-up from removing them, and what happens to the claim of a
// process that is gone.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "core/sync/content_store.hpp"
#include "core/sync/shown_packs_claim.hpp"
#include "temp_dir.hpp"

using namespace kiosk;

namespace {

// Versions 1 to 3 of pack "a" installed, 3 active and 2 previous: 1 is named by no set.
struct ThreeVersions {
    test::TempDir state;
    core::ContentStore store{state.path()};

    ThreeVersions() {
        for (const char* version : {"1", "2", "3"}) {
            state.write(std::filesystem::path("packs") / "a" / version / "pack.toml", "id = \"a\"\n");
            REQUIRE(store.activate("hub", {std::stoll(version), {{"a", version}}}).empty());
        }
    }
    bool installed(const char* version) const { return store.isInstalled({"a", version}); }
    std::size_t claimFiles() const {
        std::error_code ec;
        std::size_t n = 0;
        for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(state.path() / "shown", ec)) ++n;
        return n;
    }
};

}  // namespace

TEST_CASE("sync store: a version a running kiosk shows stays installed though no set names it, until the kiosk shows another") {
    ThreeVersions f;
    {
        core::ShownPacksClaim claim(f.state.path());
        REQUIRE_MESSAGE(claim.error().empty(), claim.error());
        REQUIRE(claim.show({{"a", "1"}}).empty());
        CHECK(f.store.removeUnused({"hub"}).empty());
        CHECK(f.installed("1"));
        // Loading version 3: version 1 is still on the screen while 3 loads, so both are claimed.
        REQUIRE(claim.show({{"a", "3"}}).empty());
        CHECK(f.store.removeUnused({"hub"}).empty());
        CHECK(f.installed("1"));
        // The next load: version 1 left the screen with the one before.
        REQUIRE(claim.show({{"a", "3"}}).empty());
        const auto removed = f.store.removeUnused({"hub"});
        REQUIRE(removed.size() == 1);
        CHECK(removed[0] == core::PackVersion{"a", "1"});
        CHECK(f.claimFiles() == 2);  // its lock and its list
    }
    CHECK(f.claimFiles() == 0);  // a kiosk that ends takes its claim with it
    CHECK(f.installed("2"));     // previous.json's, kept for a rollback
    CHECK(f.installed("3"));
}

TEST_CASE("sync store: the claim of a kiosk killed with SIGKILL protects nothing, and the next clean-up deletes it") {
    ThreeVersions f;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Another process, as `kiosk run` beside `kiosk sync --once` is.
        core::ShownPacksClaim claim(f.state.path());
        const char ok = claim.show({{"a", "1"}}).empty() ? 'y' : 'n';
        (void)::write(ready[1], &ok, 1);
        for (;;) ::pause();
    }
    char ok = 0;
    REQUIRE(::read(ready[0], &ok, 1) == 1);
    ::close(ready[0]);
    ::close(ready[1]);
    CHECK(ok == 'y');
    CHECK(f.store.removeUnused({"hub"}).empty());
    CHECK(f.installed("1"));
    CHECK(f.claimFiles() == 2);

    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(f.claimFiles() == 2);  // nobody ran its destructor
    const auto removed = f.store.removeUnused({"hub"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"a", "1"});
    CHECK(f.claimFiles() == 0);
}

TEST_CASE("sync store: what a claim left half made goes, except files another process may be making right now") {
    ThreeVersions f;
    // A list whose lock never came (impossible for a live claim: the lock is placed first).
    f.state.write("shown/17-0.json", "{\"catalog_version\": 0, \"packs\": [{\"id\": \"a\", \"version\": \"1\"}]}\n");
    // A lock nobody holds, with its list: a process that ended.
    f.state.write("shown/18-0.lock", "");
    f.state.write("shown/18-0.json", "{\"catalog_version\": 0, \"packs\": [{\"id\": \"a\", \"version\": \"1\"}]}\n");
    // Lock files not renamed into place yet: one a minute old, one being made.
    const auto old = f.state.write("shown/.19-0.lock-unfinished", "");
    std::filesystem::last_write_time(old, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(2));
    f.state.write("shown/.20-0.lock-unfinished", "");
    // A list's temp file of a kiosk killed while it wrote it.
    const auto temp = f.state.write("shown/.21-0.json.Ab12Cd", "{");
    std::filesystem::last_write_time(temp, std::filesystem::file_time_type::clock::now() - std::chrono::minutes(2));

    const auto removed = f.store.removeUnused({"hub"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"a", "1"});
    CHECK(f.claimFiles() == 1);
    CHECK(std::filesystem::exists(f.state.path() / "shown/.20-0.lock-unfinished"));
}

TEST_CASE("sync store: a kiosk whose claim cannot be written says why, and its own clean-up still spares what it shows") {
    ThreeVersions f;
    std::filesystem::remove_all(f.state.path() / "shown");
    f.state.write("shown", "a file where the folder of claims belongs");
    core::ShownPacksClaim claim(f.state.path());
    CHECK(claim.error().find("cannot create") != std::string::npos);
    CHECK(claim.error().find("shown") != std::string::npos);
    CHECK(claim.show({{"a", "1"}}) == claim.error());
    CHECK(claim.claimed() == std::set<core::PackVersion>{{"a", "1"}});
    // The background sync passes what its process claims in memory.
    CHECK(f.store.removeUnused({"hub"}, claim.claimed()).empty());
    CHECK(f.installed("1"));
    // Other processes cannot see it (the folder of claims is a file: no claim to read).
    const auto removed = f.store.removeUnused({"hub"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"a", "1"});
}

TEST_CASE("sync store: a live claim that cannot be read keeps everything, and the clean-up after it finishes") {
    ThreeVersions f;
    core::ShownPacksClaim claim(f.state.path());
    REQUIRE(claim.show({{"a", "3"}}).empty());
    std::filesystem::path list;
    for (const auto& entry : std::filesystem::directory_iterator(f.state.path() / "shown")) {
        if (entry.path().extension() == ".json") list = entry.path();
    }
    REQUIRE_FALSE(list.empty());
    f.state.write(std::filesystem::relative(list, f.state.path()), "{ not a list");
    CHECK(f.store.removeUnused({"hub"}).empty());
    CHECK(f.installed("1"));  // named by nobody, but what the unreadable claim names cannot be told
    REQUIRE(claim.show({{"a", "3"}}).empty());
    const auto removed = f.store.removeUnused({"hub"});
    REQUIRE(removed.size() == 1);
    CHECK(removed[0] == core::PackVersion{"a", "1"});
}
