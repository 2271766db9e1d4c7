// One block per form: a bar per step for the visits that got that far, how many stopped there,
// and how many finished. The log knows steps by number only; the loaded pack, where it has the
// form, gives them their titles.
#include "ui/staff/staff_funnels.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "ui/staff/staff_chart_parts.hpp"
#include "ui/staff/staff_strings.hpp"
#include "ui/widgets/placeholders.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

// The form behind "pack/flow", if the kiosk has it loaded (a pack may have been removed since).
const core::Flow* findFlow(const FrameContext& ctx, const std::string& name) {
    const auto slash = name.find('/');
    if (slash == std::string::npos) return nullptr;
    const core::Pack* pack = ctx.nav.library().findPack(name.substr(0, slash));
    return pack ? pack->findFlow(name.substr(slash + 1)) : nullptr;
}

// Steps 1 … n are the form's, n + 1 its summary.
std::string stepLabel(const FrameContext& ctx, const core::Flow* flow, int step, const StaffStrings& words) {
    const auto count = flow ? static_cast<int>(flow->steps.size()) : -1;
    if (flow && step >= 1 && step <= count) {
        const std::string& title = flow->steps[static_cast<std::size_t>(step - 1)].title.in(ctx.languages);
        if (!title.empty()) return std::to_string(step) + ". " + title;
    }
    if (flow && step == count + 1) return words.statsSummary;
    return fillPlaceholders(words.statsStep, {{"step", std::to_string(step)}});
}

float drawFunnel(FrameContext& ctx, const core::FlowFunnel& funnel, int k, ImVec2 origin, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    const float gap = theme.em(0.8f);
    const core::Flow* flow = findFlow(ctx, funnel.name);
    float y = origin.y;

    const std::string title = flow && !flow->title.in(ctx.languages).empty() ? flow->title.in(ctx.languages) : funnel.name;
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(origin.x, y), ellipsized(fonts.bodyBold, title, width), width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight;
    if (title != funnel.name) {
        labelAt(ctx, fonts.small, colors.textMuted, ImVec2(origin.x, y), ellipsized(fonts.small, funnel.name, width), width);
        y += fonts.small->FontSize * kLabelLineHeight;
    }
    ctx.items.record("staff/stats/flow/" + funnel.name, origin, ImVec2(origin.x + width, y));
    y += theme.em(0.2f);

    // A column for those who stopped at each step, right of the bars, under its own heading.
    const float leftColumn = std::max(textWidth(fonts.small, words.statsStoppedHere), theme.em(3.5f));
    const BarColumns columns{width * 0.34f, width * 0.66f - theme.em(3.5f) - leftColumn - 2 * gap, theme.em(3.5f) + gap};
    const float leftX = origin.x + width - leftColumn;
    labelAt(ctx, fonts.small, colors.textMuted, ImVec2(origin.x + columns.name, y), words.statsReached, columns.bars + columns.value);
    labelAt(ctx, fonts.small, colors.textMuted, ImVec2(leftX, y), words.statsStoppedHere, leftColumn);
    y += fonts.small->FontSize * kLabelLineHeight;

    std::int64_t largest = 1;
    for (const core::FunnelStep& step : funnel.steps) {
        if (!step.reached.suppressed) largest = std::max(largest, step.reached.value);
    }
    if (!funnel.completed.suppressed) largest = std::max(largest, funnel.completed.value);
    const std::string id = "staff/stats/flow/" + funnel.name;
    for (const core::FunnelStep& step : funnel.steps) {
        const std::string stepId = id + "/step/" + std::to_string(step.step);
        const float height = drawBarRow(ctx, ImVec2(origin.x, y), BarRow{stepId, stepLabel(ctx, flow, step.step, words), step.reached}, columns, largest, k);
        const std::string left = shownCount(step.left, k);
        const float w = labelAt(ctx, fonts.body, colors.text, ImVec2(leftX, y), left, leftColumn);
        ctx.items.record(stepId + "/left/value/" + left, ImVec2(leftX, y), ImVec2(leftX + w, y + height));
        y += height;
    }
    y += drawBarRow(ctx, ImVec2(origin.x, y), BarRow{id + "/completed", words.statsCompleted, funnel.completed}, columns, largest, k);
    return y - origin.y;
}

}  // namespace

float drawFunnels(FrameContext& ctx, const core::UsageStats& stats, ImVec2 origin, float width) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const Fonts& fonts = theme.fonts();
    const StaffStrings& words = staffStrings(ctx.languages.front());
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    float y = origin.y;
    labelAt(ctx, fonts.bodyBold, colors.text, ImVec2(origin.x, y), words.statsForms, width);
    y += fonts.bodyBold->FontSize * kLabelLineHeight + theme.em(0.2f);
    const TextLayout lead = layoutText(fonts.small, colors.textMuted, words.statsFormsLead, width, kLabelLineHeight, ctx.audit);
    drawTextLayout(draw, ImVec2(origin.x, y), lead);
    y += lead.size.y + theme.em(1.0f);
    if (stats.flows.empty()) {
        labelAt(ctx, fonts.body, colors.textMuted, ImVec2(origin.x, y), words.statsNoForms, width);
        return y + fonts.body->FontSize * kLabelLineHeight - origin.y;
    }

    // Two forms side by side where there is room (landscape), one under the other where not.
    const float between = theme.em(2.0f);
    const int columns = width >= theme.em(44.0f) ? 2 : 1;
    const float columnWidth = (width - between * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float rowHeight = 0;
    for (std::size_t i = 0; i < stats.flows.size(); ++i) {
        const int column = static_cast<int>(i % static_cast<std::size_t>(columns));
        if (column == 0 && i > 0) {
            y += rowHeight + theme.em(1.4f);
            rowHeight = 0;
        }
        const float x = origin.x + static_cast<float>(column) * (columnWidth + between);
        rowHeight = std::max(rowHeight, drawFunnel(ctx, stats.flows[i], stats.minCellSessions, ImVec2(x, y), columnWidth));
    }
    return y + rowHeight - origin.y;
}

}  // namespace kiosk::ui
