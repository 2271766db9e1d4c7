// `kiosk`: the composition root. Parses the command line and hands over to a subcommand.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "app/admin_commands.hpp"
#include "app/catalog_commands.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/out_of_memory.hpp"
#include "app/pack_commands.hpp"
#include "core/config/kiosk_config.hpp"
#include "net/curl_info.hpp"
#include "net/http_client.hpp"
#include "platform/system_info.hpp"

namespace {

using namespace kiosk::app;

int runKiosk(int argc, char** argv) {
    const auto startedAt = kiosk::core::SteadyClock().now();
    const kiosk::net::CurlRuntime curl;  // before any thread: libcurl's global set-up is not thread-safe everywhere

    CLI::App app("Showroom Kiosk: interactive demos of digital public services for touch screens.", "kiosk");
    app.set_version_flag("--version", [] {
        return std::string("kiosk ") + KIOSK_VERSION + "\n" + kiosk::platform::displayLibraryVersions() + "\n" +
               kiosk::net::curlVersion();
    });
    CommandLine line;
    defineCommandLine(app, line);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "kiosk: %s\nRun 'kiosk --help' for the options.\n", e.what());
        return kExitUsage;
    }
    if (!line.overrides.windowSize.empty() && !kiosk::core::parsePixelSize(line.overrides.windowSize)) {
        std::fprintf(stderr, "kiosk: --size '%s' is not a size like 1280x720 (%s)\n", line.overrides.windowSize.c_str(),
                     sizeRangeText().c_str());
        return kExitUsage;
    }
    if (line.command == Command::Screenshot && !line.overrides.windowSize.empty()) {
        std::fprintf(stderr, "kiosk: the picture's size goes after the subcommand: kiosk screenshot --size %s …\n",
                     line.overrides.windowSize.c_str());
        return kExitUsage;
    }

    switch (line.command) {
        case Command::Screenshot: return screenshotCommand(line);
        case Command::PackValidate: return packValidateCommand(line.packValidate);
        case Command::PackNew: return packNewCommand(line.packNew);
        case Command::Preview: return previewCommand(line);
        case Command::AdminSetPin: return adminSetPinCommand(line);
        case Command::Stats: return statsCommand(line);
        case Command::StatsUpload: return statsUploadCommand(line);
        case Command::StatsReport: return statsReportCommand(line);
        case Command::CatalogKeygen: return catalogKeygenCommand(line.catalog);
        case Command::CatalogPublish: return catalogPublishCommand(line.catalog);
        case Command::CatalogRotate: return catalogRotateCommand(line.catalog);
        case Command::Sync: return syncCommand(line);
        case Command::Status: return statusCommand(line);
        case Command::Selftest: return selftestCommand(line);
        case Command::OutOfService: return outOfServiceCommand(line);
        case Command::Import: return importCommand(line);
        case Command::Heartbeat: return heartbeatCommand(line);
        case Command::Fleet: return fleetCommand(line);
        case Command::Run: break;
    }
    const int code = runCommand(line, startedAt);
    if (code == kRestartRequested) {
        // Everything of the old run is closed (usage log committed, window gone); the same
        // binary, arguments and environment start over, in this process, so the watchdog
        // and a compositor around it see the kiosk carry on.
        std::fflush(nullptr);
        execv("/proc/self/exe", argv);
        std::fprintf(stderr, "kiosk: cannot restart: %s\n", std::strerror(errno));
        return kExitFailure;
    }
    return code;
}

}  // namespace

// Everything from the first allocation on is inside the try: without memory even defining the
// command line throws, and an exception that leaves main() is a crash (found by tests/faults).
int main(int argc, char** argv) {
    reportOutOfMemoryOnTerminate();
    try {
        return runKiosk(argc, argv);
    } catch (const std::bad_alloc&) {
        std::fputs("kiosk: out of memory (close other programs or add memory, then try again)\n", stderr);
        return kExitFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: internal error: %s\n", e.what());
        return kExitFailure;
    } catch (...) {
        std::fprintf(stderr, "kiosk: internal error (an exception that is not a std::exception)\n");
        return kExitFailure;
    }
}
