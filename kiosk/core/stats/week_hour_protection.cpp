// Which cells of the weekday × hour table to hide beyond the small ones, and why that is enough.
//
// Why the rule of the other tables is not enough here. The cells add up two ways: a weekday's
// cells to the sessions of its dates (the days table, shown), an hour's cells to that hour (the
// hours table, shown). Hiding the smallest shown row next to a small one (protectRows) guards a
// single sum: a small cell alone in its weekday is that weekday's days minus the shown rest of
// its row, whatever else is hidden. And the table could give a hidden day or hour away: a
// weekday's shown cells add up to its dates, and minus its shown dates that is the hidden one.
//
// The rule. Every number shown anywhere (cells, days, hours, the total) stays as it is, and we
// ask of each hidden small count x (a cell, day or hour with 1 … k − 1 sessions, or a total
// below k): is there another set of sessions that fits every shown number exactly, in which x is
// k or more? If there is, nobody can work x out, nor even tell that it is small, since the shown
// numbers fit both. If there is not, further cells are hidden until there is.
//
// Why that is a flow. Draw the counts as a network: each day leads from a "days" node to its
// weekday, each cell from its weekday to its hour, each hour on to an "hours" node, the total (if
// hidden) from there back to "days". Every sum the tables show says: what comes into a node goes
// out of it. Sessions that fit all shown numbers differ from the real ones only in hidden counts,
// and by a circulation: raising x by t sends t from x's end back to its start through hidden
// counts, raising those passed along their direction (as far as we like) and lowering those
// passed against it (by at most what they hold: no count goes below 0). Such sessions exist, as
// each weekday's cells can always be shared out over its dates. So the question is whether a flow
// of t = k − x fits, and the fix is a way to route it that may pass shown cells, which are then
// hidden. It is routed in augmenting paths, each the one that hides the fewest cells (then the
// fewest empty ones, then the fewest sessions): that choice only keeps the hidden cells few; the
// guarantee holds whichever route is taken.
//
// Hiding more never closes a route, so one pass over the small counts suffices, and cells hidden
// on the way (they hold 0 or k and more) need no route of their own. Should a small count have
// no route even with every cell hidden, the shown days and hours alone hold it below k; then the
// whole table is hidden, so that it adds nothing to them.
//
// What this covers: every relation between the shown numbers that sums by weekday, by hour and
// in total give (differences, combinations), together with "no count is negative". The other
// tables (packs, languages, forms) count sessions in ways that no set of cells adds up to. What
// it does not promise: that nothing at all is learnt. The shown numbers may still tell that a
// hidden cell holds at least one or two; never what it holds, nor that it is below k.
#include "core/stats/week_hour_protection.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace kiosk::core {
namespace {

constexpr int kDaysNode = 0;
constexpr int kHoursNode = 1;
constexpr int weekdayNode(int weekday) { return 2 + weekday; }
constexpr int hourNode(int hour) { return 9 + hour; }
constexpr int kNodes = 9 + 24;

enum class Kind { Cell, Day, Hour, Total };

struct Edge {
    int from = 0;
    int to = 0;
    std::int64_t value = 0;
    bool hidden = false;
    Kind kind = Kind::Cell;
    int weekday = -1;  // cells only
    int hour = -1;
};

// What a path costs: the cells it would newly hide, of them the empty ones (a "<k" where nobody
// came reads as visits), and their sessions. Compared in that order.
struct Cost {
    int cells = 0;
    int empty = 0;
    std::int64_t sessions = 0;
    auto operator<=>(const Cost&) const = default;
};

Cost operator+(Cost a, const Cost& b) { return Cost{a.cells + b.cells, a.empty + b.empty, a.sessions + b.sessions}; }

// Hidden counts can change; shown cells may be hidden to let them. Shown days, hours and the
// total are final here: they are not this table's to hide.
bool usable(const Edge& e) { return e.hidden || e.kind == Kind::Cell; }

Cost costOf(const Edge& e) { return e.hidden ? Cost{} : Cost{1, e.value == 0 ? 1 : 0, e.value}; }

// Routes t = `needed` from x's end back to its start (see the top of the file), hiding the shown
// cells the route passes. False if it does not fit even so.
bool routeAlternative(std::vector<Edge>& edges, std::size_t x, std::int64_t needed) {
    std::vector<std::int64_t> change(edges.size(), 0);
    const int source = edges[x].to;
    const int target = edges[x].from;
    std::int64_t routed = 0;
    while (routed < needed) {
        struct Step {
            std::optional<Cost> cost;
            std::size_t edge = 0;
            bool along = false;  // passed along the edge's direction: raised; else lowered
            bool done = false;
        };
        std::vector<Step> steps(kNodes);
        steps[source].cost = Cost{};
        // Dijkstra on 33 nodes: picking the nearest by a scan is simpler than a heap and as fast.
        for (;;) {
            int node = -1;
            for (int n = 0; n < kNodes; ++n) {
                if (!steps[n].done && steps[n].cost && (node < 0 || *steps[n].cost < *steps[node].cost)) node = n;
            }
            if (node < 0 || node == target) break;
            steps[node].done = true;
            for (std::size_t e = 0; e < edges.size(); ++e) {
                if (e == x || !usable(edges[e])) continue;
                const Edge& edge = edges[e];
                auto relax = [&](int next, bool along) {
                    const Cost cost = *steps[node].cost + costOf(edge);
                    if (steps[next].done || (steps[next].cost && !(cost < *steps[next].cost))) return;
                    steps[next].cost = cost;
                    steps[next].edge = e;
                    steps[next].along = along;
                };
                if (edge.from == node) relax(edge.to, true);
                if (edge.to == node && edge.value + change[e] > 0) relax(edge.from, false);
            }
        }
        if (!steps[target].cost) return false;
        std::int64_t amount = needed - routed;
        for (int n = target; n != source; n = steps[n].along ? edges[steps[n].edge].from : edges[steps[n].edge].to) {
            const std::size_t e = steps[n].edge;
            if (!steps[n].along) amount = std::min(amount, edges[e].value + change[e]);
        }
        for (int n = target; n != source;) {
            const std::size_t e = steps[n].edge;
            const bool along = steps[n].along;
            change[e] += along ? amount : -amount;
            edges[e].hidden = true;
            n = along ? edges[e].from : edges[e].to;
        }
        routed += amount;
    }
    return true;
}

}  // namespace

int weekdayOfDate(std::string_view date) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char end = 0;
    const std::string text(date);
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &end) != 3) return -1;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok()) return -1;
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{ymd}}.iso_encoding()) - 1;
}

void protectWeekHours(WeekHourCells& cells, const std::vector<StatsRow>& perDay, const std::vector<StatsRow>& perHour,
                      const StatsCell& total, int k) {
    std::vector<Edge> edges;
    for (int w = 0; w < 7; ++w) {
        for (int h = 0; h < 24; ++h) {
            edges.push_back(Edge{weekdayNode(w), hourNode(h), cells[w][h].value, cells[w][h].suppressed, Kind::Cell, w, h});
        }
    }
    // Names the log cannot give (the days are dates, the hours "00" … "23"); with one of them the
    // sums are not known to hold as laid out here.
    bool unreadable = false;
    for (const StatsRow& day : perDay) {
        const int w = weekdayOfDate(day.name);
        if (w < 0) {
            unreadable = true;
            continue;
        }
        edges.push_back(Edge{kDaysNode, weekdayNode(w), day.sessions.value, day.sessions.suppressed, Kind::Day});
    }
    for (const StatsRow& hour : perHour) {
        int h = -1;
        if (std::sscanf(hour.name.c_str(), "%d", &h) != 1 || h < 0 || h > 23) {
            unreadable = true;
            continue;
        }
        edges.push_back(Edge{hourNode(h), kHoursNode, hour.sessions.value, hour.sessions.suppressed, Kind::Hour});
    }
    if (total.suppressed) edges.push_back(Edge{kHoursNode, kDaysNode, total.value, true, Kind::Total});

    auto hideAll = [&] {
        for (auto& row : cells) {
            for (auto& c : row) c.suppressed = true;
        }
    };
    if (unreadable) return hideAll();

    for (std::size_t x = 0; x < edges.size(); ++x) {
        const std::int64_t value = edges[x].value;
        if (!edges[x].hidden || value <= 0 || value >= k) continue;
        if (!routeAlternative(edges, x, k - value)) return hideAll();
    }
    for (const Edge& edge : edges) {
        if (edge.kind == Kind::Cell && edge.hidden) cells[edge.weekday][edge.hour].suppressed = true;
    }
}

}  // namespace kiosk::core
