// A disk that refuses writes in the middle of a sync (full, or a quota): the sync fails with a
// message that says so, the kiosk keeps showing what it had, and a later sync with room installs.
// The full disk is a file size limit (RLIMIT_FSIZE) on the sync process: every write past it
// fails with EFBIG, as it would with ENOSPC, without needing root or a small file system.
#include <signal.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// `kiosk sync --once` with writes limited to `maxFileBytes` per file; its exit code.
int syncWithFileLimit(const std::filesystem::path& config, rlim_t maxFileBytes, std::string& output, const std::filesystem::path& scratch) {
    const std::filesystem::path log = scratch / "sync-output.txt";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const rlimit limit{maxFileBytes, maxFileBytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::signal(SIGXFSZ, SIG_IGN);  // a failed write instead of a killed process, like a full disk
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::execl(KIOSK_BIN, KIOSK_BIN, "--config", config.c_str(), "sync", "--once", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    output = readFile(log);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("sync: a disk that refuses writes fails the sync cleanly, the shown set stays, and a later sync installs") {
    SyncFixture f;
    f.publish({"online-id"});
    REQUIRE(f.sync().ok);
    f.editPack("online-id", "1.0.1");
    const auto v2 = f.publish({"online-id"});
    const auto config = f.authoring.write("kiosk.toml", "[content]\nfolders = []\n[state]\nfolder = \"" + f.kiosk.path().string() +
                                                            "\"\n[[sync.catalogs]]\nname = \"hub\"\nurl = \"" + f.source.url +
                                                            "\"\nroot = \"root.json\"\n");
    REQUIRE(v2.packs.front().length > 4096);
    std::string output;
    const int code = syncWithFileLimit(config, 4096, output, f.authoring.path());
    CHECK_MESSAGE(code == 6, output);
    CHECK_MESSAGE(output.find("cannot write") != std::string::npos, output);
    CHECK_MESSAGE(output.find("check the free disk space") != std::string::npos, output);
    CHECK_MESSAGE(output.find("still showing catalog version 1") != std::string::npos, output);
    CHECK(f.active()->catalogVersion == 1);
    CHECK_FALSE(f.store().isInstalled({"online-id", "1.0.1"}));
    const core::PackLibrary library = core::loadPackLibrary({}, f.store().activePackFolders({"hub"}));
    CHECK(library.packs.size() == 1);

    const auto report = f.sync();
    REQUIRE_MESSAGE(report.ok, report.problem);
    CHECK(f.active()->catalogVersion == v2.version);
}
