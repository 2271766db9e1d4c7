// A list of events: one card each, with a date tile (weekday, day, month in the visitor's
// language), the time, title, place and description.
#pragma once

#include <string>

#include "core/pack/blocks.hpp"
#include "ui/blocks/block_place.hpp"

namespace kiosk::ui {

struct EventDateWords {
    std::string weekday;  // "Do", "Thu", "Чт"
    std::string day;      // "4"
    std::string month;    // "Dez", "Dec", "груд."
};

EventDateWords eventDateWords(const BlockStrings& words, const core::CalendarDate& date);

// "18:00 – 20:00 Uhr", "18:00 Uhr", "ganztägig".
std::string eventTimeText(const BlockStrings& words, const core::Event& event);

// Events come sorted from core; the year shows only on events outside the current year (ctx.today).
void drawEventsBlock(FrameContext& ctx, const BlockPlace& place, const core::EventsBlock& block);

}  // namespace kiosk::ui
