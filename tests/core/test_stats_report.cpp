// The HTML statistics report: visits written through the real usage log, counted by the real
// stats, then checked for what a mailed file must and must never contain.
#include <doctest/doctest.h>

#include <functional>

#include "core/stats/report_text.hpp"
#include "core/stats/stats_report.hpp"
#include "core/stats/svg_chart.hpp"
#include "core/stats/usage_stats.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using core::UsageEvent;
using core::UsageKind;

namespace {

// 2024-10-04 10:00 UTC, as in the other stats tests.
const core::WallTime kFourthOctober{std::chrono::hours(24 * 20000) + 10h};
const std::string kOddPack = "odd<&\"'>pack";
const std::string kNoBreak = "\u00a0";  // between a number and its unit

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

// Three days of visits (6, 3 and 9), 200 s each: 15 to "popular", 3 to a pack whose id needs
// escaping (a suppressed row); a form 12 open, 2 leave at step 1 and 10 finish; a quiz 12
// answer, 9 of them right; two languages.
core::UsageStats statsOfThreeDays(const test::TempDir& dir) {
    core::ManualWallClock clock(kFourthOctober - 48h);
    {
        core::SqliteUsageLog log(dir.path(), clock);
        for (std::uint64_t s = 1; s <= 18; ++s) {
            if (s == 7 || s == 10) clock.advance(24h);
            log.record(UsageEvent{UsageKind::SessionStart, s, "", "", s <= 13 ? "de" : "en", 0});
            log.record(UsageEvent{UsageKind::PageView, s, s <= 15 ? "popular" : kOddPack, "start", "", 200});
            if (s <= 12) {
                log.record(UsageEvent{UsageKind::FlowStep, s, "popular", "", "apply", 1});
                if (s <= 2) {
                    log.record(UsageEvent{UsageKind::FlowAbandon, s, "popular", "", "apply", 1});
                } else {
                    log.record(UsageEvent{UsageKind::FlowStep, s, "popular", "", "apply", 2});
                    log.record(UsageEvent{UsageKind::FlowComplete, s, "popular", "", "apply", 0});
                }
                log.record(UsageEvent{UsageKind::QuizAnswer, s, "popular", "start", "q", s <= 9 ? 1 : 0});
            }
            log.record(UsageEvent{UsageKind::SessionEnd, s, "", "", "idle", 200});
        }
        log.flush();
        REQUIRE(log.warnings().empty());
    }
    core::StatsRequest request;
    request.now = kFourthOctober;
    request.days = 7;
    request.minCellSessions = 5;
    request.zone = core::StatsTimeZone::Utc;
    auto result = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().describe()));
    return result.value();
}

core::ReportContext contextIn(core::ReportLanguage language) {
    return core::ReportContext{kFourthOctober + 5min, kFourthOctober, language, core::StatsTimeZone::Utc};
}

void forEachCell(core::UsageStats& stats, const std::function<void(core::StatsCell&)>& visit) {
    visit(stats.sessions);
    visit(stats.averageSeconds);
    visit(stats.medianSeconds);
    for (auto* rows : {&stats.perDay, &stats.perHour, &stats.packs, &stats.pages, &stats.languages}) {
        for (auto& row : *rows) {
            visit(row.sessions);
            visit(row.views);
        }
    }
    for (auto& flow : stats.flows) {
        visit(flow.started);
        visit(flow.completed);
        for (auto& step : flow.steps) {
            visit(step.reached);
            visit(step.left);
        }
    }
    for (auto& quiz : stats.quizzes) {
        visit(quiz.answered);
        visit(quiz.right);
        visit(quiz.wrong);
    }
    for (auto& hours : stats.perWeekHour) {
        for (auto& cell : hours) visit(cell);
    }
}

// The SVG whose accessible name begins with `label`, from its <svg to its </svg>.
std::string chartNamed(const std::string& report, const std::string& label) {
    const auto name = report.find("aria-label=\"" + label);
    if (name == std::string::npos) return {};
    const auto start = report.rfind("<svg", name);
    return report.substr(start, report.find("</svg>", name) - start);
}

}  // namespace

TEST_CASE("stats report: German and English reports of the real log have their titles, period, key figures and a chart per section") {
    test::TempDir dir;
    const core::UsageStats stats = statsOfThreeDays(dir);
    REQUIRE(stats.sessions.value == 18);
    REQUIRE(stats.flows.size() == 1);
    REQUIRE(stats.quizzes.size() == 1);

    const std::string german = core::formatStatsReport(stats, contextIn(core::ReportLanguage::German));
    CHECK(german.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    CHECK(german.find("<h1>Nutzungsstatistik</h1>") != std::string::npos);
    CHECK(german.find("27. September 2024, 10:00" + kNoBreak + "Uhr bis 4. Oktober 2024, 10:00" + kNoBreak + "Uhr (7" + kNoBreak +
                      "Tage) Alle Zeitangaben in UTC.") != std::string::npos);
    CHECK(german.find("4. Oktober 2024, 10:05" + kNoBreak + "Uhr") != std::string::npos);  // when it was made
    CHECK(german.find("weniger als 5 Besuche") != std::string::npos);
    CHECK(german.find("anonym") != std::string::npos);
    CHECK(german.find("<p class=\"value\">18</p>") != std::string::npos);
    CHECK(occurrences(german, "<p class=\"value\">3 min 20 s</p>") == 2);  // average and median

    const std::string english = core::formatStatsReport(stats, contextIn(core::ReportLanguage::English));
    CHECK(english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(english.find("<h1>Usage statistics</h1>") != std::string::npos);
    CHECK(english.find("27 September 2024, 10:00 to 4 October 2024, 10:00 (7" + kNoBreak + "days)") != std::string::npos);
    CHECK(english.find("Nutzungsstatistik") == std::string::npos);
    CHECK(german.find("Usage statistics") == std::string::npos);

    // Days, hours, weekdays by hours, packs, pages, languages, the one flow, the quizzes: one SVG
    // each, and each with its numbers as a table for readers who cannot see it.
    const std::size_t charts = 3 + !stats.packs.empty() + !stats.pages.empty() + !stats.languages.empty() + stats.flows.size() +
                               !stats.quizzes.empty();
    CHECK(charts == 8);
    for (const std::string* report : {&german, &english}) {
        CHECK(occurrences(*report, "<svg ") == charts);
        CHECK(occurrences(*report, "</svg>") == charts);
        CHECK(occurrences(*report, "<table class=\"numbers\">") == charts);
        CHECK(occurrences(*report, " role=\"img\" aria-label=\"") == charts);
    }
    CHECK(german.find("<th scope=\"row\">Schritt 1</th><td>12</td><td>&lt;5</td>") != std::string::npos);
    CHECK(english.find("<th scope=\"row\">Completed</th><td>&lt;5</td>") != std::string::npos);  // 12 − 10 would give the 2 away
    CHECK(english.find("<th scope=\"row\">popular/start/q</th><td>12</td><td>&lt;5</td><td>&lt;5</td>") != std::string::npos);
    CHECK(english.find("English (en)") != std::string::npos);
}

TEST_CASE("stats report: a suppressed cell says <5, and its value appears nowhere: changing it changes not one byte") {
    test::TempDir dir;
    core::UsageStats stats = statsOfThreeDays(dir);
    // The odd pack's 3 visits and the day with 3 are hidden, and so (secondary) are the day
    // with 6 and the popular pack, from which they could be worked out.
    REQUIRE(stats.packs.size() == 2);
    CHECK(stats.packs[1].sessions.value == 3);
    CHECK(stats.packs[1].sessions.suppressed);
    REQUIRE(stats.perDay.size() == 3);
    CHECK(stats.perDay[0].sessions.suppressed);
    CHECK(stats.perDay[1].sessions.suppressed);
    CHECK_FALSE(stats.perDay[2].sessions.suppressed);
    const std::string report = core::formatStatsReport(stats, contextIn(core::ReportLanguage::German));
    CHECK(report.find("<th scope=\"row\">odd&lt;&amp;&quot;&#39;&gt;pack</th><td>&lt;5</td><td>&lt;5</td>") != std::string::npos);

    // A suppressed day is a hatched bar, labelled "<5".
    const auto days = report.find("<svg class=\"chart\"");
    REQUIRE(days != std::string::npos);
    const std::string dayChart = report.substr(days, report.find("</svg>", days) - days);
    CHECK(dayChart.find("fill=\"url(#chart-days-hatch)\"") != std::string::npos);
    CHECK(occurrences(dayChart, ">&lt;5</text>") == 2);
    CHECK(dayChart.find(">9</text>") != std::string::npos);

    int hidden = 0;
    forEachCell(stats, [&](core::StatsCell& cell) { hidden += cell.suppressed; });
    CHECK(hidden >= 10);
    // Every hidden value replaced by a distinctive one (larger than any shown, so a chart scaled
    // by it would shrink every bar) and then by another: the file stays the same, byte for byte.
    forEachCell(stats, [](core::StatsCell& cell) {
        if (cell.suppressed) cell.value = 7395168;
    });
    for (const auto language : {core::ReportLanguage::German, core::ReportLanguage::English}) {
        CAPTURE(static_cast<int>(language));
        const std::string distinctive = core::formatStatsReport(stats, contextIn(language));
        CHECK(distinctive.find("7395168") == std::string::npos);
        CHECK(distinctive.find("7.395.168") == std::string::npos);
        CHECK(distinctive.find("7,395,168") == std::string::npos);
        core::UsageStats other = stats;
        forEachCell(other, [](core::StatsCell& cell) {
            if (cell.suppressed) cell.value = 1;
        });
        CHECK(core::formatStatsReport(other, contextIn(language)) == distinctive);
    }
}

TEST_CASE("stats report: the heat map has a square per weekday and hour, hidden ones hatched and saying only <5") {
    test::TempDir dir;
    const core::UsageStats stats = statsOfThreeDays(dir);
    // All visits began at 10:00 UTC: Wednesday 6, Thursday 3 (hidden), Friday 9. Wednesday is
    // hidden beside Thursday: the hours table shows 18 at 10:00, and 18 − 9 − 6 would be 3.
    REQUIRE(stats.perWeekHour[2][10].value == 6);
    REQUIRE(stats.perWeekHour[3][10].suppressed);
    CHECK(stats.perWeekHour[2][10].suppressed);
    CHECK_FALSE(stats.perWeekHour[4][10].suppressed);

    const std::string german = core::formatStatsReport(stats, contextIn(core::ReportLanguage::German));
    CHECK(german.find("<h2>Besuche nach Wochentag und Uhrzeit</h2>") != std::string::npos);
    const std::string map = chartNamed(german, "Diagramm: Besuche nach Wochentag und Uhrzeit");
    REQUIRE_FALSE(map.empty());
    CHECK(occurrences(map, "<title>") == 7 * 24);
    CHECK(occurrences(map, "fill=\"url(#chart-week-hours-hatch)\"") == 3);  // two squares and the key
    CHECK(map.find("<title>Mi, 10–11 Uhr: &lt;5 Besuche</title>") != std::string::npos);
    CHECK(map.find("<title>Do, 10–11 Uhr: &lt;5 Besuche</title>") != std::string::npos);
    CHECK(map.find("<title>Fr, 10–11 Uhr: 9 Besuche</title>") != std::string::npos);
    CHECK(map.find("<title>So, 3–4 Uhr: 0 Besuche</title>") != std::string::npos);
    CHECK(occurrences(map, " font-weight=\"600\">&lt;5</text>") == 2);
    CHECK(map.find(">wenige bis viele (höchstens 9)</text>") != std::string::npos);  // the largest shown square
    CHECK(map.find("Besuche</title>") != std::string::npos);
    CHECK(map.find(": 6 Besuche") == std::string::npos);
    CHECK(map.find(": 3 Besuche") == std::string::npos);
    CHECK(german.find("<th scope=\"row\">Mi</th><td>0</td>") != std::string::npos);
    const std::string english = core::formatStatsReport(stats, contextIn(core::ReportLanguage::English));
    CHECK_FALSE(chartNamed(english, "Chart: Visits by weekday and time of day").empty());
    CHECK(english.find("<title>Fr, 10:00–11:00: 9 visits</title>") != std::string::npos);
}

TEST_CASE("stats report: names from the data are escaped, and nothing is loaded from anywhere else") {
    test::TempDir dir;
    const core::UsageStats stats = statsOfThreeDays(dir);
    for (const auto language : {core::ReportLanguage::German, core::ReportLanguage::English}) {
        const std::string report = core::formatStatsReport(stats, contextIn(language));
        CHECK(report.find(kOddPack) == std::string::npos);
        CHECK(report.find("odd<") == std::string::npos);
        CHECK(report.find("odd&lt;&amp;&quot;&#39;&gt;pack") != std::string::npos);
        for (const char* outside : {"http://", "https://", "src=", "href=", "@import", "<script", "<link", "<img", "<iframe", "@font-face"}) {
            CAPTURE(outside);
            CHECK(report.find(outside) == std::string::npos);
        }
        // url() only ever names a pattern of the same document.
        for (std::size_t at = report.find("url("); at != std::string::npos; at = report.find("url(", at + 1)) {
            CHECK(report.compare(at, 5, "url(#") == 0);
        }
    }
    // The escaping itself, and the control characters a hand-edited log could hold.
    CHECK(core::escapeHtml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(core::escapeHtml(std::string("x\0y\x1b", 4)) == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
}

TEST_CASE("stats report: a period without visits says so in one sentence instead of drawing empty charts") {
    test::TempDir dir;
    core::StatsRequest request;
    request.now = kFourthOctober;
    request.zone = core::StatsTimeZone::Utc;
    auto stats = core::computeUsageStats(core::usageDatabasePath(dir.path()), request);  // no file yet
    REQUIRE(stats);
    const std::string german = core::formatStatsReport(stats.value(), contextIn(core::ReportLanguage::German));
    CHECK(german.find("In diesem Zeitraum wurden keine Besuche gezählt.") != std::string::npos);
    CHECK(german.find("<h1>Nutzungsstatistik</h1>") != std::string::npos);
    CHECK(german.find("(30" + kNoBreak + "Tage)") != std::string::npos);
    CHECK(german.find("<svg") == std::string::npos);
    CHECK(german.find("<table") == std::string::npos);
    CHECK(german.find("Auf einen Blick") == std::string::npos);
    const std::string english = core::formatStatsReport(stats.value(), contextIn(core::ReportLanguage::English));
    CHECK(english.find("No visits were recorded in this period.") != std::string::npos);
    CHECK(english.find("<svg") == std::string::npos);
}

TEST_CASE("stats report: counts, dates and visit lengths are written as each language writes them") {
    const auto& de = core::reportWords(core::ReportLanguage::German);
    const auto& en = core::reportWords(core::ReportLanguage::English);
    CHECK(core::formatCount(1234567, de) == "1.234.567");
    CHECK(core::formatCount(1234, en) == "1,234");
    CHECK(core::formatCount(999, de) == "999");
    CHECK(core::formatCell(core::StatsCell{3, true}, 5, de) == "<5");
    CHECK(core::formatDuration(45) == "45 s");
    CHECK(core::formatDuration(200) == "3 min 20 s");
    CHECK(core::formatDuration(185) == "3 min 05 s");
    CHECK(core::formatDuration(3720) == "1 h 02 min");
    const std::chrono::year_month_day date{std::chrono::year{2025}, std::chrono::March, std::chrono::day{3}};
    CHECK(core::formatDate(date, de) == "3. März 2025");
    CHECK(core::formatDate(date, en) == "3 March 2025");
    CHECK(core::weekdayOf(date, de) == "Mo");
    CHECK(core::languageName("de-x-ls", core::ReportLanguage::German) == "Leichte Sprache (de-x-ls)");
    CHECK(core::languageName("xx", core::ReportLanguage::English) == "xx");
    CHECK(core::fillIn("{a} and {a}, {b}", {{"a", "x{a}"}, {"b", "y"}}) == "x{a} and x{a}, y");
}
