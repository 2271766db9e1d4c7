// `kiosk stats upload`: run daily (deploy/systemd/kiosk-stats-upload.timer) where the hub wants
// its kiosks' numbers in one place. A process of its own, so a slow server never touches the
// screen, and a run that fails leaves the days for the next one.
#include <cstdio>
#include <thread>

#include "app/commands.hpp"
#include "app/credentials_file.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/stats/stats_upload.hpp"
#include "net/http_client.hpp"

namespace kiosk::app {

int statsUploadCommand(const CommandLine& line) {
    auto config = loadEffectiveConfig(line.overrides);
    if (!config) return kExitConfig;
    const core::UsageConfig& usage = config->usage;
    if (usage.uploadUrl.empty()) {
        std::fprintf(stderr, "stats upload: off: usage.upload_url is not set in the config, so nothing leaves this kiosk\n");
        return kExitOk;
    }
    net::HttpCredentials credentials;
    if (!usage.uploadCredentialsFile.empty()) {
        const CredentialsFile read = readCredentialsFile(usage.uploadCredentialsFile, "usage.upload_credentials_file");
        if (!read.warning.empty()) std::fprintf(stderr, "stats upload: %s\n", read.warning.c_str());
        if (!read.credentials) {
            std::fprintf(stderr, "stats upload: %s\n", read.error.c_str());
            return kExitConfig;
        }
        credentials = *read.credentials;
    }
    const std::filesystem::path state = prepareStateFolder(*config);

    core::StatsUploadSettings settings;
    settings.url = usage.uploadUrl;
    settings.kioskName = usage.uploadName;
    settings.minCellSessions = usage.minCellSessions;
    const auto put = [&credentials](const std::string& url, const std::string& body) {
        auto response = net::httpPut(url, body, "application/json", credentials);
        if (!response) return core::PutOutcome{false, true, response.error().describe()};
        return core::putOutcomeForStatus(response.value().status, url);
    };
    const auto pause = [](std::chrono::milliseconds ms) { std::this_thread::sleep_for(ms); };
    const auto report = core::uploadDailyStats(state, settings, core::SystemWallClock().now(), put, pause);

    for (const auto& day : report.uploaded) std::printf("stats upload: sent %s\n", day.c_str());
    if (!report.upToDate()) {
        std::fprintf(stderr, "stats upload: %s\n", report.problem.c_str());
        return kExitUnavailable;
    }
    if (report.uploaded.empty()) std::printf("stats upload: up to date, every finished day was sent before\n");
    return kExitOk;
}

}  // namespace kiosk::app
