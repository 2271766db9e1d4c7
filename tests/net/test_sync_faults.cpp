// Network faults through the real libcurl transport and the real sync: a fault server
// (fault_server.py) serving the folder `catalog publish` wrote breaks connections off, stalls,
// trickles, cuts bodies short, sends without end, answers 500 and 404 and ignores Range. Each
// failed sync says what happened, keeps only what a resume can use (in staging/), and changes
// nothing the kiosk shows; the sync after it finishes the job with the signed bytes.
#include <chrono>

#include "fault_server.hpp"
#include "sync_fixture.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// The kiosk's own rule (slower than 1 kB/s for the low-speed time is a stall), only sooner, so a
// stalled transfer costs a test seconds rather than the half minute a kiosk waits.
constexpr auto kLowSpeedTime = std::chrono::seconds(2);
// libcurl's speed is the average over the last 5 s, so after a burst (half an archive at once)
// it takes up to 5 s to fall below the limit, then the low-speed time, then up to a second till
// the next check: about 8 s. The bound says the low-speed limit cut the stall short, well before
// the total limit (20 s) or the fault server's stall (30 s) would; it is not a measurement.
constexpr auto kStallBound = kLowSpeedTime + std::chrono::seconds(8);

net::TransportOptions shortLimits() {
    net::TransportOptions options;
    options.limits = net::HttpLimits{std::chrono::seconds(2), std::chrono::seconds(20), 1000, kLowSpeedTime};
    return options;
}

bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

const core::CatalogPack& packOf(const core::CatalogMetadata& catalog, const std::string& id) {
    const auto it = std::find_if(catalog.packs.begin(), catalog.packs.end(), [&id](const auto& p) { return p.id == id; });
    REQUIRE(it != catalog.packs.end());
    return *it;
}

std::string rule(const std::string& path, const std::string& fault) { return R"({"path": ")" + path + R"(", )" + fault + "}"; }

// After a pack failed, the catalog naming it is trusted already (verified, and no going back
// behind it, as in test_sync.cpp): trusted/hub/index.json and catalog.json may have moved on.
// Nothing else may have.
std::map<std::string, std::string> withoutTrustedCatalog(std::map<std::string, std::string> files) {
    files.erase("trusted/hub/index.json");
    files.erase("trusted/hub/catalog.json");
    return files;
}

// SyncFixture's publisher, state folder and snapshots, with the kiosk following the fault server,
// which serves nginx's document root. nginx stays up unused: the fixture owns that folder.
struct FaultFixture : SyncFixture {
    FaultServer faults{server.root()};
    core::CatalogMetadata v1;
    core::CatalogMetadata v2;

    // Version 1 of three packs shown, version 2 (online-id 1.0.1) published: a sync now has
    // exactly one archive to fetch, and a shown set a failure must not touch.
    FaultFixture() {
        source.url = faults.url("/kiosk");
        v1 = publish();
        const auto first = syncWithShortLimits();
        REQUIRE_MESSAGE(first.ok, first.problem);
        editPack("online-id", "1.0.1");
        v2 = publish();
    }

    core::CatalogSyncReport syncWithShortLimits() {
        net::CurlTransport transport(shortLimits());
        return core::syncCatalog(source, store(), transport, core::SystemWallClock().now());
    }

    const core::CatalogPack& newPack() const { return packOf(v2, "online-id"); }
    std::string newPackPath() const { return "/kiosk/" + newPack().path; }
    std::filesystem::path partFile() const { return store().stagingFolder() / ("online-id-" + newPack().version + ".tar.gz.part"); }
    std::int64_t partBytes() const {
        std::error_code ec;
        const auto size = std::filesystem::file_size(partFile(), ec);
        return ec ? -1 : static_cast<std::int64_t>(size);
    }

    // The failure left the shown set and everything outside staging/ as it was (but the trusted
    // catalog, when `catalogTrusted`: the failure came after the catalog was verified).
    void expectNothingShownChanged(const std::map<std::string, std::string>& before, bool catalogTrusted) const {
        REQUIRE(active().has_value());
        CHECK(active()->catalogVersion == v1.version);
        CHECK_FALSE(store().isInstalled({"online-id", newPack().version}));
        if (catalogTrusted) {
            CHECK(withoutTrustedCatalog(snapshot(kiosk.path())) == withoutTrustedCatalog(before));
        } else {
            expectUnchanged(before);
        }
    }

    // One sync against `faultRule`, a fault that would hold the transfer for 30 s: it gives up
    // within the low-speed limit, says "stalled", and changes nothing shown.
    void expectStalled(const std::string& faultRule, bool catalogTrusted) {
        const auto before = snapshot(kiosk.path());
        faults.setPlan({faultRule});
        const auto start = std::chrono::steady_clock::now();
        const auto report = syncWithShortLimits();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        CHECK_FALSE(report.ok);
        CHECK_FALSE(report.refused.has_value());
        CHECK_MESSAGE(contains(report.problem, "stalled"), report.problem);
        CHECK_MESSAGE(elapsed < std::chrono::duration<double>(kStallBound).count(), elapsed << " s");
        expectNothingShownChanged(before, catalogTrusted);
    }

    // The sync that finally gets the whole archive: installed, shown, and what is shown is what
    // the author wrote (the installer checked length and sha256 against the signed catalog).
    void expectInstalled(const core::CatalogSyncReport& report) const {
        REQUIRE_MESSAGE(report.ok, report.problem);
        CHECK(report.installed == std::vector<std::string>{"online-id " + newPack().version});
        CHECK(active()->catalogVersion == v2.version);
        CHECK(partBytes() == -1);
        const auto tile = std::filesystem::path("images") / "tile.svg";
        CHECK(readFile(store().packFolder({"online-id", newPack().version}) / tile) == readFile(authoring.path() / "online-id" / tile));
    }
};

}  // namespace

TEST_CASE("sync faults: a pack download that broke off keeps what arrived, and the next sync resumes it with Range to the signed bytes") {
    FaultFixture f;
    const std::int64_t cut = f.newPack().length / 2;
    const auto before = snapshot(f.kiosk.path());
    SUBCASE("the connection reset mid-body (a dropped link)") {
        f.faults.setPlan({rule(f.newPackPath(), R"("reset_after": )" + std::to_string(cut) + R"(, "times": 1)")});
    }
    SUBCASE("closed before the announced Content-Length (a truncated body)") {
        f.faults.setPlan({rule(f.newPackPath(), R"("close_after": )" + std::to_string(cut) + R"(, "times": 1)")});
    }
    const auto broken = f.syncWithShortLimits();
    CHECK_FALSE(broken.ok);
    CHECK_FALSE(broken.refused.has_value());  // a network fault, not an attack
    CHECK_MESSAGE(contains(broken.problem, "broke off"), broken.problem);
    CHECK_MESSAGE(contains(broken.problem, f.newPack().path), broken.problem);
    f.expectNothingShownChanged(before, true);
    CHECK(f.partBytes() == cut);

    const auto resumed = f.syncWithShortLimits();
    f.expectInstalled(resumed);
    CHECK(resumed.bytesFetched == f.newPack().length - cut);
    const std::string log = f.faults.requests();
    CHECK_MESSAGE(countOf(log, "GET " + f.newPackPath() + " range=bytes=" + std::to_string(cut) + "- inm=- -> 206 fault=none") == 1, log);
}

TEST_CASE("sync faults: a catalog cut short is not taken, and nothing changes") {
    FaultFixture f;
    const auto before = snapshot(f.kiosk.path());
    f.faults.setPlan({rule("/kiosk/index.json", R"("close_after": 100, "times": 1)")});
    const auto report = f.syncWithShortLimits();
    CHECK_FALSE(report.ok);
    CHECK_FALSE(report.refused.has_value());
    CHECK_MESSAGE(contains(report.problem, "index.json"), report.problem);
    CHECK_MESSAGE(contains(report.problem, "broke off"), report.problem);
    f.expectNothingShownChanged(before, false);
    f.expectInstalled(f.syncWithShortLimits());
}

TEST_CASE("sync faults: a pack that stalls mid-body is given up within the low-speed limit, reported as stalled, and resumed") {
    FaultFixture f;
    const std::int64_t cut = f.newPack().length / 2;
    f.expectStalled(rule(f.newPackPath(), R"("stall_after": )" + std::to_string(cut) + R"(, "stall_seconds": 30, "times": 1)"), true);
    CHECK(f.partBytes() == cut);
    const auto resumed = f.syncWithShortLimits();
    f.expectInstalled(resumed);
    CHECK(resumed.bytesFetched == f.newPack().length - cut);
}

TEST_CASE("sync faults: slow retrieval 1, no first byte at all, is given up within the low-speed limit and reported as stalled") {
    FaultFixture f;
    SUBCASE("the catalog") { f.expectStalled(rule("/kiosk/index.json", R"("stall_before_headers": 30, "times": 1)"), false); }
    SUBCASE("a pack") { f.expectStalled(rule(f.newPackPath(), R"("stall_before_headers": 30, "times": 1)"), true); }
    f.expectInstalled(f.syncWithShortLimits());
}

TEST_CASE("sync faults: slow retrieval 2, a byte every half second, is given up within the low-speed limit and reported as stalled") {
    FaultFixture f;
    SUBCASE("the catalog") { f.expectStalled(rule("/kiosk/index.json", R"("trickle_seconds": 0.5, "times": 1)"), false); }
    SUBCASE("a pack") { f.expectStalled(rule(f.newPackPath(), R"("trickle_seconds": 0.5, "times": 1)"), true); }
    f.expectInstalled(f.syncWithShortLimits());
}

TEST_CASE("sync faults: 500s change nothing, and the sync after them installs (a broken-off download still resumes)") {
    FaultFixture f;
    const auto before = snapshot(f.kiosk.path());
    SUBCASE("the catalog answers 500 twice") {
        f.faults.setPlan({rule("/kiosk/index.json", R"("status": 500, "times": 2)")});
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto report = f.syncWithShortLimits();
            CHECK_FALSE(report.ok);
            CHECK_MESSAGE(contains(report.problem, "index.json: the server answered HTTP 500"), report.problem);
            f.expectNothingShownChanged(before, false);
        }
        f.expectInstalled(f.syncWithShortLimits());
    }
    SUBCASE("a pack breaks off, then answers 500 twice") {
        const std::int64_t cut = f.newPack().length / 3;
        // The first rule that applies wins: the reset once, then the 500s, then plain serving.
        f.faults.setPlan({rule(f.newPackPath(), R"("reset_after": )" + std::to_string(cut) + R"(, "times": 1)"),
                          rule(f.newPackPath(), R"("status": 500, "times": 2)")});
        CHECK_FALSE(f.syncWithShortLimits().ok);
        REQUIRE(f.partBytes() == cut);
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto report = f.syncWithShortLimits();
            CHECK_FALSE(report.ok);
            CHECK_MESSAGE(contains(report.problem, "HTTP 500"), report.problem);
            CHECK_MESSAGE(contains(report.problem, "stays inactive"), report.problem);
            f.expectNothingShownChanged(before, true);
            // The error page is not part of the archive, and what arrived before it is kept.
            CHECK(f.partBytes() == cut);
        }
        const auto report = f.syncWithShortLimits();
        f.expectInstalled(report);
        CHECK(report.bytesFetched == f.newPack().length - cut);
        const std::string log = f.faults.requests();
        CHECK_MESSAGE(countOf(log, "range=bytes=" + std::to_string(cut) + "- inm=- -> 500 fault=status") == 2, log);
        CHECK_MESSAGE(countOf(log, "range=bytes=" + std::to_string(cut) + "- inm=- -> 206 fault=none") == 1, log);
    }
}

TEST_CASE("sync faults: a server that ignores Range gets the archive again from its first byte, and it installs") {
    FaultFixture f;
    const std::int64_t cut = f.newPack().length / 2;
    f.faults.setPlan({rule(f.newPackPath(), R"("reset_after": )" + std::to_string(cut) + R"(, "times": 1)"),
                      rule(f.newPackPath(), R"("ignore_range": true)")});
    CHECK_FALSE(f.syncWithShortLimits().ok);
    REQUIRE(f.partBytes() == cut);
    const auto report = f.syncWithShortLimits();
    f.expectInstalled(report);
    const std::string log = f.faults.requests();
    CHECK_MESSAGE(countOf(log, "GET " + f.newPackPath() + " range=bytes=" + std::to_string(cut) + "- inm=- -> 200 fault=ignore_range") == 1, log);
    CHECK_MESSAGE(countOf(log, "GET " + f.newPackPath() + " range=- inm=- -> 200 fault=ignore_range") == 1, log);
    // The whole archive once more; of the answer that ignored Range nothing was stored.
    CHECK(report.bytesFetched == f.newPack().length);
}

TEST_CASE("sync faults: a 404 for the catalog or for a pack is a clean error that changes nothing") {
    FaultFixture f;
    const auto before = snapshot(f.kiosk.path());
    SUBCASE("index.json") {
        std::filesystem::rename(f.out() / "index.json", f.out() / "index.json.away");
        const auto report = f.syncWithShortLimits();
        CHECK_FALSE(report.ok);
        CHECK_FALSE(report.refused.has_value());
        CHECK_MESSAGE(contains(report.problem, "index.json: the server answered HTTP 404"), report.problem);
        f.expectNothingShownChanged(before, false);
        std::filesystem::rename(f.out() / "index.json.away", f.out() / "index.json");
    }
    SUBCASE("a pack") {
        const auto archive = f.out() / f.newPack().path;
        std::filesystem::rename(archive, archive.string() + ".away");
        const auto report = f.syncWithShortLimits();
        CHECK_FALSE(report.ok);
        CHECK_FALSE(report.refused.has_value());
        CHECK_MESSAGE(contains(report.problem, "HTTP 404"), report.problem);
        CHECK_MESSAGE(contains(report.problem, "stays inactive"), report.problem);
        f.expectNothingShownChanged(before, true);
        std::filesystem::rename(archive.string() + ".away", archive);
    }
    f.expectInstalled(f.syncWithShortLimits());
}

TEST_CASE("sync faults: a pack body without end is stopped at the signed length, and nothing of it is kept") {
    FaultFixture f;
    const auto before = snapshot(f.kiosk.path());
    f.faults.setPlan({rule(f.newPackPath(), R"("endless": true, "times": 1)")});
    const auto report = f.syncWithShortLimits();
    CHECK_FALSE(report.ok);
    CHECK_MESSAGE(contains(report.problem, "more than the " + std::to_string(f.newPack().length) + " bytes"), report.problem);
    f.expectNothingShownChanged(before, true);
    CHECK(f.partBytes() == -1);
    f.expectInstalled(f.syncWithShortLimits());
}
