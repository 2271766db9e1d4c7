// Our own few SVG primitives: no fonts to measure text with, so labels get room by estimate,
// and every size comes from a shown number or from a constant, never from a hidden one.
#include "core/stats/svg_chart.hpp"

#include <algorithm>
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

}  // namespace kiosk::core
