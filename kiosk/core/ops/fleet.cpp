// Reading the server's folder of heartbeats and judging each kiosk. Ages are measured by the
// server's clock (when a file arrived), never by the kiosk's: a kiosk whose clock stopped in 1970
// or runs a day ahead must neither look silent nor hide that it is.
#include "core/ops/fleet.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

std::string plural(std::size_t n, const std::string& one, const std::string& many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string shortText(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

WallTime modificationTime(const std::filesystem::path& file) {
    std::error_code ec;
    const auto time = std::filesystem::last_write_time(file, ec);
    if (ec) return WallTime{};
    return std::chrono::time_point_cast<WallTime::duration>(std::chrono::file_clock::to_sys(time));
}

FleetFile readOne(const std::filesystem::path& folder) {
    FleetFile entry;
    entry.file = folder / "heartbeat.json";
    entry.folder = folder.filename().string();
    entry.arrived = modificationTime(entry.file);
    std::error_code ec;
    const auto size = std::filesystem::file_size(entry.file, ec);
    if (ec) {
        entry.problem = entry.file.string() + ": error: cannot read it: " + ec.message();
        return entry;
    }
    if (size > kMaxHeartbeatBytes) {
        entry.problem = entry.file.string() + ": error: " + std::to_string(size) + " bytes, far more than a heartbeat (not written by a kiosk)";
        return entry;
    }
    std::ifstream in(entry.file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
        entry.problem = entry.file.string() + ": error: cannot read it (check the permissions)";
        return entry;
    }
    auto parsed = parseHeartbeat(bytes.str(), entry.file.string());
    if (!parsed) {
        entry.problem = parsed.error().describe();
        return entry;
    }
    entry.heartbeat = std::move(parsed).value();
    return entry;
}

std::chrono::seconds secondsBetween(WallTime from, WallTime to) {
    return std::max(std::chrono::seconds(0), std::chrono::duration_cast<std::chrono::seconds>(to - from));
}

std::string uptimeText(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
    if (days > 0) return std::to_string(days) + " d " + std::to_string(hours % 24) + " h";
    if (hours > 0) return std::to_string(hours) + " h " + std::to_string(minutes % 60) + " min";
    return std::to_string(minutes) + " min";
}

std::string freeText(std::uintmax_t bytes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f GiB free", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
    return buffer;
}

std::string contentText(const Heartbeat& h) {
    std::string out = plural(h.packs.size(), "pack", "packs");
    std::size_t fromFolders = 0;
    for (const auto& pack : h.packs) fromFolders += pack.source == PackSource::ContentFolder ? 1 : 0;
    for (const auto& catalog : h.catalogs) {
        out += ", " + catalog.name + (catalog.activeVersion > 0 ? " v" + std::to_string(catalog.activeVersion) : " none yet");
    }
    if (!h.catalogs.empty() && fromFolders > 0) out += ", " + std::to_string(fromFolders) + " from folders";
    return out;
}

// A time of the kiosk's clock as an age now: how long before its heartbeat it was, plus how old
// the heartbeat is. Right even when the kiosk's clock is off, as long as it runs.
std::string kioskAge(WallTime kioskTime, const Heartbeat& h, std::chrono::seconds heartbeatAge) {
    return agoText(secondsBetween(kioskTime, h.writtenAt) + heartbeatAge);
}

std::string syncText(const Heartbeat& h, std::chrono::seconds heartbeatAge) {
    if (h.catalogs.empty()) return "sync off";
    for (const auto& catalog : h.catalogs) {
        if (catalog.problem.empty()) continue;
        const std::string when = catalog.lastAttempt ? " " + kioskAge(*catalog.lastAttempt, h, heartbeatAge) : "";
        return catalog.name + (catalog.refused ? " refused" : " failed") + when + ": " + shortText(catalog.problem, 60);
    }
    std::optional<WallTime> oldest;
    for (const auto& catalog : h.catalogs) {
        if (!catalog.lastSuccess) return "sync never ran";
        oldest = oldest ? std::min(*oldest, *catalog.lastSuccess) : *catalog.lastSuccess;
    }
    return "sync ok " + kioskAge(*oldest, h, heartbeatAge);
}

FleetRow rowFor(const FleetFile& file, const FleetOptions& options) {
    FleetRow row;
    row.name = file.folder;
    row.file = file.file.string();
    if (!file.heartbeat) {
        row.state = FleetState::Broken;
        row.problems.push_back(file.problem);
        row.lastSeen = file.arrived == WallTime{} ? "-" : agoText(secondsBetween(file.arrived, options.now));
        row.version = row.uptime = row.content = row.sync = row.schedule = row.freeSpace = "-";
        return row;
    }
    const Heartbeat& h = *file.heartbeat;
    const std::chrono::seconds age = secondsBetween(file.arrived, options.now);
    row.lastSeen = agoText(age);
    row.version = h.version;
    row.uptime = h.uptimeSeconds ? uptimeText(*h.uptimeSeconds) : "-";
    row.content = contentText(h);
    row.sync = syncText(h, age);
    row.schedule = h.schedule.value_or("-");
    row.freeSpace = h.freeBytes ? freeText(*h.freeBytes) : "-";

    const std::chrono::seconds staleAfter = options.staleAfter ? std::chrono::seconds(*options.staleAfter) : 3 * h.interval;
    if (age > staleAfter) {
        row.state = FleetState::Silent;
        row.problems.push_back("silent: no heartbeat for " + ageText(age) + " (one is due every " + ageText(h.interval) + ")");
    }
    row.problems.insert(row.problems.end(), h.warnings.begin(), h.warnings.end());
    const auto offBy = h.writtenAt - file.arrived;
    if (offBy > kClockOffTolerance || -offBy > kClockOffTolerance) {
        const auto off = std::chrono::duration_cast<std::chrono::seconds>(offBy > offBy.zero() ? offBy : -offBy);
        row.problems.push_back("clock: the kiosk's clock is " + ageText(off) + (offBy > offBy.zero() ? " ahead of" : " behind") +
                               " the server's (set it, or let NTP set it: the usage log counts by it)");
    }
    if (row.state != FleetState::Silent && !row.problems.empty()) row.state = FleetState::Warnings;
    return row;
}

std::string stateLabel(FleetState state) {
    switch (state) {
        case FleetState::Silent: return "SILENT";
        case FleetState::Broken: return "BROKEN";
        case FleetState::Warnings: return "WARN";
        case FleetState::Fine: return "ok";
    }
    return "?";
}

}  // namespace

std::string agoText(std::chrono::seconds age) { return age < std::chrono::minutes(1) ? "just now" : ageText(age) + " ago"; }

std::string ageText(std::chrono::seconds age) {
    const auto s = age.count();
    if (s < 60) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min";
    if (s < 2 * 86400) return std::to_string(s / 3600) + " h";
    return std::to_string(s / 86400) + " d";
}

std::vector<FleetFile> readFleetFolder(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> folders;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::error_code entryError;
        if (entry.is_directory(entryError) && std::filesystem::exists(entry.path() / "heartbeat.json", entryError)) folders.push_back(entry.path());
    }
    std::sort(folders.begin(), folders.end());
    std::vector<FleetFile> files;
    for (const auto& folder : folders) files.push_back(readOne(folder));
    return files;
}

std::vector<FleetRow> assessFleet(const std::vector<FleetFile>& files, const FleetOptions& options) {
    std::vector<FleetRow> rows;
    for (const auto& file : files) rows.push_back(rowFor(file, options));
    std::stable_sort(rows.begin(), rows.end(), [](const FleetRow& a, const FleetRow& b) {
        return a.state != b.state ? a.state < b.state : a.name < b.name;
    });
    return rows;
}

std::string fleetText(const std::vector<FleetRow>& rows, const std::filesystem::path& dir) {
    if (rows.empty()) {
        return "no heartbeats in " + dir.string() + " (a kiosk with heartbeat.url and heartbeat.name set sends one to <url>/<name>/heartbeat.json)\n";
    }
    // Columns padded to their widest entry, so a long list reads as a table.
    std::vector<std::vector<std::string>> cells;
    for (const FleetRow& row : rows) {
        if (row.state == FleetState::Broken) {
            cells.push_back({stateLabel(row.state), row.name, row.lastSeen});
            continue;
        }
        const std::size_t warnings = row.problems.size() - (row.state == FleetState::Silent ? 1 : 0);
        cells.push_back({stateLabel(row.state), row.name, row.lastSeen, row.version, row.content, row.sync,
                         plural(warnings, "warning", "warnings"), row.schedule});
    }
    std::vector<std::size_t> widths;
    for (const auto& line : cells) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], line[i].size());
        }
    }
    std::string out;
    std::size_t counts[4] = {0, 0, 0, 0};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ++counts[static_cast<int>(rows[r].state)];
        std::string line;
        for (std::size_t i = 0; i < cells[r].size(); ++i) {
            std::string cell = cells[r][i];
            if (i + 1 < cells[r].size()) cell.resize(widths[i], ' ');
            line += (i == 0 ? "" : "  ") + cell;
        }
        if (!rows[r].problems.empty()) line += "  " + shortText(rows[r].problems.front(), 160);
        out += line + "\n";
    }
    out += plural(rows.size(), "kiosk", "kiosks") + " in " + dir.string() + ": " + std::to_string(counts[0]) + " silent, " +
           plural(counts[1], "broken file", "broken files") + ", " + std::to_string(counts[2]) + " with warnings, " + std::to_string(counts[3]) +
           " fine\n";
    return out;
}

}  // namespace kiosk::core
