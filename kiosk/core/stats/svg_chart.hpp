// Bar charts as inline SVG for the statistics report, drawn from the shown numbers only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::core {

// Safe in HTML and SVG text and inside quoted attributes. Control characters become U+FFFD:
// the data may hold any bytes (a hand-edited log), none of which may end or bend the markup.
std::string escapeHtml(std::string_view text);

// One bar. A suppressed cell has no `shown` value at all: the chart never receives a hidden
// number, so no height, length, attribute or title can give it away. All texts are plain (the
// chart escapes them) and already in the report's language.
struct ChartBar {
    std::string label;        // columns: under the bar (the day of the month); rows: above the bar
    std::string secondLabel;  // columns: a second line under the first (the weekday); rows: a muted note after the label
    std::string groupLabel;   // columns: under the first bar of a group (the month where it changes)
    std::optional<std::int64_t> shown;
    std::string valueText;    // what the bar is labelled with: "23", "1.234", "<5"; empty for an empty slot
    std::string description;  // the bar's <title> (a tooltip): what it is and its value
    // Rows only: the first part of a shown bar (right answers), drawn dark, the rest light. Empty
    // when the split is hidden: then the whole bar is hatched, at the shown total's length.
    std::optional<std::int64_t> shownPart;
};

struct Chart {
    std::string id;     // unique in the document: the SVG's pattern is named after it
    std::string label;  // the SVG's accessible name
    std::vector<ChartBar> bars;
    std::string hiddenLegend;  // under the chart, next to a hatched swatch, when a bar is hidden
    std::string partLegend;    // rows with parts: what the dark part is …
    std::string restLegend;    // … and the light one
};

// One square of a heat map. As with a bar, a suppressed cell has no `shown` value at all.
struct HeatCell {
    std::optional<std::int64_t> shown;
    std::string valueText;    // written in the square: "12", "<5"; empty for a square without visits
    std::string description;  // its <title>
};

// A grid of squares whose darkness is the shown value over the largest shown one, each also
// labelled with its number (so the grid reads without telling shades apart, and in grey print).
struct HeatMap {
    std::string id;     // unique in the document, as a Chart's
    std::string label;  // the SVG's accessible name
    std::vector<std::string> rowLabels;     // left of each row: the weekdays
    std::vector<std::string> columnLabels;  // above each column: the hours
    std::vector<std::vector<HeatCell>> cells;  // [row][column]
    std::string noneLegend;    // next to an empty square
    std::string scaleLegend;   // next to the light-to-dark swatches; "{max}" becomes the largest shown value's text
    std::string hiddenLegend;  // next to a hatched square, when one is hidden
};

std::string heatMapChart(const HeatMap& map);

// Bars side by side, scaled by the largest shown value: days, hours of the day.
std::string columnChart(const Chart& chart);

// One horizontal bar per row under its label, scaled by the largest shown value: packs,
// languages, a flow's steps, quizzes.
std::string rowChart(const Chart& chart);

}  // namespace kiosk::core
