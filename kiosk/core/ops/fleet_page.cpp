#include "core/ops/fleet_page.hpp"

#include "core/stats/svg_chart.hpp"
#include "core/util/utc_time.hpp"

namespace kiosk::core {
namespace {

// Problems stand out by a coloured bar at the row's start and a word, never by colour alone.
constexpr const char* kStyle = R"(
body { margin: 0; padding: 1.5rem; background: #f4f6f8; color: #1d232a;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
.summary { margin: 0 0 1rem; color: #4f5863; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { padding: .45rem .6rem; border-bottom: 1px solid #d5dae0; text-align: left; vertical-align: top; }
th { background: #e8ecf0; font-weight: 600; }
td.state { font-weight: 700; border-left: .45rem solid #2e7d32; white-space: nowrap; }
tr.silent td.state { border-left-color: #b71c1c; color: #b71c1c; }
tr.broken td.state { border-left-color: #6a1b9a; color: #6a1b9a; }
tr.warnings td.state { border-left-color: #e65100; color: #a33c00; }
ul { margin: 0; padding-left: 1.1rem; }
li { overflow-wrap: anywhere; }
.muted { color: #4f5863; }
)";

const char* stateWord(FleetState state) {
    switch (state) {
        case FleetState::Silent: return "silent";
        case FleetState::Broken: return "broken";
        case FleetState::Warnings: return "warnings";
        case FleetState::Fine: return "ok";
    }
    return "";
}

std::string cell(const std::string& text) { return "<td>" + escapeHtml(text) + "</td>"; }

std::string problemList(const std::vector<std::string>& problems) {
    if (problems.empty()) return "<td class=\"muted\">none</td>";
    std::string out = "<td><ul>";
    for (const auto& problem : problems) out += "<li>" + escapeHtml(problem) + "</li>";
    return out + "</ul></td>";
}

}  // namespace

std::string fleetPage(const std::vector<FleetRow>& rows, const std::filesystem::path& dir, WallTime now) {
    std::size_t notFine = 0;
    for (const auto& row : rows) notFine += row.state == FleetState::Fine ? 0 : 1;
    const std::string summary = rows.empty() ? "No heartbeats in " + dir.string() + " yet."
                                             : std::to_string(rows.size()) + " kiosk(s), " + std::to_string(notFine) + " need a look.";
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Kiosks: " +
                      escapeHtml(std::to_string(notFine)) + " need a look</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
    out += "<h1>Kiosks</h1>\n<p class=\"summary\">" + escapeHtml(summary) + " From " + escapeHtml(dir.string()) + ", as of " +
           escapeHtml(formatUtc(now)) + " (UTC). Problems first.</p>\n";
    out += "<table>\n<thead><tr><th scope=\"col\">state</th><th scope=\"col\">kiosk</th><th scope=\"col\">last seen</th><th scope=\"col\">version</th>"
           "<th scope=\"col\">content</th><th scope=\"col\">last sync</th><th scope=\"col\">open</th><th scope=\"col\">up</th>"
           "<th scope=\"col\">disk</th><th scope=\"col\">problems</th></tr></thead>\n<tbody>\n";
    for (const FleetRow& row : rows) {
        out += std::string("<tr class=\"") + stateWord(row.state) + "\"><td class=\"state\">" + stateWord(row.state) + "</td>" +
               "<th scope=\"row\">" + escapeHtml(row.name) + "</th>" + cell(row.lastSeen) +
               cell(row.version) + cell(row.content) + cell(row.sync) + cell(row.schedule) + cell(row.uptime) + cell(row.freeSpace) +
               problemList(row.problems) + "</tr>\n";
    }
    out += "</tbody>\n</table>\n</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace kiosk::core
