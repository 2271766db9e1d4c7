// A date field as three steppers (day, month, year): no tiny calendar grid to hit, no typing.
// An empty field shows today greyed out; the first tap on a stepper starts from there.
#include <algorithm>
#include <array>
#include <cfloat>
#include <string>

#include "ui/access_strings.hpp"
#include "ui/widgets/buttons.hpp"
#include "ui/widgets/date_text.hpp"
#include "ui/widgets/form_fields.hpp"
#include "ui/widgets/form_marks.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

struct Stepper {
    DatePart part;
    const char* name;   // "day": the item ids' word, the same in every language
    const char* label;  // "Tag", shown above
    std::string value;  // "14", "März", "2025"
    float valueWidth;
};

float lineWidth(const ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

// One "− value +" group; emits the stepped date when a button is tapped.
void drawStepper(FrameContext& ctx, const FieldView& view, const Stepper& stepper, core::CalendarDate shown, bool chosen,
                 ImVec2 at) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const float button = theme.touchTarget();
    const float gap = theme.em(0.3f);
    ImDrawList& draw = *ImGui::GetWindowDrawList();

    ImFont* labelFont = theme.fonts().small;
    draw.AddText(labelFont, labelFont->FontSize, at, colors.textMuted, stepper.label);
    const float top = at.y + labelFont->FontSize + theme.em(0.2f);
    float x = at.x;
    for (const int delta : {-1, +1}) {
        const std::string itemId = view.itemId + "/" + stepper.name + (delta > 0 ? "+" : "-");
        ImGui::SetCursorScreenPos(ImVec2(x, top));
        const bool tapped = touchButton(ctx, ButtonSpec{itemId, "", ButtonStyle::Secondary}, ImVec2(button, button));
        // Drawn as − and +: speech says what they change and which way ("Tag 14, mehr").
        const AccessStrings& words = accessStrings(ctx.languages);
        ctx.items.describeLast(std::string(stepper.label) + " " + stepper.value + ", " + (delta > 0 ? words.more : words.less),
                               ItemRole::Button);
        if (tapped) ctx.emit<core::SetFieldValue>(view.field.id, fieldDateValue(stepDate(shown, stepper.part, delta)));
        drawPlusMinus(draw, ImVec2(x + button * 0.5f, top + button * 0.5f), theme.em(0.9f), theme.em(0.16f), colors.primary,
                      delta > 0);
        if (delta < 0) {
            // The value between the buttons: muted while it only shows today as a starting point.
            x += button + gap;
            ImFont* font = theme.fonts().bodyBold;
            const float width = lineWidth(font, stepper.value);
            draw.AddText(font, font->FontSize,
                         ImVec2(x + (stepper.valueWidth - width) * 0.5f, top + (button - font->FontSize) * 0.5f),
                         chosen ? colors.text : colors.textMuted, stepper.value.c_str());
            x += stepper.valueWidth + gap;
        }
    }
}

}  // namespace

void drawDateInput(FrameContext& ctx, const FieldView& view, float width) {
    const Theme& theme = ctx.theme;
    const FlowStrings& words = ctx.strings.flow;
    const auto chosenDate = parseFieldDate(view.value);
    const core::CalendarDate shown = chosenDate ? *chosenDate : stepDate(ctx.today, DatePart::Day, 0);
    const bool chosen = chosenDate.has_value();

    ImFont* valueFont = theme.fonts().bodyBold;
    const float padding = theme.em(0.4f);
    float monthWidth = 0;
    for (const char* month : words.monthNames) monthWidth = std::max(monthWidth, lineWidth(valueFont, month));
    const std::array<Stepper, 3> steppers{{
        {DatePart::Day, "day", words.day, std::to_string(shown.day), lineWidth(valueFont, "00") + padding},
        {DatePart::Month, "month", words.month, words.monthNames[static_cast<std::size_t>(shown.month - 1)], monthWidth + padding},
        {DatePart::Year, "year", words.year, std::to_string(shown.year), lineWidth(valueFont, "0000") + padding},
    }};
    const float button = theme.touchTarget();
    const float inner = theme.em(0.3f);
    const float groupGap = theme.em(1.2f);
    const float groupHeight = theme.fonts().small->FontSize + theme.em(0.2f) + button;
    float rowWidth = 0;
    for (const Stepper& s : steppers) rowWidth += 2 * button + 2 * inner + s.valueWidth;
    rowWidth += 2 * groupGap;
    // One row where it fits; on narrow portrait columns one stepper under the other.
    const bool oneRow = rowWidth <= width;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 at = origin;
    for (const Stepper& s : steppers) {
        drawStepper(ctx, view, s, shown, chosen, at);
        if (oneRow) {
            at.x += 2 * button + 2 * inner + s.valueWidth + groupGap;
        } else {
            at.y += groupHeight + theme.em(0.5f);
        }
    }
    const float bottom = oneRow ? origin.y + groupHeight : at.y - theme.em(0.5f);

    // The whole date in words, so the three parts read as one day; "Today" as a quick start.
    const float chipHeight = theme.em(2.2f);
    const float lineTop = bottom + theme.em(0.5f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, lineTop));
    const ButtonSpec today{view.itemId + "/today", words.useToday, ButtonStyle::Chip};
    const float todayWidth = buttonWidth(ctx, today);
    if (touchButton(ctx, today, ImVec2(todayWidth, chipHeight))) {
        ctx.emit<core::SetFieldValue>(view.field.id, fieldDateValue(stepDate(ctx.today, DatePart::Day, 0)));
    }
    const std::string line = chosen ? formatDate(words, shown) : std::string(words.noDateYet);
    ImFont* lineFont = chosen ? theme.fonts().bodyBold : theme.fonts().body;
    const float textX = origin.x + todayWidth + theme.em(0.7f);
    ImGui::SetCursorScreenPos(ImVec2(textX, lineTop + (chipHeight - lineFont->FontSize) * 0.5f));
    drawWrapped(ctx, lineFont, chosen ? theme.colors().text : theme.colors().textMuted, line, width - (textX - origin.x));
    ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(ImGui::GetCursorScreenPos().y, lineTop + chipHeight + theme.em(0.3f))));
}

}  // namespace kiosk::ui
