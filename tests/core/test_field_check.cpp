// What a visitor types into a simulated form: required fields, formats, real dates.
#include <doctest/doctest.h>

#include "core/nav/field_check.hpp"

using namespace kiosk;
using core::FieldProblem;

namespace {
core::FlowField textField(core::TextFormat format, bool required = true) {
    core::FlowField field;
    field.type = core::FlowField::Type::Text;
    field.format = format;
    field.required = required;
    field.maxLength = 10;
    return field;
}
}  // namespace

TEST_CASE("a required field must not be empty or blank, an optional one may be") {
    CHECK(core::checkField(textField(core::TextFormat::Any), "") == FieldProblem::Missing);
    CHECK(core::checkField(textField(core::TextFormat::Any), "   ") == FieldProblem::Missing);
    CHECK(core::checkField(textField(core::TextFormat::Any, false), "") == FieldProblem::None);
    CHECK(core::checkField(textField(core::TextFormat::Postcode, false), "") == FieldProblem::None);
}

TEST_CASE("text formats accept what real forms accept") {
    const auto postcode = textField(core::TextFormat::Postcode);
    CHECK(core::checkField(postcode, "01900") == FieldProblem::None);
    CHECK(core::checkField(postcode, " 01900 ") == FieldProblem::None);
    CHECK(core::checkField(postcode, "1900") == FieldProblem::Malformed);
    CHECK(core::checkField(postcode, "0190a") == FieldProblem::Malformed);
    const auto email = textField(core::TextFormat::Email);
    CHECK(core::checkField(email, "a@b.de") == FieldProblem::None);
    CHECK(core::checkField(email, "a.b.de") == FieldProblem::Malformed);
    CHECK(core::checkField(email, "a@b") == FieldProblem::Malformed);
    const auto phone = textField(core::TextFormat::Phone);
    CHECK(core::checkField(phone, "+49 351/12") == FieldProblem::None);
    CHECK(core::checkField(phone, "call me") == FieldProblem::Malformed);
    CHECK(core::checkField(textField(core::TextFormat::Number), "123") == FieldProblem::None);
    CHECK(core::checkField(textField(core::TextFormat::Number), "12.3") == FieldProblem::Malformed);
    CHECK(core::checkField(textField(core::TextFormat::Any), "ÄÖÜäöüßéèê") == FieldProblem::None);  // 10 letters
    CHECK(core::checkField(textField(core::TextFormat::Any), "ÄÖÜäöüßéèêx") == FieldProblem::TooLong);
}

TEST_CASE("choices must name an option, checks must be ticked, dates must exist") {
    core::FlowField choice;
    choice.type = core::FlowField::Type::Choice;
    choice.required = true;
    choice.options = {{"alone", {}}, {"family", {}}};
    CHECK(core::checkField(choice, "family") == FieldProblem::None);
    CHECK(core::checkField(choice, "friends") == FieldProblem::Malformed);

    core::FlowField check;
    check.type = core::FlowField::Type::Check;
    check.required = true;
    CHECK(core::checkField(check, "yes") == FieldProblem::None);
    CHECK(core::checkField(check, "") == FieldProblem::Missing);

    CHECK(core::isCalendarDate("2024-02-29"));
    CHECK_FALSE(core::isCalendarDate("2025-02-29"));
    CHECK_FALSE(core::isCalendarDate("1900-02-29"));
    CHECK(core::isCalendarDate("2000-02-29"));
    CHECK_FALSE(core::isCalendarDate("2025-13-01"));
    CHECK_FALSE(core::isCalendarDate("2025-4-01"));
    CHECK_FALSE(core::isCalendarDate("2025-04-31"));
}

TEST_CASE("a sample value is one the field accepts: the author's example in the visitor's language, else one of its format") {
    auto withExample = textField(core::TextFormat::Any);
    withExample.example.set("de", "Erika");
    withExample.example.set("en", "Erica");
    CHECK(core::sampleValue(withExample, {"en", "de"}, "2025-03-14") == "Erica");
    for (const auto format : {core::TextFormat::Any, core::TextFormat::Postcode, core::TextFormat::Number,
                              core::TextFormat::Email, core::TextFormat::Phone}) {
        const auto field = textField(format);
        CHECK(core::checkField(field, core::sampleValue(field, {"de"}, "2025-03-14")) == FieldProblem::None);
    }
    core::FlowField choice;
    choice.type = core::FlowField::Type::Choice;
    choice.required = true;
    choice.options.push_back(core::FieldOption{"first", {}});
    CHECK(core::sampleValue(choice, {"de"}, "2025-03-14") == "first");
    core::FlowField date;
    date.type = core::FlowField::Type::Date;
    date.required = true;
    CHECK(core::sampleValue(date, {"de"}, "2025-03-14") == "2025-03-14");
    CHECK(core::checkField(date, core::sampleValue(date, {"de"}, "2025-03-14")) == FieldProblem::None);
}
