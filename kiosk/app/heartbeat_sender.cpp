#include "app/heartbeat_sender.hpp"

#include <random>
#include <utility>

#include "app/credentials_file.hpp"
#include "app/self_test_input.hpp"
#include "core/ops/heartbeat_collect.hpp"
#include "core/util/error.hpp"
#include "core/util/log.hpp"
#include "net/http_client.hpp"

namespace kiosk::app {
namespace {

// A heartbeat is a few KiB: a server that takes longer than this is as good as away, and the
// next heartbeat tries again.
const net::HttpLimits kHeartbeatLimits{std::chrono::seconds(10), std::chrono::seconds(30), 100, std::chrono::seconds(15)};

}  // namespace

core::Heartbeat currentHeartbeat(const core::KioskConfig& config, const std::filesystem::path& stateFolder, core::WallTime now,
                                 std::optional<std::chrono::seconds> uptime, std::optional<std::string> schedule) {
    core::HeartbeatInput input;
    input.system = selfTestInput(config, stateFolder);
    input.system.now = now;
    input.uptime = uptime;
    input.schedule = std::move(schedule);
    return core::collectHeartbeat(input);
}

std::string heartbeatUrl(const core::HeartbeatConfig& config) {
    std::string url = config.url;
    if (url.empty() || url.back() != '/') url += '/';
    return url + config.name + "/heartbeat.json";
}

HeartbeatDelivery deliverHeartbeat(const core::KioskConfig& config, const std::filesystem::path& stateFolder, const core::Heartbeat& heartbeat,
                                   const std::atomic<bool>* cancel) {
    HeartbeatDelivery delivery;
    delivery.fileProblem = core::writeHeartbeatFile(stateFolder, heartbeat);
    delivery.sending = config.heartbeat.sends();
    if (!delivery.sending) return delivery;
    net::HttpCredentials credentials;
    if (!config.heartbeat.credentialsFile.empty()) {
        const CredentialsFile read = readCredentialsFile(config.heartbeat.credentialsFile, "heartbeat.credentials_file");
        delivery.credentialsWarning = read.warning;
        if (!read.credentials) {
            delivery.outcome = core::HeartbeatOutcome{false, "credentials", read.error};
            return delivery;
        }
        credentials = *read.credentials;
    }
    const std::string url = heartbeatUrl(config.heartbeat);
    auto response = net::httpPut(url, core::heartbeatJson(heartbeat), "application/json", credentials, kHeartbeatLimits, cancel);
    if (!response) {
        delivery.outcome = core::HeartbeatOutcome{false, "no answer", response.error().describe()};
    } else {
        delivery.outcome = core::heartbeatOutcomeForStatus(response.value().status, url);
    }
    return delivery;
}

HeartbeatSender::HeartbeatSender(const core::KioskConfig& config, std::filesystem::path stateFolder, const core::Clock& clock,
                                 core::TimePoint startedAt, const core::WallClock& wallClock, std::chrono::seconds firstAfter)
    : m_config(config),
      m_stateFolder(std::move(stateFolder)),
      m_clock(clock),
      m_startedAt(startedAt),
      m_wallClock(wallClock),
      m_firstAfter(firstAfter),
      m_worker([this] { run(); }) {}

HeartbeatSender::~HeartbeatSender() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    m_worker.join();
}

void HeartbeatSender::setSchedule(std::optional<std::string> state) {
    std::lock_guard lock(m_mutex);
    m_schedule = std::move(state);
}

void HeartbeatSender::beat() {
    std::optional<std::string> schedule;
    {
        std::lock_guard lock(m_mutex);
        schedule = m_schedule;
    }
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(m_clock.now() - m_startedAt);
    const core::Heartbeat heartbeat = currentHeartbeat(m_config, m_stateFolder, m_wallClock.now(), uptime, std::move(schedule));
    const HeartbeatDelivery delivery = deliverHeartbeat(m_config, m_stateFolder, heartbeat, &m_cancel);
    // Like the PUT's: said when it starts failing and when it works again, not every heartbeat.
    const bool fileFailing = !delivery.fileProblem.empty();
    if (fileFailing && !m_fileFailing) core::logError("heartbeat", delivery.fileProblem + " (said once, until it works again)");
    if (!fileFailing && m_fileFailing) core::logInfo("heartbeat", "the heartbeat file can be written again");
    m_fileFailing = fileFailing;
    if (!delivery.credentialsWarning.empty() && !std::exchange(m_warnedAboutCredentials, true)) {
        core::logWarning("heartbeat", delivery.credentialsWarning);
    }
    if (!delivery.sending || m_cancel) return;
    if (const auto line = m_log.after(delivery.outcome)) {
        core::log(line->level, "heartbeat", line->message + (delivery.outcome.sent ? ": " + heartbeatUrl(m_config.heartbeat) : ""));
    }
}

void HeartbeatSender::run() {
    std::minstd_rand random{std::random_device{}()};
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto next = std::chrono::steady_clock::now() + m_firstAfter;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_until(lock, next, [this] { return m_stop; })) return;
        }
        try {
            beat();
        } catch (...) {
            core::logError("heartbeat", "the heartbeat failed: " + core::describeCurrentException());
        }
        // From the end of this one: a slow server never makes heartbeats pile up.
        next = std::chrono::steady_clock::now() + core::heartbeatPause(m_config.heartbeat.interval, unit(random));
    }
}

}  // namespace kiosk::app
