// The statistics report's words in German and English, and how each language writes numbers,
// dates and durations.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "core/stats/stats_report.hpp"

namespace kiosk::core {

// Plain text (the report escapes it). "{name}" marks what fillIn puts in; a number and its unit
// are joined by a no-break space (U+00A0), so a line never ends between "7" and "Tage".
struct ReportWords {
    const char* htmlLanguage;
    const char* product;
    const char* title;
    const char* periodLabel;
    const char* period;  // "{from}", "{to}", "{days}"
    const char* oneDay;
    const char* manyDays;  // "{days}"
    const char* generatedLabel;
    const char* minimumLabel;
    const char* minimum;  // "{k}"
    const char* timesInUtc;
    const char* anonymous;
    const char* suppression;  // "{k}"
    const char* secondary;
    const char* noneHidden;
    const char* noVisits;
    const char* keyFigures;
    const char* visits;
    const char* visitsNote;
    const char* averageLength;
    const char* averageNote;
    const char* medianLength;
    const char* medianNote;
    const char* tooFewToSay;  // "{k}": under a hidden length
    const char* perDay;
    const char* perDayLead;
    const char* perHour;
    const char* perHourLead;
    const char* hourRange;  // "{from}", "{to}": "14–15 Uhr"
    const char* perWeekHour;
    const char* perWeekHourLead;
    const char* weekday;          // the table's first column
    const char* noVisitsLegend;   // next to an empty square of the heat map
    const char* scaleLegend;      // "{max}": next to its shades
    const char* packs;
    const char* packsLead;
    const char* pages;
    const char* pagesLead;
    const char* languages;
    const char* languagesLead;
    const char* flows;
    const char* flowsLead;
    const char* noFlows;
    const char* stepColumn;
    const char* step;  // "{step}"
    const char* completed;
    const char* leftHere;  // "{count}"
    const char* reached;
    const char* left;
    const char* quizzes;
    const char* quizzesLead;
    const char* noQuizzes;
    const char* rightAndWrong;  // "{right}", "{wrong}"
    const char* answered;
    const char* right;
    const char* wrong;
    const char* noRows;
    const char* hiddenLegend;
    const char* chartOf;  // "{title}": a chart's accessible name
    const char* date;
    const char* hour;
    const char* content;
    const char* page;
    const char* language;
    const char* quiz;
    const char* views;
    const char* viewsNote;  // "{count}"
    const char* visitsOf;   // "{what}", "{count}": a bar's tooltip, "Deutsch (de): 12 Besuche"
    const char* footer;     // "{version}"
    const char* dayMonthYear;  // "{day}", "{month}", "{year}"
    const char* dateAndTime;   // "{date}", "{time}"
    const char* months[12];
    const char* weekdays[7];  // Monday first
    char thousands;           // '.' or ','
};

const ReportWords& reportWords(ReportLanguage language);

// `pattern` with each "{name}" replaced by its value.
std::string fillIn(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> values);

// A calendar date and time of day as the report's time zone sees it.
struct CivilTime {
    std::chrono::year_month_day date;
    int hour = 0;
    int minute = 0;
};
CivilTime civilTime(WallTime time, StatsTimeZone zone);

std::string formatCount(std::int64_t value, const ReportWords& words);       // "1.234" / "1,234"
std::string formatCell(const StatsCell& cell, int k, const ReportWords& words);  // the count, or "<k"
std::string formatDate(const std::chrono::year_month_day& date, const ReportWords& words);  // "3. Juni 2025" / "3 June 2025"
std::string formatDateTime(const CivilTime& time, const ReportWords& words);  // "3. Juni 2025, 14:05 Uhr" / "3 June 2025, 14:05"
std::string weekdayOf(const std::chrono::year_month_day& date, const ReportWords& words);  // "Mo"
std::string formatDuration(std::int64_t seconds);  // "45 s", "3 min 05 s", "1 h 02 min"

// "Deutsch (de)" for the tags the kiosk ships, the tag itself for any other.
std::string languageName(const std::string& tag, ReportLanguage language);

}  // namespace kiosk::core
