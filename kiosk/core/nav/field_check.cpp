// Simple, forgiving checks: the point is to show visitors how a real form reacts, not to police them.
#include "core/nav/field_check.hpp"

#include <algorithm>
#include <cctype>

#include "core/pack/text_reader.hpp"

namespace kiosk::core {
namespace {

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool matchesFormat(TextFormat format, std::string_view text) {
    switch (format) {
        case TextFormat::Any: return true;
        case TextFormat::Postcode: return text.size() == 5 && allDigits(text);
        case TextFormat::Number: return allDigits(text);
        case TextFormat::Email: {
            const auto at = text.find('@');
            return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos &&
                   text.back() != '.' && text.find(' ') == std::string_view::npos;
        }
        case TextFormat::Phone:
            return std::count_if(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }) >= 3 &&
                   std::all_of(text.begin(), text.end(),
                               [](unsigned char c) { return std::isdigit(c) || c == ' ' || c == '+' || c == '/' || c == '-'; });
    }
    return true;
}

bool isBlank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

bool isCalendarDate(std::string_view value) {
    if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
    if (!allDigits(value.substr(0, 4)) || !allDigits(value.substr(5, 2)) || !allDigits(value.substr(8, 2))) return false;
    const int year = std::stoi(std::string(value.substr(0, 4)));
    const int month = std::stoi(std::string(value.substr(5, 2)));
    const int day = std::stoi(std::string(value.substr(8, 2)));
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

FieldProblem checkField(const FlowField& field, std::string_view value) {
    if (isBlank(value)) return field.required ? FieldProblem::Missing : FieldProblem::None;
    switch (field.type) {
        case FlowField::Type::Text: {
            if (countCharacters(value) > static_cast<std::size_t>(field.maxLength)) return FieldProblem::TooLong;
            std::string_view trimmed = value;
            while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
            while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
            return matchesFormat(field.format, trimmed) ? FieldProblem::None : FieldProblem::Malformed;
        }
        case FlowField::Type::Choice: return field.findOption(value) ? FieldProblem::None : FieldProblem::Malformed;
        case FlowField::Type::Date: return isCalendarDate(value) ? FieldProblem::None : FieldProblem::Malformed;
        case FlowField::Type::Check: return value == "yes" ? FieldProblem::None : FieldProblem::Malformed;
    }
    return FieldProblem::None;
}

std::string sampleValue(const FlowField& field, const std::vector<std::string>& languages, std::string_view today) {
    switch (field.type) {
        case FlowField::Type::Choice: return field.options.empty() ? "" : field.options.front().id;
        case FlowField::Type::Date: return std::string(today);
        case FlowField::Type::Check: return "yes";
        case FlowField::Type::Text: break;
    }
    if (!field.example.empty()) return field.example.in(languages);
    switch (field.format) {
        case TextFormat::Postcode: return "01900";
        case TextFormat::Number: return "2";
        case TextFormat::Email: return "a@b.de";
        case TextFormat::Phone: return "0351 1234";
        case TextFormat::Any: break;
    }
    return "Demo";
}

}  // namespace kiosk::core
