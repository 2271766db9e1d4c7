// `kiosk stats upload`: run daily (deploy/systemd/kiosk-stats-upload.timer) where the hub wants
// its kiosks' numbers in one place. A process of its own, so a slow server never touches the
// screen, and a run that fails leaves the days for the next one.
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "app/commands.hpp"
#include "app/exit_codes.hpp"
#include "app/startup.hpp"
#include "core/stats/stats_upload.hpp"
#include "net/http_client.hpp"

namespace kiosk::app {
namespace {

// One line "user:password"; the file is the operator's (0600), not part of the config, so the
// config can be shown to anyone.
std::optional<net::HttpCredentials> readCredentials(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line)) {
        std::fprintf(stderr, "stats upload: %s: error: cannot read the credentials (usage.upload_credentials_file; put \"user:password\" on its first line)\n",
                     file.c_str());
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos || colon == 0) {
        std::fprintf(stderr, "stats upload: %s:1: error: not \"user:password\" (the first line must hold both, separated by ':')\n", file.c_str());
        return std::nullopt;
    }
    struct stat info{};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & S_IROTH)) {
        std::fprintf(stderr, "stats upload: %s: warning: anyone on this machine can read the password (chmod 600 %s)\n", file.c_str(), file.c_str());
    }
    return net::HttpCredentials{line.substr(0, colon), line.substr(colon + 1)};
}

}  // namespace

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
        auto read = readCredentials(usage.uploadCredentialsFile);
        if (!read) return kExitConfig;
        credentials = *read;
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
