// The date tile gives the eye a column to run down; the weekday matters most to visitors planning
// a visit ("Thursdays I can come"), so it is on top.
#include "ui/blocks/events_block.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "ui/blocks/block_shapes.hpp"
#include "ui/widgets/text_layout.hpp"

namespace kiosk::ui {
namespace {

std::string replaceAll(std::string text, std::string_view placeholder, std::string_view value) {
    for (std::size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
    }
    return text;
}

struct EventLayout {
    EventDateWords date;
    std::string year;      // empty in the current year
    std::string timeText;  // owned here: `time` points into it
    TextLayout time;
    TextLayout title;
    TextLayout place;
    TextLayout description;
};

}  // namespace

EventDateWords eventDateWords(const BlockStrings& words, const core::CalendarDate& date) {
    using namespace std::chrono;
    const year_month_day ymd{year{date.year}, month{static_cast<unsigned>(date.month)}, day{static_cast<unsigned>(date.day)}};
    EventDateWords out;
    out.day = std::to_string(date.day);
    if (!ymd.ok()) return out;  // core checks dates; an impossible one shows its day number only
    const unsigned isoWeekday = weekday{sys_days{ymd}}.iso_encoding();  // 1 Monday … 7 Sunday
    out.weekday = words.weekdaysShort[isoWeekday - 1];
    out.month = words.monthsShort[static_cast<std::size_t>(date.month - 1)];
    return out;
}

std::string eventTimeText(const BlockStrings& words, const core::Event& event) {
    if (event.startTime.empty()) return words.allDay;
    if (event.endTime.empty()) return replaceAll(words.timeAt, "{start}", event.startTime);
    return replaceAll(replaceAll(words.timeRange, "{start}", event.startTime), "{end}", event.endTime);
}

void drawEventsBlock(FrameContext& ctx, const BlockPlace& place, const core::EventsBlock& block) {
    const Theme& theme = ctx.theme;
    const Palette& colors = theme.colors();
    const BlockStrings& words = ctx.strings.blocks;
    const float padding = theme.em(1.1f);
    const float gap = theme.em(0.8f);
    ImFont* tileSmall = theme.fonts().small;
    ImFont* tileDay = theme.fonts().display;

    std::vector<EventLayout> events;
    float tileWidth = theme.em(4.6f);
    for (const core::Event& event : block.events) {
        EventLayout e;
        e.date = eventDateWords(words, event.date);
        if (event.date.year != ctx.today.year) e.year = std::to_string(event.date.year);
        for (const std::string* label : {&e.date.weekday, &e.date.month, &e.year}) {
            tileWidth = std::max(tileWidth, textWidth(tileSmall, *label) + theme.em(1.0f));
        }
        events.push_back(std::move(e));
    }
    const float textLeft = padding + tileWidth + theme.em(1.2f);
    const float textColumn = std::max(place.width - textLeft - padding, theme.em(8.0f));
    const float pinIcon = theme.em(1.0f);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const core::Event& event = block.events[i];
        EventLayout& e = events[i];
        e.timeText = eventTimeText(words, event);
        e.time = layoutText(theme.fonts().bodyBold, colors.primary, e.timeText, textColumn, kLabelLineHeight, ctx.audit);
        e.title = layoutText(theme.fonts().subheading, colors.text, event.title.in(ctx.languages), textColumn,
                             kLabelLineHeight, ctx.audit);
        if (!event.place.empty()) {
            e.place = layoutText(theme.fonts().body, colors.textMuted, event.place.in(ctx.languages),
                                 textColumn - pinIcon - theme.em(0.4f), kReadingLineHeight, ctx.audit);
        }
        if (!event.description.empty()) {
            e.description = layoutText(theme.fonts().body, colors.text, event.description.in(ctx.languages), textColumn,
                                       kReadingLineHeight, ctx.audit);
        }
    }

    const ImVec2 origin = beginBlock(place);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    float y = origin.y;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const EventLayout& e = events[i];
        const float small = tileSmall->FontSize * kLabelLineHeight;
        const float tileContent = small + tileDay->FontSize * 1.05f + small + (e.year.empty() ? 0.0f : small);
        float text = e.time.size.y + theme.em(0.2f) + e.title.size.y;
        if (e.place.lines > 0) text += theme.em(0.3f) + e.place.size.y;
        if (e.description.lines > 0) text += theme.em(0.5f) + e.description.size.y;
        const float height = std::max(tileContent + theme.em(1.2f), text) + 2 * padding;

        const ImVec2 min(origin.x, y);
        const ImVec2 max(origin.x + place.width, y + height);
        drawCard(draw, theme, min, max, colors.surface, colors.border, theme.hairline());

        // The date tile fills the card's height; its words are centred in it.
        const ImVec2 tileMin(min.x + padding, min.y + padding);
        const ImVec2 tileMax(tileMin.x + tileWidth, max.y - padding);
        draw.AddRectFilled(tileMin, tileMax, colors.highlight, theme.cornerRadius());
        const float tileCenter = (tileMin.x + tileMax.x) * 0.5f;
        float tileY = (tileMin.y + tileMax.y) * 0.5f - tileContent * 0.5f;
        auto tileLine = [&](ImFont* font, const std::string& label, ImU32 color, float lineHeight) {
            if (label.empty()) return;
            const float w = checkLabel(ctx, font, label, tileWidth);
            draw.AddText(font, font->FontSize, ImVec2(tileCenter - w * 0.5f, tileY + (lineHeight - font->FontSize) * 0.5f), color,
                         label.c_str());
            tileY += lineHeight;
        };
        tileLine(theme.fonts().small, e.date.weekday, colors.primary, small);
        tileLine(tileDay, e.date.day, colors.text, tileDay->FontSize * 1.05f);
        tileLine(theme.fonts().small, e.date.month, colors.text, small);
        tileLine(theme.fonts().small, e.year, colors.textMuted, small);

        const float left = min.x + textLeft;
        float textY = min.y + padding;
        drawTextLayout(draw, ImVec2(left, textY), e.time);
        textY += e.time.size.y + theme.em(0.2f);
        drawTextLayout(draw, ImVec2(left, textY), e.title);
        textY += e.title.size.y;
        if (e.place.lines > 0) {
            textY += theme.em(0.3f);
            const float firstLine = e.place.size.y / static_cast<float>(e.place.lines);
            drawPictogram(draw, Pictogram::Pin, ImVec2(left + pinIcon * 0.5f, textY + firstLine * 0.5f), pinIcon,
                          colors.textMuted, colors.surface);
            drawTextLayout(draw, ImVec2(left + pinIcon + theme.em(0.4f), textY), e.place);
            textY += e.place.size.y;
        }
        if (e.description.lines > 0) drawTextLayout(draw, ImVec2(left, textY + theme.em(0.5f)), e.description);
        y += height + (i + 1 < events.size() ? gap : 0.0f);
    }
    endBlock(place, origin, y - origin.y);
}

}  // namespace kiosk::ui
