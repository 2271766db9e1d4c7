// Our own few SVG primitives: no fonts to measure text with, so labels get room by estimate,
// and every size comes from a shown number or from a constant, never from a hidden one.
#include "core/stats/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::core {
namespace {

// User units; the page scales the SVG to its width (CSS px on screen, about 180 mm on A4).
constexpr double kWidth = 720.0;

// Calm colours that stay apart in grey-scale print: dark bars, light parts, hatching for hidden.
constexpr const char* kBarColor = "#2c5d87";
constexpr const char* kLightColor = "#b9cde0";
constexpr const char* kHatchBack = "#eceff3";
constexpr const char* kHatchLine = "#4d5661";
constexpr const char* kTextColor = "#1c2127";
constexpr const char* kMutedColor = "#4f5863";
constexpr const char* kAxisColor = "#8f98a3";
constexpr const char* kFontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

// A hidden bar's size is a constant fraction, the same whatever it hides.
constexpr double kHiddenColumnShare = 0.32;
constexpr double kHiddenRowShare = 0.16;

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    std::string out = buffer;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
    return out;
}

std::size_t codePoints(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Wide enough for the system fonts we name, a little generous so nothing overlaps.
double estimatedWidth(std::string_view text, double fontSize, bool bold = false) {
    return static_cast<double>(codePoints(text)) * fontSize * (bold ? 0.62 : 0.57);
}

std::string hatchId(const Chart& chart) { return escapeHtml(chart.id) + "-hatch"; }

std::string svgOpen(const Chart& chart, double height) {
    const std::string h = number(height);
    std::string out = "<svg class=\"chart\" viewBox=\"0 0 " + number(kWidth) + " " + h + "\" width=\"" + number(kWidth) + "\" height=\"" + h +
                      "\" role=\"img\" aria-label=\"" + escapeHtml(chart.label) + "\" font-family=\"" + kFontStack + "\">\n";
    out += "<defs><pattern id=\"" + hatchId(chart) + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">";
    out += std::string("<rect width=\"6\" height=\"6\" fill=\"") + kHatchBack + "\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" +
           kHatchLine + "\" stroke-width=\"1.5\"/></pattern></defs>\n";
    return out;
}

std::string rect(double x, double y, double w, double h, const std::string& fill, const std::string& title, const std::string& extra = "") {
    return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(w) + "\" height=\"" + number(h) + "\" fill=\"" + fill + "\"" +
           extra + (title.empty() ? "/>\n" : "><title>" + escapeHtml(title) + "</title></rect>\n");
}

std::string text(double x, double y, double size, const std::string& content, const std::string& attributes = "") {
    return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" font-size=\"" + number(size) + "\"" + attributes + ">" + escapeHtml(content) +
           "</text>\n";
}

std::string hatchFill(const Chart& chart) { return "url(#" + hatchId(chart) + ")"; }
std::string hiddenOutline() { return std::string(" stroke=\"") + kHatchLine + "\" stroke-width=\"1\" stroke-dasharray=\"3 2\""; }

std::int64_t largestShown(const Chart& chart) {
    std::int64_t largest = 0;
    for (const ChartBar& bar : chart.bars) {
        if (bar.shown) largest = std::max(largest, *bar.shown);
    }
    return std::max<std::int64_t>(largest, 1);
}

// Swatches and their words under a chart, one legend line at `y`.
std::string legend(const Chart& chart, double y, bool withHidden, bool withParts) {
    std::string out;
    double x = 0;
    auto entry = [&](const std::string& fill, const std::string& extra, const std::string& words) {
        out += rect(x, y - 10, 16, 11, fill, "", extra);
        out += text(x + 22, y, 12, words, std::string(" fill=\"") + kMutedColor + "\"");
        x += 22 + estimatedWidth(words, 12) + 24;
    };
    if (withParts) {
        entry(kBarColor, "", chart.partLegend);
        entry(kLightColor, std::string(" stroke=\"") + kBarColor + "\" stroke-width=\"1\"", chart.restLegend);
    }
    if (withHidden) entry(hatchFill(chart), hiddenOutline(), chart.hiddenLegend);
    return out;
}

// The heat map's shades: from a pale tint of the bars' blue (few) to the bars' blue (the most).
struct Rgb {
    double r, g, b;
};
constexpr Rgb kPaleRgb{0xe4, 0xec, 0xf4};
constexpr Rgb kBarRgb{0x2c, 0x5d, 0x87};
constexpr Rgb kTextRgb{0x1c, 0x21, 0x27};
constexpr const char* kEmptyFill = "#ffffff";
constexpr const char* kEmptyStroke = "#d5dae0";

Rgb mix(const Rgb& a, const Rgb& b, double share) {
    return Rgb{a.r + (b.r - a.r) * share, a.g + (b.g - a.g) * share, a.b + (b.b - a.b) * share};
}

std::string hex(const Rgb& c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<unsigned>(std::lround(c.r)), static_cast<unsigned>(std::lround(c.g)),
                  static_cast<unsigned>(std::lround(c.b)));
    return buffer;
}

// WCAG's relative luminance, to write each number in whichever of dark text and white contrasts more.
double luminance(const Rgb& c) {
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

bool whiteTextOn(const Rgb& fill) {
    const double l = luminance(fill);
    return 1.05 / (l + 0.05) > (l + 0.05) / (luminance(kTextRgb) + 0.05);
}

// Even the fewest visits get a tint that stands apart from an empty square.
Rgb heatShade(double share) { return mix(kPaleRgb, kBarRgb, 0.12 + 0.88 * std::clamp(share, 0.0, 1.0)); }

}  // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    out += "\xEF\xBF\xBD";
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string columnChart(const Chart& chart) {
    const std::size_t n = std::max<std::size_t>(chart.bars.size(), 1);
    const double slot = kWidth / static_cast<double>(n);
    // Capped, so a short period does not turn into a wall of blocks.
    const double barWidth = std::clamp(slot * 0.68, 1.0, 44.0);
    const double labelSize = slot >= 40.0 ? 12.5 : 11.0;
    // Narrow slots (a long period) turn the numbers over the bars on their side, and labels under
    // them thin out; slots too narrow even for that get one dashed line at the largest shown
    // value instead (the table has every number).
    const bool valueLabels = slot >= 16.0;
    const bool sidewaysLabels = !valueLabels && slot >= 7.0;
    const std::size_t labelEvery = slot >= 20.0 ? 1 : static_cast<std::size_t>(24.0 / slot) + 1;
    const bool secondLine = slot >= 18.0 && std::any_of(chart.bars.begin(), chart.bars.end(), [](const ChartBar& b) { return !b.secondLabel.empty(); });
    const bool groups = std::any_of(chart.bars.begin(), chart.bars.end(), [](const ChartBar& b) { return !b.groupLabel.empty(); });
    const bool hidden = std::any_of(chart.bars.begin(), chart.bars.end(), [](const ChartBar& b) { return !b.shown; });

    const double top = sidewaysLabels ? 34.0 : 20.0;
    const double plot = 150.0;
    const double baseline = top + plot;
    double below = baseline + 16.0;
    const double secondY = below + labelSize + 3.0;
    if (secondLine) below = secondY;
    const double groupY = below + 16.0;
    if (groups) below = groupY;
    const double legendY = below + 26.0;
    const double height = (hidden ? legendY : below) + 10.0;

    const std::int64_t largest = largestShown(chart);
    std::string out = svgOpen(chart, height);
    if (!valueLabels && !sidewaysLabels) {
        out += "<line x1=\"0\" y1=\"" + number(top) + "\" x2=\"" + number(kWidth) + "\" y2=\"" + number(top) + "\" stroke=\"" + kAxisColor +
               "\" stroke-dasharray=\"4 3\"/>\n";
        const auto shownMost = std::find_if(chart.bars.begin(), chart.bars.end(), [&](const ChartBar& b) { return b.shown && *b.shown == largest; });
        if (shownMost != chart.bars.end()) out += text(kWidth, top - 5, 11, shownMost->valueText, std::string(" text-anchor=\"end\" fill=\"") + kMutedColor + "\"");
    }
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ChartBar& bar = chart.bars[i];
        const double x = static_cast<double>(i) * slot;
        const double centre = x + slot / 2.0;
        const double barX = x + (slot - barWidth) / 2.0;
        double barTop = baseline;
        if (!bar.shown) {
            barTop = baseline - plot * kHiddenColumnShare;
            out += rect(barX, barTop, barWidth, baseline - barTop, hatchFill(chart), bar.description, hiddenOutline());
        } else if (*bar.shown > 0) {
            const double h = std::max(2.0, plot * static_cast<double>(*bar.shown) / static_cast<double>(largest));
            barTop = baseline - h;
            out += rect(barX, barTop, barWidth, h, kBarColor, bar.description);
        } else if (!bar.description.empty()) {
            // An empty slot still answers a pointer with what it is.
            out += rect(x, top, slot, plot, "transparent", bar.description);
        }
        const std::string weight = bar.shown ? "" : " font-weight=\"600\"";
        if (valueLabels && !bar.valueText.empty()) {
            out += text(centre, barTop - 5, labelSize, bar.valueText, std::string(" text-anchor=\"middle\" fill=\"") + kTextColor + "\"" + weight);
        } else if (sidewaysLabels && !bar.valueText.empty()) {
            const std::string at = number(centre + 3.5) + " " + number(barTop - 4);
            out += text(centre + 3.5, barTop - 4, 10, bar.valueText,
                        std::string(" transform=\"rotate(-90 ") + at + ")\" fill=\"" + kTextColor + "\"" + weight);
        }
        if (i % labelEvery == 0) {
            out += text(centre, baseline + 16, labelSize, bar.label, std::string(" text-anchor=\"middle\" fill=\"") + kMutedColor + "\"");
        }
        if (secondLine) out += text(centre, secondY, labelSize - 1, bar.secondLabel, std::string(" text-anchor=\"middle\" fill=\"") + kMutedColor + "\"");
        // A month that begins in the last slots is pulled in so that it ends at the chart's edge.
        if (!bar.groupLabel.empty()) {
            const double gx = std::min(x + 1.0, kWidth - estimatedWidth(bar.groupLabel, 11, true));
            out += text(std::max(0.0, gx), groupY, 11, bar.groupLabel, std::string(" fill=\"") + kTextColor + "\" font-weight=\"600\"");
        }
    }
    out += "<line x1=\"0\" y1=\"" + number(baseline) + "\" x2=\"" + number(kWidth) + "\" y2=\"" + number(baseline) + "\" stroke=\"" + kAxisColor +
           "\" stroke-width=\"1\"/>\n";
    if (hidden) out += legend(chart, legendY, true, false);
    return out + "</svg>\n";
}

std::string rowChart(const Chart& chart) {
    const bool parts = !chart.partLegend.empty();
    const bool hidden = std::any_of(chart.bars.begin(), chart.bars.end(), [&](const ChartBar& b) { return !b.shown || (parts && !b.shownPart); });
    // Short labels (a flow's steps, languages) sit in a column left of their bars, one line per
    // row, the note after the value; long ones (pack/page ids) get a line of their own above.
    double labelWidth = 0;
    for (const ChartBar& bar : chart.bars) labelWidth = std::max(labelWidth, estimatedWidth(bar.label, 13.5));
    const bool besideBars = labelWidth <= 220.0;
    const double barLeft = besideBars ? labelWidth + 16.0 : 0.0;
    const std::string separator = "  ·  ";
    double valueSpace = 0;
    for (const ChartBar& bar : chart.bars) {
        double width = estimatedWidth(bar.valueText, 13, true);
        if (besideBars && !bar.secondLabel.empty()) width += estimatedWidth(separator + bar.secondLabel, 12.5);
        valueSpace = std::max(valueSpace, width);
    }
    valueSpace = std::min(valueSpace + 12.0, (kWidth - barLeft) * 0.6);
    const double longest = kWidth - barLeft - valueSpace;
    const double rowHeight = besideBars ? 30.0 : 46.0;
    const double rows = static_cast<double>(chart.bars.size()) * rowHeight;
    const double legendY = rows + 18.0;
    const double height = hidden || parts ? legendY + 10.0 : rows + 2.0;

    const std::int64_t largest = largestShown(chart);
    const std::string note = std::string("<tspan fill=\"") + kMutedColor + "\" font-size=\"12.5\" font-weight=\"400\">" + separator;
    std::string out = svgOpen(chart, height);
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const ChartBar& bar = chart.bars[i];
        const double y = static_cast<double>(i) * rowHeight;
        const double barY = besideBars ? y + 6 : y + 22;
        const double barHeight = 16;
        out += "<text x=\"0\" y=\"" + number(besideBars ? barY + 13 : y + 15) + "\" font-size=\"13.5\" fill=\"" + kTextColor + "\">" + escapeHtml(bar.label);
        if (!besideBars && !bar.secondLabel.empty()) out += note + escapeHtml(bar.secondLabel) + "</tspan>";
        out += "</text>\n";
        double length = 0;
        if (!bar.shown) {
            length = longest * kHiddenRowShare;
            out += rect(barLeft, barY, length, barHeight, hatchFill(chart), bar.description, hiddenOutline());
        } else if (*bar.shown > 0) {
            length = std::max(2.0, longest * static_cast<double>(*bar.shown) / static_cast<double>(largest));
            if (parts && !bar.shownPart) {
                out += rect(barLeft, barY, length, barHeight, hatchFill(chart), bar.description, hiddenOutline());
            } else if (parts) {
                const double first = length * static_cast<double>(std::clamp<std::int64_t>(*bar.shownPart, 0, *bar.shown)) / static_cast<double>(*bar.shown);
                out += "<g><title>" + escapeHtml(bar.description) + "</title>\n";
                out += rect(barLeft, barY, length, barHeight, kLightColor, "", std::string(" stroke=\"") + kBarColor + "\" stroke-width=\"1\"");
                if (first > 0) out += rect(barLeft, barY, first, barHeight, kBarColor, "");
                out += "</g>\n";
            } else {
                out += rect(barLeft, barY, length, barHeight, kBarColor, bar.description);
            }
        }
        out += "<text x=\"" + number(barLeft + length + 8) + "\" y=\"" + number(barY + 13) + "\" font-size=\"13\" fill=\"" + kTextColor +
               "\" font-weight=\"600\">" + escapeHtml(bar.valueText);
        if (besideBars && !bar.secondLabel.empty()) out += note + escapeHtml(bar.secondLabel) + "</tspan>";
        out += "</text>\n";
    }
    if (hidden || parts) out += legend(chart, legendY, hidden, parts);
    return out + "</svg>\n";
}

std::string heatMapChart(const HeatMap& map) {
    std::size_t columns = 0;
    for (const auto& row : map.cells) columns = std::max(columns, row.size());
    columns = std::max<std::size_t>(columns, 1);
    const double labelWidth = 34.0;
    const double cellWidth = (kWidth - labelWidth) / static_cast<double>(columns);
    const double cellHeight = 26.0;
    const double top = 18.0;
    const double gap = 1.5;
    const double valueSize = cellWidth >= 26.0 ? 10.5 : 9.0;
    const double gridBottom = top + static_cast<double>(map.cells.size()) * cellHeight;

    std::int64_t largest = 0;
    const HeatCell* most = nullptr;
    bool hidden = false;
    for (const auto& row : map.cells) {
        for (const HeatCell& cell : row) {
            if (!cell.shown) hidden = true;
            if (cell.shown && *cell.shown > largest) {
                largest = *cell.shown;
                most = &cell;
            }
        }
    }
    const double legendY = gridBottom + 26.0;
    const double height = legendY + (hidden ? 22.0 : 0.0) + 10.0;

    // The chart's id names its hatching, as a bar chart's does.
    Chart named;
    named.id = map.id;
    named.label = map.label;
    std::string out = svgOpen(named, height);
    for (std::size_t c = 0; c < map.columnLabels.size() && c < columns; ++c) {
        out += text(labelWidth + (static_cast<double>(c) + 0.5) * cellWidth, top - 6, 11, map.columnLabels[c],
                    std::string(" text-anchor=\"middle\" fill=\"") + kMutedColor + "\"");
    }
    for (std::size_t r = 0; r < map.cells.size(); ++r) {
        const double y = top + static_cast<double>(r) * cellHeight;
        if (r < map.rowLabels.size()) out += text(0, y + cellHeight / 2 + 4, 12, map.rowLabels[r], std::string(" fill=\"") + kTextColor + "\"");
        for (std::size_t c = 0; c < map.cells[r].size(); ++c) {
            const HeatCell& cell = map.cells[r][c];
            const double x = labelWidth + static_cast<double>(c) * cellWidth;
            const double w = cellWidth - gap;
            const double h = cellHeight - gap;
            std::string color = kTextColor;
            if (!cell.shown) {
                out += rect(x, y, w, h, hatchFill(named), cell.description, hiddenOutline());
            } else if (*cell.shown == 0) {
                out += rect(x, y, w, h, kEmptyFill, cell.description, std::string(" stroke=\"") + kEmptyStroke + "\" stroke-width=\"1\"");
            } else {
                const Rgb fill = heatShade(static_cast<double>(*cell.shown) / static_cast<double>(std::max<std::int64_t>(largest, 1)));
                out += rect(x, y, w, h, hex(fill), cell.description);
                if (whiteTextOn(fill)) color = "#ffffff";
            }
            if (!cell.valueText.empty()) {
                const std::string weight = cell.shown ? "" : " font-weight=\"600\"";
                // A hidden square's label sits on the hatching: a pale backing keeps it legible.
                if (!cell.shown) out += rect(x + w / 2 - estimatedWidth(cell.valueText, valueSize, true) / 2 - 1.5, y + h / 2 - 6.5,
                                             estimatedWidth(cell.valueText, valueSize, true) + 3, 13, kHatchBack, "");
                out += text(x + w / 2, y + h / 2 + valueSize * 0.36, valueSize, cell.valueText,
                            " text-anchor=\"middle\" fill=\"" + color + "\"" + weight);
            }
        }
    }

    // The key: an empty square, five shades from few to the most, and (if any) a hatched one.
    double x = labelWidth;
    out += rect(x, legendY - 10, 16, 11, kEmptyFill, "", std::string(" stroke=\"") + kEmptyStroke + "\" stroke-width=\"1\"");
    out += text(x + 22, legendY, 12, map.noneLegend, std::string(" fill=\"") + kMutedColor + "\"");
    x += 22 + estimatedWidth(map.noneLegend, 12) + 24;
    if (most) {
        for (int i = 0; i < 5; ++i) out += rect(x + i * 16, legendY - 10, 16, 11, hex(heatShade(i / 4.0)), "");
        std::string scale = map.scaleLegend;
        const std::size_t at = scale.find("{max}");
        if (at != std::string::npos) scale.replace(at, 5, most->valueText);
        out += text(x + 86, legendY, 12, scale, std::string(" fill=\"") + kMutedColor + "\"");
    }
    if (hidden) {
        out += rect(labelWidth, legendY + 12, 16, 11, hatchFill(named), "", hiddenOutline());
        out += text(labelWidth + 22, legendY + 22, 12, map.hiddenLegend, std::string(" fill=\"") + kMutedColor + "\"");
    }
    return out + "</svg>\n";
}

}  // namespace kiosk::core
