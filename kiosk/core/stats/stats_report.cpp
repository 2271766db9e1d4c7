// The report page: header, key figures, one chart per section, each with its numbers as a table.
// Every count reaches the page through shownValue() and formatCell(), never as a raw value.
#include "core/stats/stats_report.hpp"

#include <cstdio>
#include <map>
#include <optional>

#include "core/stats/report_text.hpp"
#include "core/stats/svg_chart.hpp"

namespace kiosk::core {
namespace {

// Screen: a calm page of paper on grey. Print: A4, black on white, no chart split over pages.
// Bars carry their own colours (SVG attributes), so mail clients that drop <style> still show them.
constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm 14mm 16mm; }
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; background: #eef0f3; color: #1c2127;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
main { max-width: 50rem; margin: 2rem auto; padding: 2.5rem 3rem 2rem; background: #fff; border: 1px solid #d5dae0; border-radius: 6px; }
.product { margin: 0; color: #4f5863; font-size: .95rem; letter-spacing: .02em; }
h1 { margin: .1rem 0 1rem; font-size: 2.1rem; line-height: 1.2; }
h2 { margin: 0 0 .2rem; font-size: 1.3rem; line-height: 1.3; }
h3 { margin: 0 0 .4rem; font-size: 1.05rem; font-weight: 600; overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.5rem; margin: 0 0 1.25rem; }
.facts dt { color: #4f5863; }
.facts dd { margin: 0; }
.privacy { margin: 0 0 2rem; padding: .6rem 1.1rem; border: 1px solid #c9d3dd; border-left: 5px solid #2c5d87; border-radius: 4px; }
.privacy p { margin: .4rem 0; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1rem; margin: .6rem 0 2.25rem; }
.figure { padding: .7rem 1rem .8rem; border: 1px solid #d5dae0; border-radius: 6px; }
.figure .label { margin: 0; color: #4f5863; font-size: .92rem; }
.figure .value { margin: .1rem 0; font-size: 1.8rem; font-weight: 650; line-height: 1.2; }
.figure .note { margin: 0; color: #4f5863; font-size: .82rem; line-height: 1.35; }
section { margin: 0 0 2.5rem; }
.chart-block { break-inside: avoid; page-break-inside: avoid; }
.lead { margin: 0 0 .7rem; color: #4f5863; }
.flow { margin: 1.1rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; width: 100%; height: auto; }
.none { margin: 0; color: #4f5863; font-style: italic; }
.numbers { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid #d5dae0; color: #4f5863; font-size: .85rem; }
@media (max-width: 40rem) {
  main { margin: 0; padding: 1.25rem; border: 0; border-radius: 0; }
  .figures { grid-template-columns: 1fr; }
}
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  h2, h3, .lead { break-after: avoid; page-break-after: avoid; }
  section { margin-bottom: 1.6rem; }
}
)";

using Cells = std::vector<std::string>;

struct Table {
    std::string caption;
    Cells headers;
    std::vector<Cells> rows;  // the first cell names the row
};

// For screen readers and for mail clients that show no SVG: the chart's numbers, visually hidden
// where the page's style applies and a plain table where it does not.
std::string numbersTable(const Table& table) {
    std::string out = "<table class=\"numbers\">\n<caption>" + escapeHtml(table.caption) + "</caption>\n<thead><tr>";
    for (const auto& header : table.headers) out += "<th scope=\"col\">" + escapeHtml(header) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            out += i == 0 ? "<th scope=\"row\">" + escapeHtml(row[i]) + "</th>" : "<td>" + escapeHtml(row[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

// The only way a count becomes a bar: a suppressed cell gives none.
std::optional<std::int64_t> shownValue(const StatsCell& cell) {
    if (cell.suppressed) return std::nullopt;
    return cell.value;
}

std::string isoDate(const std::chrono::year_month_day& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buffer;
}

std::optional<std::chrono::year_month_day> parseIsoDate(const std::string& text) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char end = 0;
    if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &end) != 3) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return date;
}

class ReportPage {
public:
    ReportPage(const UsageStats& stats, const ReportContext& context)
        : m_stats(stats), m_context(context), m_words(reportWords(context.language)), m_k(stats.minCellSessions) {}

    std::string build() {
        const CivilTime from = civilTime(m_context.periodEnd - std::chrono::hours(24) * m_stats.days, m_context.zone);
        const CivilTime to = civilTime(m_context.periodEnd, m_context.zone);
        m_out = "<!DOCTYPE html>\n<html lang=\"" + std::string(m_words.htmlLanguage) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
        m_out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        m_out += "<title>" + escapeHtml(std::string(m_words.title) + " · " + formatDate(from.date, m_words) + " – " + formatDate(to.date, m_words)) +
                 "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
        header(from, to);
        if (m_stats.perDay.empty()) {
            // Nothing was counted: one plain sentence instead of a page of empty charts.
            m_out += "<section>\n<p class=\"none\">" + escapeHtml(m_words.noVisits) + "</p>\n</section>\n";
        } else {
            keyFigures();
            perDay(to);
            perHour();
            perWeekHour();
            rowsSection("packs", m_words.packs, m_words.packsLead, m_words.content, m_stats.packs, true, false);
            rowsSection("pages", m_words.pages, m_words.pagesLead, m_words.page, m_stats.pages, true, false);
            rowsSection("languages", m_words.languages, m_words.languagesLead, m_words.language, m_stats.languages, false, true);
            flows();
            quizzes();
        }
        m_out += "<footer>\n<p>" + escapeHtml(fillIn(m_words.footer, {{"version", KIOSK_VERSION}})) + "</p>\n</footer>\n";
        return m_out + "</main>\n</body>\n</html>\n";
    }

private:
    std::string cell(const StatsCell& c) const { return formatCell(c, m_k, m_words); }
    std::string visitsOf(const std::string& what, const StatsCell& c) const {
        return fillIn(m_words.visitsOf, {{"what", what}, {"count", cell(c)}});
    }
    std::string chartLabel(const std::string& title) const { return fillIn(m_words.chartOf, {{"title", title}}); }
    Chart chart(std::string id, const std::string& title) const {
        Chart c;
        c.id = "chart-" + std::move(id);
        c.label = chartLabel(title);
        c.hiddenLegend = fillIn(m_words.hiddenLegend, {{"k", std::to_string(m_k)}});
        return c;
    }
    void sectionStart(const char* title, const char* lead, bool keepTogether) {
        m_out += std::string("<section") + (keepTogether ? " class=\"chart-block\"" : "") + ">\n<h2>" + escapeHtml(title) + "</h2>\n";
        if (lead && *lead) m_out += "<p class=\"lead\">" + escapeHtml(lead) + "</p>\n";
    }

    void header(const CivilTime& from, const CivilTime& to) {
        const std::string days = m_stats.days == 1 ? m_words.oneDay : fillIn(m_words.manyDays, {{"days", formatCount(m_stats.days, m_words)}});
        std::string period = fillIn(m_words.period, {{"from", formatDateTime(from, m_words)}, {"to", formatDateTime(to, m_words)}, {"days", days}});
        if (m_context.zone == StatsTimeZone::Utc) period += " " + std::string(m_words.timesInUtc);
        const std::string k = std::to_string(m_k);
        m_out += "<header>\n<p class=\"product\">" + escapeHtml(m_words.product) + "</p>\n<h1>" + escapeHtml(m_words.title) + "</h1>\n";
        m_out += "<dl class=\"facts\">\n";
        m_out += "<dt>" + escapeHtml(m_words.periodLabel) + "</dt><dd>" + escapeHtml(period) + "</dd>\n";
        m_out += "<dt>" + escapeHtml(m_words.generatedLabel) + "</dt><dd>" + escapeHtml(formatDateTime(civilTime(m_context.generatedAt, m_context.zone), m_words)) +
                 "</dd>\n";
        m_out += "<dt>" + escapeHtml(m_words.minimumLabel) + "</dt><dd>" + escapeHtml(fillIn(m_words.minimum, {{"k", k}})) + "</dd>\n</dl>\n";
        m_out += "<div class=\"privacy\">\n<p>" + escapeHtml(m_words.anonymous) + "</p>\n<p>" + escapeHtml(fillIn(m_words.suppression, {{"k", k}}));
        // With no visits at all there are no numbers to hide, nor to say that none were.
        if (!m_stats.perDay.empty()) {
            m_out += " " + escapeHtml(m_stats.anySuppressed() ? fillIn(m_words.secondary, {{"k", k}}) : std::string(m_words.noneHidden));
        }
        m_out += "</p>\n</div>\n";
        m_out += "</header>\n";
    }

    void keyFigures() {
        const std::string tooFew = fillIn(m_words.tooFewToSay, {{"k", std::to_string(m_k)}});
        auto figure = [&](const char* label, const std::string& value, const std::string& note) {
            m_out += "<div class=\"figure\">\n<p class=\"label\">" + escapeHtml(label) + "</p>\n<p class=\"value\">" + escapeHtml(value) +
                     "</p>\n<p class=\"note\">" + escapeHtml(note) + "</p>\n</div>\n";
        };
        auto length = [&](const StatsCell& c) { return c.suppressed ? cell(c) : formatDuration(c.value); };
        m_out += "<section>\n<h2>" + escapeHtml(m_words.keyFigures) + "</h2>\n<div class=\"figures\">\n";
        figure(m_words.visits, cell(m_stats.sessions), m_words.visitsNote);
        figure(m_words.averageLength, length(m_stats.averageSeconds), m_stats.averageSeconds.suppressed ? tooFew : m_words.averageNote);
        figure(m_words.medianLength, length(m_stats.medianSeconds), m_stats.medianSeconds.suppressed ? tooFew : m_words.medianNote);
        m_out += "</div>\n</section>\n";
    }

    // One slot per date of the period, so days without visits keep their place on the axis.
    // Counted by calendar, not by subtracting 24 h, which skips or repeats a date where daylight
    // saving changes. Rows on a date outside the period (the clock moved) are kept, not dropped.
    void perDay(const CivilTime& to) {
        std::map<std::string, std::optional<std::chrono::year_month_day>> dates;
        for (int back = 0; back <= m_stats.days; ++back) {
            const std::chrono::year_month_day date{std::chrono::sys_days{to.date} - std::chrono::days{back}};
            dates[isoDate(date)] = date;
        }
        std::map<std::string, const StatsRow*> rows;
        for (const StatsRow& row : m_stats.perDay) {
            rows[row.name] = &row;
            if (!dates.count(row.name)) dates[row.name] = parseIsoDate(row.name);
        }
        Chart days = chart("days", m_words.perDay);
        Table table{m_words.perDay, {m_words.date, m_words.visits}, {}};
        std::optional<std::chrono::month> lastMonth;
        for (const auto& [name, date] : dates) {
            const auto found = rows.find(name);
            const StatsCell visits = found == rows.end() ? StatsCell{0, false} : found->second->sessions;
            ChartBar bar;
            std::string longName = name;
            if (date) {
                bar.label = std::to_string(static_cast<unsigned>(date->day()));
                bar.secondLabel = weekdayOf(*date, m_words);
                if (!lastMonth || *lastMonth != date->month()) {
                    bar.groupLabel = std::string(m_words.months[static_cast<unsigned>(date->month()) - 1]) + " " + std::to_string(static_cast<int>(date->year()));
                }
                lastMonth = date->month();
                longName = bar.secondLabel + ", " + formatDate(*date, m_words);
            } else {
                bar.label = name;
            }
            bar.shown = shownValue(visits);
            bar.valueText = found == rows.end() ? "" : cell(visits);
            bar.description = visitsOf(longName, visits);
            days.bars.push_back(std::move(bar));
            table.rows.push_back({longName, cell(visits)});
        }
        sectionStart(m_words.perDay, m_words.perDayLead, true);
        m_out += columnChart(days) + numbersTable(table) + "</section>\n";
    }

    void perHour() {
        std::map<int, const StatsRow*> rows;
        // Names are strftime's "00" … "23"; anything else cannot come from the log.
        for (const StatsRow& row : m_stats.perHour) {
            int hour = -1;
            if (std::sscanf(row.name.c_str(), "%d", &hour) == 1 && hour >= 0 && hour < 24) rows[hour] = &row;
        }
        Chart hours = chart("hours", m_words.perHour);
        Table table{m_words.perHour, {m_words.hour, m_words.visits}, {}};
        for (int hour = 0; hour < 24; ++hour) {
            const auto found = rows.find(hour);
            const StatsCell visits = found == rows.end() ? StatsCell{0, false} : found->second->sessions;
            const std::string range = fillIn(m_words.hourRange, {{"from", std::to_string(hour)}, {"to", std::to_string(hour + 1)}});
            ChartBar bar;
            bar.label = std::to_string(hour);
            bar.shown = shownValue(visits);
            bar.valueText = found == rows.end() ? "" : cell(visits);
            bar.description = visitsOf(range, visits);
            hours.bars.push_back(std::move(bar));
            table.rows.push_back({range, cell(visits)});
        }
        sectionStart(m_words.perHour, m_words.perHourLead, true);
        m_out += columnChart(hours) + numbersTable(table) + "</section>\n";
    }

    // Weekdays down, hours across: the same shape as the staff screen's, so both read alike.
    void perWeekHour() {
        HeatMap map;
        map.id = "chart-week-hours";
        map.label = chartLabel(m_words.perWeekHour);
        map.noneLegend = m_words.noVisitsLegend;
        map.scaleLegend = m_words.scaleLegend;
        map.hiddenLegend = fillIn(m_words.hiddenLegend, {{"k", std::to_string(m_k)}});
        Table table{m_words.perWeekHour, {m_words.weekday}, {}};
        for (int hour = 0; hour < 24; ++hour) {
            map.columnLabels.push_back(std::to_string(hour));
            table.headers.push_back(fillIn(m_words.hourRange, {{"from", std::to_string(hour)}, {"to", std::to_string(hour + 1)}}));
        }
        for (int day = 0; day < 7; ++day) {
            const std::string weekday = m_words.weekdays[day];
            map.rowLabels.push_back(weekday);
            Cells row{weekday};
            std::vector<HeatCell> cells;
            for (int hour = 0; hour < 24; ++hour) {
                const StatsCell& visits = m_stats.perWeekHour[day][hour];
                const std::string range = fillIn(m_words.hourRange, {{"from", std::to_string(hour)}, {"to", std::to_string(hour + 1)}});
                HeatCell square;
                square.shown = shownValue(visits);
                square.valueText = visits.suppressed || visits.value > 0 ? cell(visits) : "";
                square.description = visitsOf(weekday + ", " + range, visits);
                cells.push_back(std::move(square));
                row.push_back(cell(visits));
            }
            map.cells.push_back(std::move(cells));
            table.rows.push_back(std::move(row));
        }
        sectionStart(m_words.perWeekHour, m_words.perWeekHourLead, true);
        m_out += heatMapChart(map) + numbersTable(table) + "</section>\n";
    }

    void rowsSection(const char* id, const char* title, const char* lead, const char* what, const std::vector<StatsRow>& rows, bool withViews,
                     bool languageNames) {
        sectionStart(title, lead, true);
        if (rows.empty()) {
            m_out += "<p class=\"none\">" + escapeHtml(m_words.noRows) + "</p>\n</section>\n";
            return;
        }
        Chart bars = chart(id, title);
        Table table{title, {what, m_words.visits}, {}};
        if (withViews) table.headers.push_back(m_words.views);
        for (const StatsRow& row : rows) {
            const std::string name = languageNames ? languageName(row.name, m_context.language) : row.name;
            ChartBar bar;
            bar.label = name;
            bar.shown = shownValue(row.sessions);
            bar.valueText = cell(row.sessions);
            bar.description = visitsOf(name, row.sessions);
            if (withViews) {
                bar.secondLabel = fillIn(m_words.viewsNote, {{"count", cell(row.views)}});
                bar.description += ", " + bar.secondLabel;
            }
            bars.bars.push_back(std::move(bar));
            table.rows.push_back(withViews ? Cells{name, cell(row.sessions), cell(row.views)} : Cells{name, cell(row.sessions)});
        }
        m_out += rowChart(bars) + numbersTable(table) + "</section>\n";
    }

    void flows() {
        sectionStart(m_words.flows, m_words.flowsLead, false);
        if (m_stats.flows.empty()) m_out += "<p class=\"none\">" + escapeHtml(m_words.noFlows) + "</p>\n";
        for (std::size_t i = 0; i < m_stats.flows.size(); ++i) {
            const FlowFunnel& flow = m_stats.flows[i];
            Chart funnel = chart("flow-" + std::to_string(i + 1), std::string(m_words.flows) + ": " + flow.name);
            Table table{flow.name, {m_words.stepColumn, m_words.reached, m_words.left}, {}};
            for (const FunnelStep& step : flow.steps) {
                ChartBar bar;
                bar.label = fillIn(m_words.step, {{"step", std::to_string(step.step)}});
                const std::string left = fillIn(m_words.leftHere, {{"count", cell(step.left)}});
                if (step.left.suppressed || step.left.value > 0) bar.secondLabel = left;
                bar.shown = shownValue(step.reached);
                bar.valueText = cell(step.reached);
                bar.description = bar.label + ": " + cell(step.reached) + " " + m_words.reached + ", " + left;
                table.rows.push_back({bar.label, cell(step.reached), cell(step.left)});
                funnel.bars.push_back(std::move(bar));
            }
            ChartBar done;
            done.label = m_words.completed;
            done.shown = shownValue(flow.completed);
            done.valueText = cell(flow.completed);
            done.description = done.label + ": " + cell(flow.completed);
            table.rows.push_back({done.label, cell(flow.completed), ""});
            funnel.bars.push_back(std::move(done));
            m_out += "<div class=\"flow\">\n<h3>" + escapeHtml(flow.name) + "</h3>\n" + rowChart(funnel) + numbersTable(table) + "</div>\n";
        }
        m_out += "</section>\n";
    }

    void quizzes() {
        sectionStart(m_words.quizzes, m_words.quizzesLead, true);
        if (m_stats.quizzes.empty()) {
            m_out += "<p class=\"none\">" + escapeHtml(m_words.noQuizzes) + "</p>\n</section>\n";
            return;
        }
        Chart answers = chart("quizzes", m_words.quizzes);
        answers.partLegend = m_words.right;
        answers.restLegend = m_words.wrong;
        Table table{m_words.quizzes, {m_words.quiz, m_words.answered, m_words.right, m_words.wrong}, {}};
        for (const QuizResult& quiz : m_stats.quizzes) {
            ChartBar bar;
            bar.label = quiz.name;
            bar.secondLabel = cell(quiz.answered) + " " + m_words.answered;
            bar.shown = shownValue(quiz.answered);
            if (!quiz.right.suppressed && !quiz.wrong.suppressed) bar.shownPart = shownValue(quiz.right);
            bar.valueText = fillIn(m_words.rightAndWrong, {{"right", cell(quiz.right)}, {"wrong", cell(quiz.wrong)}});
            bar.description = quiz.name + ": " + bar.secondLabel + ", " + bar.valueText;
            table.rows.push_back({quiz.name, cell(quiz.answered), cell(quiz.right), cell(quiz.wrong)});
            answers.bars.push_back(std::move(bar));
        }
        m_out += rowChart(answers) + numbersTable(table) + "</section>\n";
    }

    const UsageStats& m_stats;
    const ReportContext& m_context;
    const ReportWords& m_words;
    int m_k;
    std::string m_out;
};

}  // namespace

std::string formatStatsReport(const UsageStats& stats, const ReportContext& context) { return ReportPage(stats, context).build(); }

}  // namespace kiosk::core
