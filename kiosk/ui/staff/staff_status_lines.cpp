#include "ui/staff/staff_status_lines.hpp"

#include <algorithm>
#include <ctime>

#include "core/util/free_space.hpp"
#include "ui/widgets/placeholders.hpp"

namespace kiosk::ui {
namespace {

// Below this the self-test calls the disk too full for an event; the status warns at the same line.
constexpr std::uintmax_t kLowDiskBytes = core::kEventMinFreeBytes;

// "01.12.2026 14:35", the way German staff write a date and time.
std::string localTimeText(core::WallTime at) {
    const std::time_t t = std::chrono::system_clock::to_time_t(at);
    std::tm local{};
    localtime_r(&t, &local);
    char text[48];
    std::strftime(text, sizeof text, "%d.%m.%Y %H:%M", &local);
    return text;
}

std::string uptimeText(double seconds) {
    const long total = static_cast<long>(seconds);
    const long hours = total / 3600;
    const long minutes = (total % 3600) / 60;
    if (hours > 0) return std::to_string(hours) + " h " + (minutes < 10 ? "0" : "") + std::to_string(minutes) + " min";
    return std::to_string(minutes) + " min";
}

// What is shown of a catalog and when it was last synced, then the last attempt's problem.
StatusLine syncLine(const std::string& catalog, const std::vector<core::CatalogStatus>& statuses, const StaffStrings& words) {
    StatusLine out{fillPlaceholders(words.syncLabel, {{"catalog", catalog}}), "", false, ""};
    const auto status = std::find_if(statuses.begin(), statuses.end(), [&](const auto& s) { return s.catalog == catalog; });
    if (status == statuses.end()) {
        out.value = words.syncNever;
        out.problem = true;
    } else {
        if (status->activeVersion > 0) {
            out.value = fillPlaceholders(words.syncShown, {{"version", std::to_string(status->activeVersion)}, {"packs", std::to_string(status->shown.size())}}) + "; ";
        }
        out.value += status->lastSuccess ? fillPlaceholders(words.syncLastSuccess, {{"time", localTimeText(*status->lastSuccess)}})
                                         : std::string(words.syncNever);
        if (!status->problem.empty()) {
            out.value += "\n" + status->problem;
            out.problem = true;
        }
    }
    out.itemId = "staff/sync/" + catalog + (out.problem ? "/problem" : "/ok");
    return out;
}

// The log's own words (English, as in the operator's log file); the latest few, since a disk
// that keeps failing would otherwise fill the screen.
StatusLine usageLine(const core::SqliteUsageLog& log, const StaffStrings& words) {
    const std::vector<std::string> warnings = log.warnings();
    const std::uint64_t dropped = log.droppedEvents();
    StatusLine out{words.usageLog, "", false, ""};
    constexpr std::size_t kShown = 3;
    for (std::size_t i = warnings.size() > kShown ? warnings.size() - kShown : 0; i < warnings.size(); ++i) {
        out.value += (out.value.empty() ? "" : "\n") + warnings[i];
    }
    if (dropped > 0) out.value += (out.value.empty() ? "" : "\n") + fillPlaceholders(words.usageDropped, {{"count", std::to_string(dropped)}});
    const std::size_t problems = warnings.size() + (dropped > 0 ? 1 : 0);
    if (problems == 0) out.value = words.usageLogOk;
    out.problem = problems > 0;
    out.itemId = problems > 0 ? "staff/usage-log/problems/" + std::to_string(problems) : "staff/usage-log/ok";
    return out;
}

StatusLine diskLine(const StaffFacts& facts, const StaffStrings& words) {
    StatusLine out{words.disk, "", false, ""};
    if (!facts.freeBytes) {
        out.value = words.diskUnknown;
        out.problem = true;
    } else {
        out.value = fillPlaceholders(words.diskFree, {{"mib", std::to_string(*facts.freeBytes / (1024 * 1024))}});
        out.problem = *facts.freeBytes < kLowDiskBytes;
        if (out.problem) out.value += " " + std::string(words.diskLow);
    }
    out.itemId = out.problem ? "staff/disk/low" : "staff/disk/ok";
    return out;
}

StatusLine clockLine(const StaffAccess& access, const StaffFacts& facts, const StaffStrings& words) {
    const core::WallTime now = access.wallClock->now();
    StatusLine out{words.clock, localTimeText(now) + ", ", false, ""};
    const bool plausible = core::civilTimeOf(now).year >= core::kEarliestPlausibleYear;
    if (!plausible) {
        out.value += words.clockImplausible;
        out.problem = true;
    } else if (facts.clockSynchronised == std::optional<bool>(false)) {
        out.value += words.clockUnsynchronised;
        out.problem = true;
    } else {
        out.value += facts.clockSynchronised ? words.clockSynchronised : words.clockUnknown;
    }
    out.itemId = out.problem ? "staff/clock/problem" : "staff/clock/ok";
    return out;
}

StatusLine scheduleLine(const core::ScreenSchedule& schedule, core::WallTime now, const StaffStrings& words) {
    const core::CivilTime local = core::civilTimeOf(now);
    const std::string today = core::describe(schedule.hours().week.at(static_cast<std::size_t>(local.weekday)));
    const core::ScreenState state = schedule.state(now);
    const char* said = state == core::ScreenState::Open ? words.scheduleOpen : state == core::ScreenState::WokenUp ? words.scheduleWoken : words.scheduleClosed;
    return StatusLine{words.schedule, fillPlaceholders(said, {{"today", today}}), false,
                      state == core::ScreenState::Open ? "staff/schedule/open" : "staff/schedule/closed"};
}

}  // namespace

StaffFacts readStaffFacts(const StaffAccess& access) {
    StaffFacts facts;
    facts.syncStatus = core::readSyncStatus(access.stateFolder);
    facts.freeBytes = core::freeBytesAt(access.stateFolder);
    if (access.clockSynchronised) facts.clockSynchronised = access.clockSynchronised();
    return facts;
}

std::vector<StatusLine> staffStatusLines(const StatusInput& in) {
    const StaffStrings& words = in.words;
    std::vector<StatusLine> lines;
    lines.push_back({words.version, KIOSK_VERSION, false, ""});
    lines.push_back({words.uptime, uptimeText(in.uptimeSeconds), false, ""});
    std::string packs;
    for (const core::Pack& pack : in.library.packs) packs += (packs.empty() ? "" : ", ") + pack.id + " " + pack.version;
    lines.push_back({words.packs, std::to_string(in.library.packs.size()) + (packs.empty() ? "" : ": " + packs), false, ""});
    std::string folders;
    for (const auto& folder : in.access.contentFolders) folders += (folders.empty() ? "" : ", ") + folder.string();
    lines.push_back({words.contentFolders, folders, false, ""});
    const auto errors = std::count_if(in.library.problems.begin(), in.library.problems.end(), [](const core::Error& e) { return !e.isWarning(); });
    if (errors > 0) lines.push_back({"", fillPlaceholders(words.contentProblems, {{"count", std::to_string(errors)}}), true, ""});
    if (in.access.usageLog) lines.push_back(usageLine(*in.access.usageLog, words));
    for (const std::string& catalog : in.access.syncCatalogs) lines.push_back(syncLine(catalog, in.facts.syncStatus, words));
    lines.push_back(diskLine(in.facts, words));
    if (in.access.wallClock) lines.push_back(clockLine(in.access, in.facts, words));
    if (in.access.schedule && in.access.wallClock) lines.push_back(scheduleLine(*in.access.schedule, in.access.wallClock->now(), words));
    return lines;
}

}  // namespace kiosk::ui
